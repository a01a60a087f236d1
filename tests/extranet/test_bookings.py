"""Managers handle booking requests: role matrix, decisions, the week, statistics."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader
from pytest_django.asserts import assertContains, assertNotContains

from extranet.enums import AuditAction
from extranet.models import AuditEvent
from portal.models import OutboundEmail
from repertoire.workspaces.enums import BookingStatus
from tests.extranet.factories import MembershipFactory
from tests.repertoire.workspaces.factories import BookingFactory, RoomFactory, next_weekday

pytestmark = pytest.mark.django_db


@pytest.fixture
def place_manager():
    room = RoomFactory(name="Salle du conseil")
    membership = MembershipFactory(structure=room.workspace.structure, manager=True)
    return membership.user, room


def urls(place):
    return [
        reverse("extranet:booking_week", args=[place.slug]),
        reverse("extranet:workspace_stats", args=[place.slug]),
        reverse("extranet:workspace_stats_export", args=[place.slug, "csv"]),
    ]


@pytest.mark.parametrize("who, expected", [("anonymous", 302), ("other", 404), ("own", 200)])
def test_role_matrix(client, place_manager, member, who, expected):
    manager, room = place_manager
    if who == "own":
        client.force_login(manager)
    elif who == "other":
        client.force_login(member)
    for url in urls(room.workspace):
        assert client.get(url).status_code == expected, url


def test_requests_list_shows_only_own_places_and_is_audited(
    client, place_manager, django_assert_max_num_queries
):
    manager, room = place_manager
    mine = BookingFactory(room=room, name="Camille Nomade")
    BookingFactory(name="Quelqu'un d'ailleurs")
    client.force_login(manager)
    url = reverse("extranet:booking_requests")
    client.get(url)
    with django_assert_max_num_queries(15) as few:
        response = client.get(url)
    assertContains(response, "Camille Nomade")
    assertNotContains(response, "ailleurs")
    assert AuditEvent.objects.filter(object_id=str(mine.pk), action=AuditAction.READ).exists()
    for _ in range(10):
        BookingFactory(room=RoomFactory(workspace=room.workspace))
    with django_assert_max_num_queries(len(few)):
        client.get(url)


def test_extranet_navigation_links_the_requests(client, place_manager):
    manager, _room = place_manager
    client.force_login(manager)
    assertContains(client.get(reverse("extranet:dashboard")), reverse("extranet:booking_requests"))


def test_accepting_mails_the_visitor_an_ics(client, place_manager):
    manager, room = place_manager
    booking = BookingFactory(room=room)
    client.force_login(manager)
    url = reverse("extranet:booking_decide", args=[booking.reference])
    response = client.post(url, {f"b{booking.pk}-action": "accept"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ACCEPTED and booking.decided_by == manager
    mail = OutboundEmail.objects.get(kind="booking-accepted", to=booking.email)
    assert mail.attachments[0]["mimetype"] == "text/calendar"
    assert AuditEvent.objects.filter(object_id=str(booking.pk), action=AuditAction.UPDATE)


def test_declining_needs_a_reason(client, place_manager):
    manager, room = place_manager
    booking = BookingFactory(room=room)
    client.force_login(manager)
    url = reverse("extranet:booking_decide", args=[booking.reference])
    response = client.post(url, {f"b{booking.pk}-action": "decline"}, follow=True)
    assertContains(response, "Indiquez le motif")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED
    client.post(url, {f"b{booking.pk}-action": "decline", f"b{booking.pk}-reason": "Fermé"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.DECLINED


def test_another_structure_cannot_decide(client, place_manager, member):
    _manager, room = place_manager
    booking = BookingFactory(room=room)
    client.force_login(member)
    url = reverse("extranet:booking_decide", args=[booking.reference])
    assert client.post(url, {f"b{booking.pk}-action": "accept"}).status_code == 404


def test_week_shows_hours_bookings_and_room_feeds(client, place_manager):
    manager, room = place_manager
    booking = BookingFactory(room=room, status="accepted")
    client.force_login(manager)
    url = reverse("extranet:booking_week", args=[room.workspace.slug])
    response = client.get(url, {"semaine": booking.start.date().isoformat()})
    assertContains(response, "09:00–12:00")
    assertContains(response, booking.name)
    assertContains(response, room.feed_token)
    for nonsense in ("n'importe quoi", "2026-02-30", "9999-99-99"):
        assert client.get(url, {"semaine": nonsense}).status_code == 200


def test_stats_by_week_and_kind_and_exports_without_personal_data(client, place_manager):
    manager, room = place_manager
    past = next_weekday(1, "14:00") - datetime.timedelta(days=14)
    booking = BookingFactory(room=room, status="accepted", start=past)
    client.force_login(manager)
    response = client.get(reverse("extranet:workspace_stats", args=[room.workspace.slug]))
    assert response.context["total"] == 1
    assert response.context["kinds"][0][:3] == ("Télétravailleur·se, indépendant·e", 1, 2.0)
    export = reverse("extranet:workspace_stats_export", args=[room.workspace.slug, "csv"])
    body = b"".join(client.get(export).streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[1][1] == "Salle du conseil" and booking.email not in body
    xlsx = client.get(
        reverse("extranet:workspace_stats_export", args=[room.workspace.slug, "xlsx"])
    )
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet.max_row == 2
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=manager).count() == 2


def test_the_manager_fills_the_agreement_and_gets_a_pdf(client, place_manager, member):
    manager, room = place_manager
    place = room.workspace
    url = reverse("extranet:workspace_agreement", args=[place.slug])
    client.force_login(member)
    assert client.get(url).status_code == 404
    client.force_login(manager)
    data = {
        "user_name": "Association Les Bruyères",
        "user_address": "3 rue Haute",
        "room": room.pk,
        "first_day": "2027-01-05",
        "last_day": "2027-06-29",
        "schedule": "tous les mardis, de 14 h à 17 h",
        "rules": "Rendre les clés.",
    }
    refused = client.post(url, {**data, "last_day": "2026-12-01"})
    assert "doit suivre" in " ".join(refused.context["form"].errors["last_day"])
    response = client.post(url, data)
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Association Les Bruyères" in text and "Salle du conseil" in text
    assert "Rendre les clés" in text


def test_the_blank_agreement_is_public(client, place_manager):
    _manager, room = place_manager
    response = client.get(reverse("workspaces:agreement_template", args=[room.workspace.slug]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Convention d'accès" in text and room.name in text


def test_erasing_a_person_blanks_their_bookings(regional_admin):
    from extranet.privacy import subject

    booking = BookingFactory(name="Camille Nomade", email="camille@exemple.fr")
    found = subject.erase(email="CAMILLE@exemple.fr", actor=regional_admin)
    assert found.records["repertoire.Booking"] == [booking]
    booking.refresh_from_db()
    # The name carries the anonymisation mark: the retention job never touches it again.
    assert (booking.name, booking.email) == ("[anonymisé]", "")
