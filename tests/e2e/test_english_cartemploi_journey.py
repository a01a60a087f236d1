"""A newcomer in English (issue #16, item 2): the Cartemploi list and a card, then a shared
workspace and its booking request, all under /en/; the young person's own words and the
place's description stay French and are marked so; the place is told in French.
axe: 0 violations on every page visited."""

import pytest

from cartemploi.enums import SkillLevel
from portal.models import OutboundEmail
from tests.cartemploi.factories import YouthProfileFactory
from tests.e2e.axe import assert_accessible
from tests.portal.factories import CommuneFactory
from tests.repertoire.workspaces.factories import RoomFactory, next_weekday

pytestmark = pytest.mark.e2e


@pytest.fixture
def places(db, settings):
    settings.MAP_TILE_URL = ""  # no network in tests
    aubusson = CommuneFactory(name="Aubusson", latitude=45.95, longitude=2.17)
    card = YouthProfileFactory(
        published=True, commune=aubusson, skills=[("Cuisine", SkillLevel.DIPLOMA)]
    ).public_card
    room = RoomFactory(
        name="Bureau partagé",
        workspace__name="Relais d'Aubusson",
        workspace__commune=aubusson,
        workspace__summary="Un lieu calme près de la gare.",
        workspace__email="relais@exemple.fr",
    )
    return {"card": card, "place": room.workspace}


def _visit(page, path):
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)


def test_cartemploi_and_a_workspace_in_english(page, places):
    _visit(page, "/en/cartemploi/")
    main = page.locator("main")
    assert "1 profile" in main.inner_text()
    assert main.locator(".skill span[lang=fr]").first.inner_text() == "Cuisine"
    with page.expect_navigation():
        main.locator(".card__link").first.click()
    assert page.url.endswith(f"/en/cartemploi/fiche/{places['card'].pk}/")
    assert "Skills and know-how" in page.locator("main").inner_text()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Français", exact=True).click()
    assert page.url.endswith(f"/cartemploi/fiche/{places['card'].pk}/")
    assert page.locator("html").get_attribute("lang") == "fr"

    slug = places["place"].slug
    _visit(page, f"/en/espaces-de-travail/{slug}/")
    assert page.locator("p.lead").get_attribute("lang") == "fr"
    with page.expect_navigation():
        page.get_by_role("link", name="Request a booking").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    _request_a_slot(page)


def _request_a_slot(page):
    tuesday = next_weekday(1, "14:00").date()
    values = {
        "date": tuesday.isoformat(),
        "start": "14:00",
        "end": "16:00",
        "people": "1",
        "name": "Emma Smith",
        "email": "emma.smith@example.co.uk",
    }
    for name, value in values.items():
        page.locator(f"[name={name}]").fill(value)
    page.locator("[name=visitor_kind]").select_option(index=1)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "/en/espaces-de-travail/demandes/" in page.url, page.locator("main").inner_text()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    to_place = OutboundEmail.objects.get(kind="booking-to-decide")
    assert "Nouvelle demande de réservation" in to_place.subject
    receipt = OutboundEmail.objects.get(kind="booking-received")
    assert "/en/espaces-de-travail/" in receipt.body_text
