"""A newcomer from abroad, in English, finds an event from the English home page, opens it
(the organiser's French words marked French) and registers; the confirmation e-mail, its
cancel link and `.ics` are in English. axe: 0 violations on every page visited."""

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
