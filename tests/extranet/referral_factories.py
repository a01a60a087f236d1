"""Factories and fixtures of the coordination tests (referrals, pathways, directory).

People and contacts are invented; never copy the seeds' real names here.
"""

from dataclasses import dataclass

import factory
import pytest
from django.utils import timezone

from extranet.models import Referral
from extranet.referrals.enums import ReferralConsent
from extranet.referrals.services import assign_reference
from tests.extranet.factories import MembershipFactory
from tests.portal.factories import UserFactory
from tests.repertoire.factories import ServiceFactory, StructureFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral
        skip_postgeneration_save = True

    sender = factory.SubFactory(UserFactory)
    sender_structure = factory.SubFactory(StructureFactory)
    target_structure = factory.SubFactory(StructureFactory)
    person_first_name = "Maëlle"
    person_last_name = factory.Sequence(lambda n: f"Fictive{n}")
    person_phone = "06 00 00 00 00"
    consent_at = factory.LazyFunction(timezone.now)
    consent_method = ReferralConsent.ORAL
    subject = "Aide pour un dossier de logement"
    thematiques = ["logement-hebergement--louer-un-logement"]

    @factory.post_generation
    def with_reference(obj, create, extracted, **kwargs):
        if create:
            assign_reference(obj)


@dataclass
class Network:
    """Structures A (sends), B (receives), C (unrelated), each with one member."""

    a: object
    b: object
    c: object
    member_a: object
    member_b: object
    member_c: object
    service_b: object


@pytest.fixture
def network(db, private_media):
    memberships = [MembershipFactory(structure=StructureFactory(complete=True)) for _ in range(3)]
    a, b, c = (m.structure for m in memberships)
    service = ServiceFactory(structure=b, name="Accompagnement au logement")
    return Network(a, b, c, *(m.user for m in memberships), service_b=service)


@pytest.fixture
def referral(network):
    return ReferralFactory(
        sender=network.member_a,
        sender_structure=network.a,
        target_structure=network.b,
        target_service=network.service_b,
    )


@pytest.fixture
def private_media(settings, tmp_path):
    """Attachments go to a temporary private root, not to var/private."""
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    return tmp_path / "private"
