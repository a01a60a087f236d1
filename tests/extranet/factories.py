"""Factories of the extranet's models (factory_boy). People and contacts are invented; never
copy the seeds' real names here."""

import factory
from django.utils import timezone

from extranet.candidates.enums import CandidateSource, ConsentSource, ProjectType
from extranet.enums import MembershipRole
from extranet.models import Candidate, CandidateShare, Membership, Referral, WelcomePole
from extranet.referrals.enums import ReferralConsent
from extranet.referrals.services import assign_reference
from tests.portal.factories import CommuneFactory, UserFactory
from tests.repertoire.factories import StructureFactory

# Uploads: the smallest files their type checks accept (and an executable they refuse).
PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    structure = factory.SubFactory(StructureFactory)
    role = MembershipRole.MEMBER

    class Params:
        manager = factory.Trait(role=MembershipRole.MANAGER)


class WelcomePoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WelcomePole
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Pôle local d'accueil {n}")
    slug = factory.Sequence(lambda n: f"pole-{n}")

    @factory.post_generation
    def officers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.officers.add(*extracted)


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    reference = factory.Sequence(lambda n: f"ACC-2026-{n + 90000:05d}")
    pole = factory.SubFactory(WelcomePoleFactory)
    source = CandidateSource.PHONE
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"candidat{n}@exemple.fr")
    project_type = ProjectType.TAKEOVER
    sector = "Commerce de proximité"
    target_commune = factory.SubFactory(CommuneFactory)
    origin_department = "75"
    consent_at = factory.LazyFunction(timezone.now)
    consent_source = ConsentSource.ORAL


class CandidateShareFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidateShare

    candidate = factory.SubFactory(CandidateFactory)
    structure = factory.SubFactory(StructureFactory)
    reason = "Reprise d'un commerce : accompagnement par la chambre consulaire."


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
