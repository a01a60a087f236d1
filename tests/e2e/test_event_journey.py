"""Event journey (issue 15, "Done means"): on the seeded demo, a young person goes from the
home page to the events, narrows them to job fairs for young people, opens the job fair,
sees the companies attending and registers with the keyboard only; the confirmation e-mail
carries the `.ics`. Then the youth agency's advisor, who organises the fair, sees the
registration in the extranet and the companies page in Cartemploi. axe: 0 violations on
every page visited."""

import icalendar
import pytest
from django.core import mail

from repertoire.demo.events import JOB_FAIR
from repertoire.models import Event
from tests.crawl import build_demo
from tests.e2e.test_role_journeys import Visit

pytestmark = pytest.mark.e2e
YOUNG = "yanis.morel@exemple.fr"


def find_the_fair(visit):
    page = visit.page
    page.goto("/")
    visit.checked()
    home = page.locator("#home-events").locator("..")
    assert home.get_by_role("link", name="Forum de l'emploi des jeunes").count() == 1
    page.locator("nav.main-nav").get_by_role("link", name="Événements").click()
    visit.checked()
    page.get_by_label("Type d'événement").select_option(label="Salon de l'emploi / forum")
    page.get_by_label("Public", exact=True).select_option(label="Jeunes de 16 à 25 ans")
    page.get_by_role("button", name="Filtrer").click()
    visit.checked()
    assert "1 événement à venir" in page.locator("[role=status]").inner_text()
    return visit.link("Forum de l'emploi des jeunes")


def register_with_the_keyboard(page):
    assert page.get_by_role("heading", name="Entreprises présentes").is_visible()
    page.get_by_label("Votre nom").focus()
    page.keyboard.type("Yanis Morel")
    page.keyboard.press("Tab")
    page.keyboard.type(YOUNG)
    page.keyboard.press("Tab")
    page.keyboard.type("06 12 34 56 78")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "people"
    page.keyboard.press("Tab")  # the hidden honeypot is skipped
    assert page.evaluate("document.activeElement.textContent.trim()") == "M'inscrire"
    page.keyboard.press("Enter")
    page.wait_for_url("**/evenements/inscription/**")


def test_a_young_person_registers_for_the_job_fair(page, live_server):
    build_demo()
    visit = Visit(page)
    find_the_fair(visit)
    register_with_the_keyboard(page)
    visit.checked()
    assert "Inscription confirmée" in page.locator("[role=status]").inner_text()
    (confirmation,) = [m for m in mail.outbox if m.to == [YOUNG]]
    assert "Forum de l'emploi des jeunes" in confirmation.subject
    ((name, content, mimetype),) = confirmation.attachments
    assert name == "evenement.ics" and mimetype == "text/calendar"
    vevent = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    fair = Event.objects.get(slug=JOB_FAIR)
    assert vevent.decoded("dtstart") == fair.start
    visit.link("Annuler mon inscription")  # the cancel page (not confirmed: they keep it)
    the_organiser_sees_it(visit, fair)


def the_organiser_sees_it(visit, fair):
    visit.sign_in("conseillere")
    visit.menu("Événements")
    visit.link(fair.title)
    assert "Yanis Morel" in visit.page.content()
    visit.link("Modifier l'événement")
    visit.page.goto("/cartemploi/conseil/salons/")
    visit.checked()
    visit.link(fair.title)
    unticked = visit.page.locator("input[name=companies]:not(:checked)").first
    company_id = unticked.get_attribute("value")
    unticked.check()
    visit.button("Enregistrer")
    assert "Entreprises présentes enregistrées" in visit.page.content()
    assert fair.cartemploi_companies.filter(company_id=company_id).exists()
