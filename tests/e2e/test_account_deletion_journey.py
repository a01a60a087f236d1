"""A young person closes their own account from « Mon compte »; the privacy page shows the
retention table. Both pages pass axe."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from extranet.privacy.anonymise import ANONYMISED
from portal.demo import content, site
from portal.models import HomePage, User
from tests.cartemploi.factories import YouthProfileFactory
from tests.e2e.axe import assert_accessible
from tests.portal.factories import DEMO_PASSWORD

pytestmark = pytest.mark.e2e


def sign_in_as(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_young_person_deletes_their_account(page, live_server):
    profile = YouthProfileFactory(published=True)
    sign_in_as(page, live_server, profile.user)
    page.goto("/comptes/email/")
    page.get_by_role("link", name="Supprimer mon compte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Supprimer mon compte")
    assert_accessible(page)

    page.get_by_label("Mot de passe").fill("pas-le-bon")
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    assert_accessible(page)
    assert User.objects.get(pk=profile.user.pk).is_active

    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    expect(page.get_by_text("Votre compte est supprimé")).to_be_visible()
    user = User.objects.get(pk=profile.user.pk)
    assert not user.is_active and user.last_name == ANONYMISED


def test_privacy_page_retention_table_is_accessible(page, live_server):
    privacy = site.upsert_page(HomePage.objects.get(), *content.PAGES["privacy"])
    page.goto(privacy.url)
    expect(page.get_by_role("table")).to_contain_text("Dossier d'installation")
    assert_accessible(page)
