"""A newcomer from abroad, in English (issues #15, #16): finds an event from the English home
page, opens it (the organiser's French words marked French) and registers; the confirmation
e-mail, its cancel link and `.ics` are in English. Then searches in English: kinds, facets and
theme names in English, results leading to the English fiche and event page. axe: 0
violations on every page visited."""

import io

import icalendar
import pytest
from wagtail.models import Locale

from portal.models import HomePage
from repertoire.events.models import EventRegistration
from tests.e2e.axe import assert_accessible
from tests.repertoire.events.factories import EventFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def event(db, settings):
    settings.MAP_TILE_URL = ""  # no network in tests
    english = HomePage.objects.get().copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Settle in Creuse"
    english.save_revision().publish()
    return EventFactory(title="Journée découverte du territoire", capacity=10)


def _click(page, name):
    with page.expect_navigation():
        page.get_by_role("link", name=name, exact=True).first.click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)


def test_a_newcomer_registers_for_an_event_in_english(page, live_server, event):
    from django.core import mail

    page.goto("/en/")
    assert_accessible(page)
    assert page.get_by_role("heading", name="Upcoming events").is_visible()
    _click(page, "All events")
    assert "1 upcoming event" in page.locator("[role=status]").inner_text()
    _click(page, event.title)
    assert page.locator("h1").get_attribute("lang") == "fr"
    page.get_by_label("Your name").fill("Emma Smith")
    page.locator("[name=email]").fill("emma.smith@example.co.uk")
    with page.expect_navigation():
        page.get_by_role("button", name="Register").click()
    assert "/en/evenements/inscription/" in page.url
    assert "Registration confirmed" in page.locator("[role=status]").inner_text()
    assert_accessible(page)
    registration = EventRegistration.objects.get()
    assert registration.language == "en"
    (confirmation,) = [m for m in mail.outbox if m.to == ["emma.smith@example.co.uk"]]
    assert "Registration confirmed" in confirmation.subject
    assert f"/en/evenements/inscription/{registration.token}/annuler/" in confirmation.body
    vevent = icalendar.Calendar.from_ical(confirmation.attachments[0][1]).walk("VEVENT")[0]
    assert f"/en/evenements/{event.slug}/" in str(vevent["url"])
    _click(page, "Cancel my registration")


@pytest.fixture
def indexed(event):
    from django.core.management import call_command

    from portal.languages import originals
    from repertoire.models import RepertoirePage, Theme
    from tests.repertoire.factories import StructureFactory, theme

    directory = RepertoirePage(title="Répertoire", slug="repertoire")
    originals(HomePage.objects).get().add_child(instance=directory)
    directory.save_revision().publish()
    english = directory.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    Theme.objects.filter(slug="logement").update(name_en="Housing")
    structure = StructureFactory(name="Foyer de la découverte", themes=[theme("logement")])
    call_command("search_index", "rebuild", "--no-progress", stdout=io.StringIO())
    return structure


def test_a_newcomer_searches_in_english(page, live_server, event, indexed):
    page.goto("/en/recherche/")
    assert_accessible(page)
    page.get_by_label("What are you looking for?").fill("découverte")
    with page.expect_navigation():
        page.get_by_role("button", name="Search", exact=True).click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    facets = page.locator(".search-facets").inner_text()
    assert "Events" in facets and "Organisations" in facets and "Housing" in facets
    title = page.locator(".search-hit__title").first
    assert title.get_attribute("lang") == "fr"
    _click(page, indexed.name)
    assert f"/en/repertoire/structures/{indexed.slug}/" in page.url
    page.go_back()
    with page.expect_navigation():  # its title carries the French date: found by address
        page.locator(f'.search-hit__title a[href="/en/evenements/{event.slug}/"]').click()
    assert page.locator("h1").get_attribute("lang") == "fr"
    assert_accessible(page)
