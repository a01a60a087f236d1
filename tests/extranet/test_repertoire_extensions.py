"""What the extranet plugs into the répertoire (which does not import it)."""

from django.core import mail
from django.core.management import call_command
from pytest_django.asserts import assertContains, assertNotContains

from extranet.structures.reminders import manager_emails
from repertoire import extensions
from tests.extranet.factories import MembershipFactory
from tests.portal.factories import UserFactory
from tests.repertoire.factories import StructureFactory, repertoire_page

ORIENT = "Orienter une personne ici"


def test_public_fiche_offers_network_members_to_orient_someone(client, db):
    repertoire_page()
    structure = StructureFactory()
    url = f"/repertoire/structures/{structure.slug}/"
    assert "extranet/referrals/includes/orient_here.html" in extensions.fiche_sections()
    assertNotContains(client.get(url), ORIENT)
    client.force_login(MembershipFactory().user)
    assertContains(client.get(url), f"/extranet/orientations/nouvelle/?structure={structure.slug}")


def test_fiche_keepers_are_the_active_managers_with_an_active_account(db):
    manager = MembershipFactory(manager=True)
    structure = manager.structure
    MembershipFactory(structure=structure)  # a plain member
    MembershipFactory(structure=structure, manager=True, is_active=False)
    MembershipFactory(structure=structure, manager=True, user=UserFactory(is_active=False))
    assert sorted(manager_emails(structure)) == [manager.user.email]
    assert extensions.keeper_emails(structure) == [manager.user.email]


def test_without_keepers_nobody_is_reminded(db, monkeypatch):
    monkeypatch.setattr(extensions, "_keeper_sources", [])
    MembershipFactory(manager=True, structure__last_verified_at=None)
    call_command("remind_stale_fiches")
    assert mail.outbox == []
