"""A visitor asking for a room on the English pages gets every e-mail of their request in
English — the receipt, then the place's decision (with the `.ics` on acceptance) — even
though the manager decides on the French extranet; the place's own notice stays French."""

import icalendar
import pytest
from django.utils import translation

from portal.models import OutboundEmail
from repertoire.workspaces import services
from repertoire.workspaces.models import Booking
from tests.portal.factories import UserFactory
from tests.repertoire.workspaces.factories import RoomFactory
from tests.repertoire.workspaces.test_public_views import form_data

pytestmark = pytest.mark.django_db


def ask_in(client, language):
    room = RoomFactory(workspace__email="accueil@relais.exemple.fr", workspace__name="Relais")
    prefix = "/en" if language == "en" else ""
    url = f"{prefix}/espaces-de-travail/{room.workspace.slug}/demander/"
    client.post(url, form_data(room, email="camille@example.org"))
    return Booking.objects.get()


def mail(kind):
    return OutboundEmail.objects.filter(kind=kind).latest("pk")


def test_an_english_request_is_answered_in_english_and_the_place_reads_french(client):
    booking = ask_in(client, "en")
    assert booking.language == "en"
    assert mail("booking-received").subject.endswith("Your booking request at Relais")
    notice = mail("booking-to-decide")
    assert "Nouvelle demande de réservation" in notice.subject and "mardi" in notice.body_text
    with translation.override("fr-fr"):  # the manager's French screen
        services.accept_booking(booking=booking, by=UserFactory())
    accepted = mail("booking-accepted")
    assert "camille@example.org" in accepted.to
    assert accepted.subject.endswith("Booking confirmed: Relais")
    assert "Hello Camille Nomade," in accepted.body_text and "Bonjour" not in accepted.body_text
    (attachment,) = accepted.attachments
    vevent = icalendar.Calendar.from_ical(attachment["content"]).walk("VEVENT")[0]
    assert str(vevent["url"]).endswith(f"/en/espaces-de-travail/{booking.room.workspace.slug}/")


def test_an_english_request_declined_in_french_is_declined_in_english(client):
    booking = ask_in(client, "en")
    with translation.override("fr-fr"):
        services.decline_booking(booking=booking, by=UserFactory(), reason="Salle en travaux")
    declined = mail("booking-declined")
    assert declined.subject.endswith("Booking declined: Relais")
    assert "Reason: Salle en travaux" in declined.body_text
    assert "/en/espaces-de-travail/" in declined.body_text


def test_a_french_request_stays_french(client):
    booking = ask_in(client, "fr")
    assert booking.language == "fr"
    services.accept_booking(booking=booking, by=UserFactory())
    accepted = mail("booking-accepted")
    assert "Réservation confirmée" in accepted.subject and "Bonjour" in accepted.body_text
    assert "/en/" not in accepted.attachments[0]["content"]
