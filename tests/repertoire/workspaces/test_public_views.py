"""The network view, the place page and the public request form."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from portal.models import OutboundEmail
from repertoire.workspaces.models import Booking
from tests.portal.factories import CommuneFactory
from tests.repertoire.workspaces.factories import (
    BookingFactory,
    RoomFactory,
    WorkspaceFactory,
    next_weekday,
)

pytestmark = pytest.mark.django_db
NETWORK = reverse("workspaces:network")


def search(client, **params):
    tuesday = next_weekday(1, "14:00").date().isoformat()
    query = {"date": tuesday, "start": "14:00", "end": "17:00", "people": 1, **params}
    return client.get(NETWORK, query)


def test_network_lists_places_open_with_a_free_room_near_a_commune(client):
    near = CommuneFactory(name="Laragne", latitude=46.0, longitude=1.9)
    far = CommuneFactory(name="Lointaine", latitude=49.0, longitude=5.0)
    free = RoomFactory(workspace__commune=near, workspace__name="Relais de Laragne")
    full = RoomFactory(workspace__commune=near, workspace__name="Tiers-lieu complet")
    BookingFactory(room=full, start=next_weekday(1, "15:00"), status="accepted")
    RoomFactory(
        workspace__commune=near,
        workspace__name="Fermé le mardi",
        workspace__opening_hours="Mo,We-Fr 09:00-18:00",
    )
    RoomFactory(workspace__commune=far, workspace__name="Trop loin")
    response = search(client, commune="Laragne", rayon=20)
    places = [p.name for p in response.context["places"]]
    assert places == ["Relais de Laragne"]
    assertContains(response, f"?salle={free.pk}&amp;date=")
    assert response.context["markers"][0]["title"] == "Relais de Laragne"


def test_network_counts_people_against_capacity(client):
    RoomFactory(capacity=2, workspace__name="Petit bureau")
    assert search(client, people=2).context["places"][0].name == "Petit bureau"
    assert search(client, people=3).context["places"] == []


def test_network_refuses_bad_input_in_french_next_to_the_field(client):
    response = search(client, start="18:00", end="09:00", people="beaucoup")
    assert response.status_code == 200
    assert "L'heure de fin doit suivre" in " ".join(response.context["form"].errors["end"])
    assert response.context["form"].errors["people"]
    past = search(client, date="2020-01-07").context["form"].errors["date"]
    assert "passée" in " ".join(past)
    far = search(client, date="2099-01-06").context["form"].errors["date"]
    assert "un an à l'avance" in " ".join(far)


def test_network_query_count_does_not_grow_with_places(client, django_assert_max_num_queries):
    commune = CommuneFactory(name="Centre", latitude=46.0, longitude=1.9)
    for _ in range(3):
        RoomFactory(workspace__commune=commune)
    search(client, commune="Centre")
    with django_assert_max_num_queries(12) as few:
        search(client, commune="Centre")
    for _ in range(15):
        BookingFactory(room=RoomFactory(workspace__commune=commune))
    with django_assert_max_num_queries(len(few)):
        search(client, commune="Centre")


def test_place_page_shows_rooms_hours_and_how_to_request(client, django_assert_max_num_queries):
    room = RoomFactory(equipment="Écran, visioconférence", hourly_price="5.00")
    url = reverse("workspaces:workspace_detail", args=[room.workspace.slug])
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assertContains(response, "Écran, visioconférence")
    assertContains(response, "5,00 € / h")
    assertContains(response, "09:00–12:00")
    assertContains(response, reverse("workspaces:booking_request", args=[room.workspace.slug]))


def form_data(room, **extra):
    tuesday = next_weekday(1, "14:00").date().isoformat()
    return {
        "room": room.pk,
        "date": tuesday,
        "start": "14:00",
        "end": "16:00",
        "people": 1,
        "name": "Camille Nomade",
        "email": "camille@exemple.fr",
        "visitor_kind": "teleworker",
        **extra,
    }


def test_a_visitor_requests_a_slot_without_an_account(client):
    room = RoomFactory()
    url = reverse("workspaces:booking_request", args=[room.workspace.slug])
    response = client.post(url, form_data(room))
    booking = Booking.objects.get()
    assert response.url == reverse("workspaces:booking_receipt", args=[booking.reference])
    assertContains(client.get(response.url), "Demande envoyée")


@pytest.mark.parametrize(
    "extra, field, words",
    [
        ({"email": "camille@@exemple"}, "email", "adresse"),
        ({"people": 30}, "people", "2 personnes au plus"),
        ({"start": "12:00", "end": "13:00"}, "start", "pas ouvert"),
        ({"start": "09:00", "end": "17:00"}, "end", "4 h au plus"),
        ({"date": "2020-01-07"}, "date", "déjà passé"),
        ({"end": "13:00"}, "end", "fin doit suivre"),
    ],
)
def test_bad_requests_keep_the_input_and_save_nothing(client, extra, field, words):
    room = RoomFactory()
    url = reverse("workspaces:booking_request", args=[room.workspace.slug])
    response = client.post(url, form_data(room, name="Dominique Garde", **extra))
    assert response.status_code == 200
    assert words in " ".join(response.context["form"].errors[field])
    assertContains(response, 'value="Dominique Garde"')
    assert not Booking.objects.exists() and not OutboundEmail.objects.exists()


def test_a_taken_slot_offers_the_next_free_ones(client):
    room = RoomFactory()
    BookingFactory(room=room, start=next_weekday(1, "14:00"))
    url = reverse("workspaces:booking_request", args=[room.workspace.slug])
    response = client.post(url, form_data(room, start="15:00", end="16:00"))
    assert "vient d'être demandé" in " ".join(response.context["form"].errors["start"])
    assertContains(response, "Prochains créneaux libres")
    assert Booking.objects.count() == 1


def test_requests_are_rate_limited(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "workspaces-rate",
        }
    }
    room = RoomFactory(capacity=1)
    url = reverse("workspaces:booking_request", args=[room.workspace.slug])
    for _ in range(10):
        client.post(url, form_data(room, people=5))
    response = client.post(url, form_data(room))
    assert response.status_code == 429
    assertContains(response, "Trop de demandes", status_code=429)


def test_unpublished_places_are_not_found(client):
    place = WorkspaceFactory(is_published=False)
    assert client.get(reverse("workspaces:workspace_detail", args=[place.slug])).status_code == 404


def test_room_feed_lists_accepted_bookings_behind_its_token(client):
    accepted = BookingFactory(status="accepted", name="Camille Nomade")
    BookingFactory(
        room=accepted.room,
        status="requested",
        name="Pas encore",
        start=accepted.end + datetime.timedelta(hours=1),
    )
    response = client.get(reverse("workspaces:room_feed", args=[accepted.room.feed_token]))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert body.count("BEGIN:VEVENT") == 1 and "Camille Nomade" in body
    assert client.get(reverse("workspaces:room_feed", args=["devine"])).status_code == 404


def test_the_site_team_creates_places_and_rooms_in_the_admin(client, admin_user):
    room = RoomFactory()
    client.force_login(admin_user)
    listing = client.get("/admin/snippets/repertoire/workspace/")
    assertContains(listing, room.workspace.name)
    assert client.get("/admin/snippets/repertoire/room/add/").status_code == 200
