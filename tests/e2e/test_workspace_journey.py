"""Workspace journey (issue 15, "Done means"): a nomad worker finds a free desk near a
commune for Tuesday afternoon and requests it; the place's manager accepts it in the
extranet; the worker gets the confirmation e-mail with an `.ics`. axe: 0 violations on
every page, the manager's week and statistics included."""

import re

import icalendar
import pytest
from django.core import mail

from repertoire.workspaces.enums import RoomKind
from tests.e2e.axe import assert_accessible
from tests.e2e.test_referral_journey import sign_in
from tests.extranet.factories import MembershipFactory
from tests.portal.factories import CommuneFactory
from tests.repertoire.workspaces.factories import RoomFactory, WorkspaceFactory, next_weekday

pytestmark = pytest.mark.e2e
WORKER = "camille.nomade@exemple.fr"


@pytest.fixture
def relay(db):
    commune = CommuneFactory(name="Le Grand-Bourg", latitude=46.16, longitude=1.66)
    place = WorkspaceFactory(
        name="Relais de services publics du Grand-Bourg",
        structure__commune=commune,
        opening_hours="Mo-Fr 09:00-12:30,13:30-18:00; PH off",
    )
    RoomFactory(workspace=place, name="Salle du conseil", kind=RoomKind.MEETING, capacity=20)
    RoomFactory(workspace=place, name="Poste nomade", kind=RoomKind.DESK, capacity=1)
    manager = MembershipFactory(structure=place.structure, manager=True).user
    return place, manager


def find_and_request(page, tuesday):
    page.goto("/espaces-de-travail/")
    assert_accessible(page)
    page.get_by_label("Près de la commune").fill("Le Grand-Bourg")
    page.get_by_label("Dans un rayon de").select_option("20")
    page.get_by_label("Date").fill(tuesday.isoformat())
    page.get_by_label("De", exact=True).fill("14:00")
    page.get_by_label("À", exact=True).fill("17:00")
    page.get_by_label("Nombre de personnes").fill("1")
    page.get_by_role("button", name="Chercher").click()
    page.wait_for_load_state()
    assert "1 lieu ouvert avec de la place" in page.locator("[role=status]").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Demander « Poste nomade » (1 pl.)").click()
    assert_accessible(page)
    assert page.locator("#id_start").input_value() == "14:00"
    page.get_by_label("Votre nom").fill("Camille Nomade")
    page.get_by_label("Votre e-mail").fill(WORKER)
    page.get_by_label("Vous êtes").select_option("teleworker")
    page.get_by_role("button", name="Envoyer la demande").click()
    page.wait_for_url(re.compile(r"/espaces-de-travail/demandes/"))
    assert "Demande envoyée" in page.locator("[role=status]").inner_text()
    assert_accessible(page)


def accept(page, place, manager):
    sign_in(page, manager)
    page.goto("/extranet/")
    page.get_by_role("link", name="Espaces et réservations").click()
    assert_accessible(page)
    page.get_by_role("button", name="Accepter la demande de Camille Nomade").click()
    page.wait_for_load_state()
    assert "Réservation acceptée" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name=f"semaine et agenda de {place.name}").click()
    assert_accessible(page)
    page.goto("/extranet/espaces/")
    page.get_by_role("link", name=f"statistiques de {place.name}").click()
    assert_accessible(page)
    page.goto("/extranet/espaces/")
    page.get_by_role("link", name=f"convention d'accès de {place.name}").click()
    assert_accessible(page)


def test_a_nomad_worker_books_a_desk_and_gets_the_ics(page, relay):
    place, manager = relay
    tuesday = next_weekday(1, "14:00").date()
    find_and_request(page, tuesday)
    page.goto(f"/espaces-de-travail/{place.slug}/")
    assert_accessible(page)
    accept(page, place, manager)
    (confirmation,) = [m for m in mail.outbox if m.to == [WORKER] and "confirmée" in m.subject]
    assert "mardi" in confirmation.body and "14:00" in confirmation.body
    ((name, content, mimetype),) = confirmation.attachments
    assert name == "reservation.ics" and mimetype == "text/calendar"
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert start.astimezone().date() == tuesday
    assert "Poste nomade" in str(event.get("summary"))
