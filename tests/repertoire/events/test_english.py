"""Events in English: a person registering on /en/evenements/ gets their receipt, e-mails,
cancel link and `.ics` in English, now and when a place frees up later; the organiser's
French words are marked French in the file."""

import icalendar
import pytest
from django.core import mail
from django.utils import translation

from repertoire.events import services
from repertoire.events.enums import RegistrationStatus
from repertoire.events.models import EventRegistration
from tests.repertoire.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def english_post(client, event, **data):
    form = {"name": "Emma Jones", "email": "emma@example.org", "phone": "", "people": 1, **data}
    return client.post("/en" + event.get_absolute_url(), form)


def test_registering_in_english_gives_an_english_receipt_mail_and_ics(client):
    event = EventFactory(title="Forum jeunes et entreprises", capacity=3)
    response = english_post(client, event)
    registration = EventRegistration.objects.get()
    assert registration.language == "en"
    assert response.url == f"/en/evenements/inscription/{registration.token}/"
    receipt = client.get(response.url).content.decode()
    assert '<html lang="en"' in receipt and "Registration confirmed" in receipt
    assert f'<a href="/en/evenements/{event.slug}/" lang="fr">' in receipt
    (message,) = mail.outbox
    assert message.subject.endswith("Registration confirmed: Forum jeunes et entreprises")
    assert "Hello Emma Jones," in message.body
    assert f"/en/evenements/inscription/{registration.token}/annuler/" in message.body
    (_name, content, _type) = message.attachments[0]
    vevent = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(vevent["url"]).endswith(f"/en/evenements/{event.slug}/")
    assert vevent["summary"].params["LANGUAGE"] == "fr"


def test_registering_in_french_stays_french(client):
    event = EventFactory(capacity=3)
    client.post(
        event.get_absolute_url(),
        {"name": "Léa Martin", "email": "lea@exemple.fr", "phone": "", "people": 1},
    )
    assert EventRegistration.objects.get().language == "fr"
    assert mail.outbox[0].subject.split("] ")[-1].startswith("Inscription confirmée")
    assert "/en/" not in mail.outbox[0].body


def test_a_freed_place_is_announced_in_the_waiting_person_s_language(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=1)
    first = services.register(event=event, name="Léa Martin", email="lea@exemple.fr")
    waiting = services.register(
        event=event, name="Emma Jones", email="emma@example.org", language="en"
    )
    assert waiting.status == RegistrationStatus.WAITING
    assert "Waiting list" in mail.outbox[-1].subject
    mail.outbox.clear()
    with translation.override("fr-fr"), django_capture_on_commit_callbacks(execute=True):
        services.cancel(registration=first)  # the organiser's French screen
    (message,) = mail.outbox
    assert message.to == ["emma@example.org"]
    assert "A place has become free" in message.subject
    assert "Bonjour" not in message.body and "Hello Emma Jones," in message.body
    assert f"/en/evenements/inscription/{waiting.token}/annuler/" in message.body


def test_map_pop_ups_mark_the_french_titles_on_english_pages(client):
    EventFactory(title="Forum jeunes et entreprises")
    french = client.get("/evenements/").context["markers"]
    english = client.get("/en/evenements/").context["markers"]
    assert [m["lang"] for m in french] == [""] and [m["lang"] for m in english] == ["fr"]
