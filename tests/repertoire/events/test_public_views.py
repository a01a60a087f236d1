"""The events list and its map, an event's page with its registration form, the receipt and
cancel pages, the iCal feeds, the home page section, search and sitemap."""

import io

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from repertoire.events.enums import EventAudience, EventKind, RegistrationStatus
from repertoire.events.models import EventRegistration
from tests.portal.factories import CommuneFactory
from tests.repertoire.events.factories import EventFactory, RegistrationFactory, in_days

pytestmark = pytest.mark.django_db
LIST = reverse("events:event_list")


def post(client, event, **data):
    form = {"name": "Léa Martin", "email": "lea@exemple.fr", "phone": "", "people": 1, **data}
    return client.post(event.get_absolute_url(), form)


def test_the_list_shows_upcoming_events_soonest_first_with_their_map(client):
    later = EventFactory(title="Plus tard", start=in_days(20), end=in_days(20, "18:00"))
    soon = EventFactory(title="Bientôt", start=in_days(2), end=in_days(2, "18:00"))
    EventFactory(title="Passé", start=in_days(-3), end=in_days(-3, "18:00"))
    EventFactory(title="Brouillon", is_published=False)
    response = client.get(LIST)
    assert [e.title for e in response.context["events"]] == ["Bientôt", "Plus tard"]
    assert [m["title"] for m in response.context["markers"]] == ["Bientôt", "Plus tard"]
    assertContains(response, soon.get_absolute_url())
    assert later.slug in response.content.decode()


def test_the_list_filters_by_commune_radius_kind_audience_and_date(client):
    near = CommuneFactory(name="Bellac", latitude=46.12, longitude=1.05)
    far = CommuneFactory(name="Lointaine", latitude=49.0, longitude=5.0)
    EventFactory(title="Forum de Bellac", commune=near, kind=EventKind.JOB_FAIR)
    EventFactory(title="Forum lointain", commune=far, kind=EventKind.JOB_FAIR)
    EventFactory(title="Réunion", commune=near, kind=EventKind.INFO_SESSION)
    EventFactory(
        title="Pour les entreprises",
        kind=EventKind.OTHER,
        commune=near,
        audience=EventAudience.COMPANIES,
        start=in_days(30),
        end=in_days(30, "18:00"),
    )
    titles = lambda **q: [e.title for e in client.get(LIST, q).context["events"]]  # noqa: E731
    assert titles(commune="Bellac", rayon=20, type="job_fair") == ["Forum de Bellac"]
    assert titles(public="companies") == ["Pour les entreprises"]
    assert titles(depuis=in_days(25).date().isoformat()) == ["Pour les entreprises"]


def test_bad_filters_get_a_french_message(client):
    response = client.get(LIST, {"commune": "Zzzzzz", "depuis": "demain", "type": "x"})
    form = response.context["form"]
    assert response.status_code == 200
    assert "Commune inconnue" in " ".join(form.errors["commune"])
    assert form.errors["depuis"] and form.errors["type"]


def test_the_list_costs_the_same_with_many_events(client, django_assert_max_num_queries):
    EventFactory.create_batch(3)
    client.get(LIST)
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    for event in EventFactory.create_batch(25):
        RegistrationFactory.create_batch(2, event=event)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert len(response.context["events"]) == 20  # paginated


def test_registering_leads_to_the_receipt_and_sends_the_confirmation(client):
    event = EventFactory(capacity=3)
    response = post(client, event, people=2)
    registration = EventRegistration.objects.get()
    assert response.url == reverse("events:registration", args=[registration.token])
    receipt = client.get(response.url)
    assertContains(receipt, "Inscription confirmée")
    assert receipt["Cache-Control"] == "private, no-store"
    assert mail.outbox[0].attachments[0][0] == "evenement.ics"
    assertContains(client.get(event.get_absolute_url()), "1 place restante")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "pas-une-adresse"}, "email", "n'est pas valide"),
        ({"name": ""}, "name", "Champ requis"),
        ({"phone": "abc"}, "phone", "ne semble pas valide"),
        ({"people": 0}, "people", "supérieure ou égale à 1"),
        ({"people": 3}, "people", "Il ne reste que 2 place(s)"),
        ({"people": "deux"}, "people", "nombre entier"),
    ],
)
def test_bad_input_is_refused_in_french_next_to_the_field(client, data, field, message):
    event = EventFactory(capacity=2)
    response = post(client, event, **data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not EventRegistration.objects.exists()
    assert not mail.outbox


def test_a_full_event_offers_its_waiting_list(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    page = client.get(event.get_absolute_url())
    assertContains(page, "M'inscrire sur la liste d'attente")
    response = post(client, event, people=4)
    registration = EventRegistration.objects.get(email="lea@exemple.fr")
    assert registration.status == RegistrationStatus.WAITING
    assertContains(client.get(response.url), "Vous êtes sur la liste d'attente")


def test_an_event_without_registration_or_past_shows_no_form(client):
    free = EventFactory(open_entry=True)
    assertContains(client.get(free.get_absolute_url()), "Entrée libre")
    past = EventFactory(start=in_days(-2), end=in_days(-2, "18:00"))
    page = client.get(past.get_absolute_url())
    assertContains(page, "Cet événement est terminé")
    assertNotContains(page, "csrfmiddlewaretoken")
    assert post(client, past).status_code == 302
    assert not EventRegistration.objects.exists()


def test_registrations_are_rate_limited_per_address(client, settings):
    event = EventFactory(capacity=None)
    for number in range(10):
        post(client, event, email=f"p{number}@exemple.fr")
    response = post(client, event, email="encore@exemple.fr")
    assert response.status_code == 429
    assertContains(response, "Trop d&#x27;inscriptions", status_code=429)
    assert EventRegistration.objects.count() == 10


def test_the_cancel_link_asks_then_cancels_and_promotes(client):
    event = EventFactory(capacity=1)
    first = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING)
    url = reverse("events:cancel", args=[first.token])
    assertContains(client.get(url), "Confirmer l'annulation")
    first.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED  # a GET (a link preview) changes nothing
    assertContains(client.post(url), "Votre inscription est annulée")
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert mail.outbox[-1].to == [waiting.email]
    assert client.get(reverse("events:cancel", args=["inconnu"])).status_code == 404


def test_the_feeds_list_upcoming_events_all_and_per_organiser(client):
    mine = EventFactory(title="Forum de la mission locale")
    EventFactory(title="Autre organisateur")
    EventFactory(title="Passé", start=in_days(-3), end=in_days(-3, "18:00"))
    response = client.get(reverse("events:feed"))
    assert response["Content-Type"].startswith("text/calendar")
    summaries = {
        str(e["summary"]) for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    }
    assert summaries == {"Forum de la mission locale", "Autre organisateur"}
    own = client.get(reverse("events:organiser_feed", args=[mine.organiser.slug]))
    events = icalendar.Calendar.from_ical(own.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Forum de la mission locale"]
    assert str(events[0]["url"]).endswith(mine.get_absolute_url())


def test_upcoming_events_are_in_the_sitemap_and_the_search(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(title="Salon des métiers du bois")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert event.get_absolute_url() in sitemap and f"{LIST}<" in sitemap
    results = client.get(reverse("search:public"), {"q": "métiers du bois"})
    assertContains(results, event.get_absolute_url())


def test_an_event_that_ended_leaves_the_search_at_the_hourly_prune(
    client, django_capture_on_commit_callbacks
):
    """No save happens when an event ends: `search_index prune` (hourly cron) removes it."""
    with django_capture_on_commit_callbacks(execute=True):
        ended = EventFactory(title="Salon des métiers du bois")
        EventFactory(title="Salon des métiers de la forêt")
    type(ended).objects.filter(pk=ended.pk).update(
        start=in_days(-2), end=in_days(-2, "18:00")
    )  # time passed
    assertContains(client.get(reverse("search:public"), {"q": "salon métiers"}), ended.slug)
    out = io.StringIO()
    call_command("search_index", "prune", "--kind", "event", stdout=out)
    assert "1 retirés" in out.getvalue()
    results = client.get(reverse("search:public"), {"q": "salon métiers"})
    assertNotContains(results, ended.get_absolute_url())
    assertContains(results, "métiers de la forêt")
