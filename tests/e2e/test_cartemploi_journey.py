"""Cartemploi journey: a company finds a young person by skill and distance, writes
through the relay; the advisor releases the message; the young person reads the e-mail
and answers in the portal; the advisor records an interview then a hire; statistics and
observatory reflect it. No page or JSON exposes the young person's surname or contacts."""

import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from cartemploi.enums import SkillLevel
from cartemploi.services.profiles import accept_charter
from extranet.roles import ADVISOR_GROUP
from tests.cartemploi.factories import CompanyProfileFactory, YouthProfileFactory
from tests.e2e.axe import assert_accessible
from tests.extranet.factories import MembershipFactory
from tests.portal.factories import CommuneFactory

pytestmark = pytest.mark.e2e


def sign_in_as(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _territory():
    gueret = CommuneFactory(insee_code="23096", name="Guéret", latitude=46.171, longitude=1.872)
    near = CommuneFactory(insee_code="23001", name="Ajain", latitude=46.207, longitude=1.997)
    far = CommuneFactory(insee_code="23200", name="Lointaine", latitude=45.2, longitude=0.5)
    advisor = MembershipFactory(structure__youth_agency=True, structure__commune=gueret).user
    advisor.groups.add(Group.objects.get(name=ADVISOR_GROUP))
    agency = advisor.memberships.get().structure
    youth = YouthProfileFactory(
        published=True,
        agency=agency,
        commune=near,
        user__first_name="Camille",
        user__last_name="Vauquelin",
        user__phone="06 11 22 33 44",
        skills=[("Soudure à l'arc", SkillLevel.DIPLOMA)],
    )
    for _ in range(5):
        YouthProfileFactory(published=True, commune=far, skills=[("Soudure", SkillLevel.DECLARED)])
    company = CompanyProfileFactory(
        published=True, agency=agency, commune=gueret, name="Métallerie du Pont"
    )
    for user in (youth.user, company.user):
        accept_charter(user=user)
    return advisor, youth, company


def assert_anonymous(page, youth):
    html = page.content()
    for secret in (youth.user.last_name, youth.user.email, youth.user.phone):
        assert secret not in html, f"{secret!r} exposed on {page.url}"


def test_company_finds_young_person_and_the_relay_leads_to_a_hire(page, live_server, settings):
    settings.MAP_TILE_URL = ""  # no network in tests: the map draws markers without tiles
    advisor, youth, company = _territory()

    # 1. The company searches by skill and distance.
    sign_in_as(page, live_server, company.user)
    page.goto("/cartemploi/")
    assert_accessible(page)
    page.get_by_label("Compétence ou métier").fill("soudure")
    page.get_by_label("Autour de la commune").fill("Guéret")
    page.get_by_label("Rayon (km)").fill("30")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_selector("#cartemploi-map[data-loaded]")
    expect(page.get_by_role("heading", name="1 fiche")).to_be_visible()
    assert page.locator(".leaflet-marker-icon").count() == 1
    assert_anonymous(page, youth)
    assert_accessible(page)
    map_json = page.request.get(
        f"{live_server.url}/cartemploi/carte.json?bbox=-5,41,10,51&zoom=12&skill=soudure"
    ).text()
    assert youth.user.last_name not in map_json and youth.user.email not in map_json

    # 2. It opens the anonymous fiche and writes through the relay.
    page.get_by_role("link", name=re.compile(r"^C\. — ")).click()
    expect(page.get_by_text("Soudure à l'arc")).to_be_visible()
    assert_anonymous(page, youth)
    assert_accessible(page)
    page.get_by_role("link", name="Écrire via la mission locale").click()
    assert_accessible(page)
    page.get_by_label("Votre message").fill(
        "Bonjour, venez visiter notre atelier ! Appelez le 05 55 66 77 88."
    )
    page.get_by_role("button", name="Envoyer").click()
    expect(page.get_by_text("nous les avons masqués")).to_be_visible()
    assert "05 55 66 77 88" not in page.content()
    assert_accessible(page)
    conversation_path = urlparse(page.url).path

    # 3. The advisor releases the held first message: the young person gets an e-mail.
    sign_in_as(page, live_server, advisor)
    page.goto("/cartemploi/conseil/")
    assert_accessible(page)
    page.goto(conversation_path)
    page.get_by_role("button", name="Transmettre ce message").click()
    expect(page.get_by_text("Message transmis")).to_be_visible()
    (email,) = mail.outbox
    assert email.to == [youth.user.email]
    assert company.contact_email not in email.body and company.user.email not in email.body
    link = re.search(r"https?://\S+/cartemploi/conversations/\d+/", email.body).group(0)

    # 4. The young person follows the link and answers in the portal.
    sign_in_as(page, live_server, youth.user)
    page.goto(urlparse(link).path)
    expect(page.get_by_text("venez visiter notre atelier")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Votre message").fill("Avec plaisir, je suis disponible mardi.")
    page.get_by_role("button", name="Répondre").click()
    expect(page.get_by_text("Message envoyé.")).to_be_visible()
    assert mail.outbox[-1].to == [company.user.email]
    assert youth.user.email not in mail.outbox[-1].body

    # 5. The advisor records an interview, then a hire.
    sign_in_as(page, live_server, advisor)
    page.goto(conversation_path)
    for kind in ("Entretien", "Embauche"):
        page.get_by_role("combobox", name="Résultat").select_option(label=kind)
        page.get_by_role("button", name="Enregistrer le résultat").click()
        expect(page.get_by_text(f"Résultat enregistré : {kind}.")).to_be_visible()
    assert_accessible(page)

    # 6. Statistics and the observatory reflect it.
    page.goto("/cartemploi/conseil/statistiques/")
    totals = page.locator("#stats-table tfoot td").all_inner_texts()
    assert totals == ["1", "2", "1", "1", "1"]
    assert page.locator("canvas[role=img]").count() == 1
    assert_accessible(page)
    page.goto("/cartemploi/observatoire/")
    expect(page.get_by_role("rowheader", name="Soudure", exact=True)).to_be_visible()
    assert_anonymous(page, youth)
    assert_accessible(page)
