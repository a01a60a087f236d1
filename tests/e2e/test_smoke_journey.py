"""Smoke journey: a visitor reads the site, a member signs in, sets up TOTP, reaches the
extranet. axe-core must report no violation on any page visited."""

import json
import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from wagtail.models import Page

from portal.models import HomePage, StandardPage
from tests.e2e.axe import assert_accessible
from tests.extranet.factories import MembershipFactory
from tests.portal.factories import DEMO_PASSWORD

pytestmark = pytest.mark.e2e


def totp_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def publish_standard_page():
    home = HomePage.objects.get()
    body = [
        {"type": "heading", "value": {"text": "Trouver un logement", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Les pôles d’accueil vous aident à <b>démarrer</b>.</p>"},
        {
            "type": "quote",
            "value": {"text": "On nous a tout de suite accueillis.", "source": "Léa"},
        },
    ]
    page = StandardPage(
        title="S’installer en Creuse",
        slug="s-installer",
        introduction="Tout ce qu’il faut savoir avant de venir.",
        body=json.dumps(body),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def test_visitor_reads_home_and_standard_page(page, live_server):
    standard = publish_standard_page()

    # The Site row says localhost:80 and the live server listens on another port: Wagtail
    # serves it through its default-site fallback (Site.find_for_request).
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").first.is_visible()
    assert_accessible(page)

    page.goto(standard.url)
    assert page.locator("h1").inner_text() == "S’installer en Creuse"
    assert page.get_by_role("heading", name="Trouver un logement", level=2).is_visible()
    assert_accessible(page)

    page.locator("footer").get_by_role("link", name="Plan du site").click()  # the human plan
    page.wait_for_url("**/plan-du-site/")
    assert page.get_by_role("heading", name="Plan du site", level=1).is_visible()
    assert page.locator("main").get_by_role("link", name="Événements").is_visible()
    assert_accessible(page)


def test_skip_link_is_first_tab_stop_and_moves_focus_to_content(page, live_server):
    page.goto("/")

    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.hash]")
    assert focused == ["skip-link", "#contenu"]
    assert page.locator(".skip-link").is_visible()  # shown on focus

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def sign_in(page, user):
    page.goto("/comptes/login/")
    assert_accessible(page)
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill("pas-le-bon")
    page.get_by_role("button", name="Connexion").click()
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)  # the error state too
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(re.compile(r"/extranet/$"))


def activate_totp(page):
    page.goto("/comptes/2fa/")
    assert_accessible(page)
    page.locator("main").get_by_role("link", name="Activer").click()
    # allauth asks for the password again before any change to MFA.
    page.wait_for_url(re.compile(r"/reauthenticate/"))
    assert_accessible(page)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.locator("main form").get_by_role("button").click()
    page.wait_for_url(re.compile(r"/2fa/totp/activate/"))
    assert page.get_by_role("img", name=re.compile("QR code")).is_visible()
    assert_accessible(page)
    secret = page.locator("#totp-secret").inner_text().strip()
    wrong = str((int(totp_code(secret)) + 500_000) % 1_000_000).zfill(6)
    page.get_by_label("Code").fill(wrong)
    page.get_by_role("button", name="Activer").click()
    assert page.locator("#id_code_error").is_visible()
    assert_accessible(page)
    assert page.locator("#totp-secret").inner_text().strip() == secret
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Activer").click()
    page.wait_for_url(re.compile(r"/2fa/recovery-codes/"))


def test_member_signs_in_sets_up_totp_and_reaches_dashboard(page, live_server):
    user = MembershipFactory().user

    sign_in(page, user)
    assert_accessible(page)
    activate_totp(page)

    codes = page.get_by_label(re.compile("Codes")).input_value().split()
    assert len(codes) == 10
    assert_accessible(page)

    page.get_by_role("link", name="Extranet").click()
    page.wait_for_url(re.compile(r"/extranet/$"))
    assert user.first_name in page.locator("h1").inner_text()
    assert_accessible(page)
