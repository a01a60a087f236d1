"""A newcomer from abroad in English (issue #16, "Done means"): switches to English on the
home page, browses the offers and the répertoire, reads a fiche with English labels (its
French text marked French), and sends the intake form in English; the pole officer reads
the request in French. axe: 0 violations on every page visited."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from extranet.models import Candidate
from portal.models import HomePage
from tests.e2e.axe import assert_accessible
from tests.extranet.factories import WelcomePoleFactory
from tests.portal import factories as portal_factories
from tests.portal.factories import CommuneFactory, EpciFactory, UserFactory
from tests.repertoire.factories import StructureFactory, repertoire_page, theme

pytestmark = pytest.mark.e2e


def _translate(page, **fields):
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in fields.items():
        setattr(english, name, value)
    english.save_revision().publish()
    return english


@pytest.fixture
def territory(db, settings):
    settings.MAP_TILE_URL = ""  # no network in tests
    plateau = EpciFactory(name="CC du Plateau")
    aubusson = CommuneFactory(
        name="Aubusson", insee_code="23008", postal_codes="23200", epci=plateau,
        latitude=45.95, longitude=2.17,
    )  # fmt: skip
    officer = UserFactory()
    WelcomePoleFactory(name="Pôle du Plateau", officers=[officer]).epcis.add(plateau)
    directory = repertoire_page()
    directory.show_in_menus = True
    directory.save_revision().publish()
    home = HomePage.objects.get()
    _translate(home, title="Settle in Creuse", introduction="Everything to settle here.")
    index = portal_factories.offer_index(show_in_menus=True)
    offer = portal_factories.offer(parent=index, title="Boulangerie à reprendre", commune=aubusson)
    _translate(index, title="Local offers")
    _translate(offer, title="Bakery to take over", summary="A village bakery.")
    _translate(directory, title="Directory")
    structure = StructureFactory(
        name="Foyer des jeunes travailleurs", commune=aubusson, complete=True,
        latitude=45.95, longitude=2.17, themes=[theme("logement")],
    )  # fmt: skip
    return {"officer": officer, "structure": structure}


def _click(page, name):
    with page.expect_navigation():
        page.get_by_role("link", name=name, exact=True).first.click()
    assert_accessible(page)


def _browse_in_english(page, territory):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "fr"
    _click(page, "English")
    assert page.url.endswith("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Settle in Creuse"

    _click(page, "Local offers")
    assert "Bakery to take over" in page.locator("main").inner_text()
    _click(page, "Bakery to take over")
    assert page.locator("html").get_attribute("lang") == "en"

    _click(page, "Directory")
    _click(page, territory["structure"].name)
    main = page.locator("main")
    assert "Housing" in main.inner_text()  # the theme's English name
    assert main.locator("p.lead").get_attribute("lang") == "fr"  # the fiche's own text
    assert page.locator("h1").get_attribute("lang") == "fr"


def _send_intake_in_english(page):
    _click(page, "I want to settle here")
    _click(page, "Start now")
    when = (timezone.localdate() + datetime.timedelta(days=200)).isoformat()
    steps = [
        {"first_name": "Emma", "last_name": "Smith", "origin_country": "Royaume-Uni"},
        {"sector": "Bakery", "target_date": when},
        {"commune_1": "Aubusson"},
        {},
        {"email": "emma.smith@example.co.uk"},
    ]  # fmt: skip
    for number, values in enumerate(steps):
        for name, value in values.items():
            page.locator(f"[name={name}]").fill(value)
        if number == 1:
            page.locator("[name=project_type]").first.check()
        if number == 3:
            page.locator("[name=needs][value=needs_housing]").check()
        if number == 4:
            page.locator("[name=consent]").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
        assert page.locator(".error-summary").count() == 0, page.locator("main").inner_text()
        assert page.locator("html").get_attribute("lang") == "en"
        assert_accessible(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Check and send"
    with page.expect_navigation():
        page.get_by_role("button", name="Send my request").click()
    page.wait_for_url(re.compile(r"/en/je-m-installe/accuse-de-reception/$"))
    assert_accessible(page)
    return page.locator(".receipt-reference").inner_text().strip()


def test_newcomer_browses_and_applies_in_english_and_the_pole_reads_french(
    page, live_server, territory
):
    _browse_in_english(page, territory)
    reference = _send_intake_in_english(page)
    candidate = Candidate.objects.get(reference=reference)
    assert candidate.language == "en"

    client = Client()
    client.force_login(territory["officer"])
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page.goto(f"/extranet/candidats/{reference}/")
    assert page.locator("html").get_attribute("lang") == "fr"
    main = page.locator("main").inner_text()
    assert "Langue de la demande" in main and "anglais" in main
    assert_accessible(page)
