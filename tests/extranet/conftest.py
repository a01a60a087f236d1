"""Fixtures of the coordination tests (referrals, pathways, directory, documents)."""

from dataclasses import dataclass

import pytest

from tests.extranet.factories import MembershipFactory, ReferralFactory
from tests.repertoire.factories import ServiceFactory, StructureFactory


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
