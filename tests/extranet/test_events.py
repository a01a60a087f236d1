"""Organisers' side of the events: role matrix, the form's bad input, registrations read
(scoped, audited), attendance, cancel with promotion, exports, retention and erasure."""

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pytest_django.asserts import assertContains, assertNotContains

from extranet.enums import AuditAction
from extranet.models import AuditEvent
from extranet.privacy.retention import apply_retention
from repertoire.events.enums import RegistrationStatus
from repertoire.models import Event
from tests.extranet.factories import MembershipFactory
from tests.portal.factories import CommuneFactory
from tests.repertoire.events.factories import EventFactory, RegistrationFactory, in_days
from tests.repertoire.workspaces.factories import WorkspaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser():
    event = EventFactory(title="Forum des métiers", capacity=2)
    user = MembershipFactory(structure=event.organiser).user
    return user, event


def urls(event):
    return [
        reverse("extranet:event_registrations", args=[event.slug]),
        reverse("extranet:event_edit", args=[event.slug]),
        reverse("extranet:registrations_export", args=[event.slug, "csv"]),
    ]


@pytest.mark.parametrize("who, expected", [("anonymous", 302), ("other", 404), ("own", 200)])
def test_role_matrix(client, organiser, member, who, expected):
    user, event = organiser
    if who == "own":
        client.force_login(user)
    elif who == "other":
        client.force_login(member)
    for url in urls(event):
        assert client.get(url).status_code == expected, url


def form_data(event, **changes):
    data = {
        "organiser": event.organiser.pk,
        "title": "Forum de l'apprentissage",
        "kind": "job_fair",
        "audience": "youth",
        "start": in_days(20, "09:00").strftime("%Y-%m-%dT%H:%M"),
        "end": in_days(20, "17:00").strftime("%Y-%m-%dT%H:%M"),
        "place_name": "Salle des fêtes",
        "commune": str(event.commune),
        "registration": "on",
        "capacity": "50",
        "waiting_list": "on",
        "is_published": "on",
        **changes,
    }
    return {k: v for k, v in data.items() if v is not None}


def test_a_member_creates_an_event_held_at_a_workspace(client, organiser):
    user, event = organiser
    place = WorkspaceFactory(commune=CommuneFactory(name="Bellac", latitude=46.1, longitude=1.0))
    client.force_login(user)
    data = form_data(event, place_name="", commune="", workspace=str(place.pk))
    response = client.post(reverse("extranet:event_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    created = Event.objects.get(title="Forum de l'apprentissage")
    assert response.url == reverse("extranet:event_registrations", args=[created.slug])
    assert created.commune == place.commune and created.point == (46.1, 1.0)
    assert timezone.localtime(created.start).hour == 9  # read as Paris time


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end": in_days(19).strftime("%Y-%m-%dT%H:%M")}, "end", "La fin doit suivre le début"),
        ({"start": "2020-01-01T10:00"}, "start", "Cette date est passée"),
        ({"place_name": "", "commune": ""}, "commune", "Indiquez la commune"),
        ({"commune": "Zzzzzz"}, "commune", "Commune inconnue"),
        ({"capacity": "0"}, "capacity", "supérieure ou égale à 1"),
        ({"title": ""}, "title", "Champ requis"),
    ],
)
def test_bad_input_is_refused_in_french_next_to_the_field(
    client, organiser, changes, field, message
):
    user, event = organiser
    client.force_login(user)
    response = client.post(reverse("extranet:event_create"), form_data(event, **changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert Event.objects.count() == 1


def test_capacity_cannot_go_below_the_places_taken(client, organiser):
    user, event = organiser
    RegistrationFactory.create_batch(2, event=event)
    client.force_login(user)
    data = form_data(event, capacity="1", start=event.start.strftime("%Y-%m-%dT%H:%M"))
    response = client.post(reverse("extranet:event_edit", args=[event.slug]), data)
    assert "2 places sont déjà prises" in " ".join(response.context["form"].errors["capacity"])


def test_a_member_of_another_structure_cannot_organise_for_it(client, organiser, member):
    _user, event = organiser
    client.force_login(member)
    response = client.post(reverse("extranet:event_create"), form_data(event))
    assert "organiser" in response.context["form"].errors
    assert Event.objects.count() == 1


def test_registrations_are_scoped_audited_and_flat_in_queries(
    client, organiser, django_assert_max_num_queries
):
    user, event = organiser
    mine = RegistrationFactory(event=event, name="Léa Martin")
    RegistrationFactory(name="Quelqu'un d'ailleurs")
    client.force_login(user)
    url = reverse("extranet:event_registrations", args=[event.slug])
    client.get(url)
    with django_assert_max_num_queries(15) as few:
        response = client.get(url)
    assertContains(response, "Léa Martin")
    assertNotContains(response, "ailleurs")
    assert AuditEvent.objects.filter(object_id=str(mine.pk), action=AuditAction.READ).exists()
    RegistrationFactory.create_batch(10, event=event, status=RegistrationStatus.WAITING)
    with django_assert_max_num_queries(len(few)):
        client.get(url)
    listed = client.get(reverse("extranet:event_list"))
    assertContains(listed, "Forum des métiers")


def test_attendance_and_cancel_with_promotion(client, organiser):
    user, event = organiser
    present = RegistrationFactory(event=event)
    leaving = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING)
    client.force_login(user)

    def act(registration, action):
        url = reverse("extranet:registration_update", args=[event.slug, registration.pk])
        return client.post(url, {"action": action})

    act(present, "present")
    act(leaving, "cancel")
    present.refresh_from_db(), leaving.refresh_from_db(), waiting.refresh_from_db()
    assert present.attended is True
    assert leaving.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert mail.outbox[-1].to == [waiting.email]
    assert AuditEvent.objects.filter(object_id=str(leaving.pk), reason="cancel").exists()
    other = RegistrationFactory()
    url = reverse("extranet:registration_update", args=[event.slug, other.pk])
    assert client.post(url, {"action": "present"}).status_code == 404


def test_exports_neutralise_formulas_and_are_audited(client, organiser):
    user, event = organiser
    RegistrationFactory(event=event, name='=HYPERLINK("http://x")', phone="06 12 34 56 78")
    client.force_login(user)
    response = client.get(reverse("extranet:registrations_export", args=[event.slug, "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:2] == ["Nom", "E-mail"]
    assert rows[1][0].startswith("'=")
    xlsx = client.get(reverse("extranet:registrations_export", args=[event.slug, "xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet["A2"].data_type == "s"
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT).count() == 2
    assert (
        client.get(reverse("extranet:registrations_export", args=[event.slug, "pdf"])).status_code
        == 404
    )


def test_registrations_are_anonymised_three_months_after_the_event():
    event = EventFactory(start=in_days(-100), end=in_days(-100, "18:00"))
    old = RegistrationFactory(event=event, name="Léa Martin", phone="06 12 34 56 78", people=3)
    recent = RegistrationFactory(event=EventFactory(start=in_days(-20), end=in_days(-20, "18:00")))
    report = apply_retention()
    assert report["event_registrations"] == {"anonymised": 1}
    old.refresh_from_db(), recent.refresh_from_db()
    assert (old.name, old.email, old.phone, old.people) == ("[anonymisé]", "", "", 3)
    assert recent.email
    assert apply_retention()["event_registrations"] == {"anonymised": 0}


def test_erasing_a_person_blanks_their_registrations(regional_admin):
    from extranet.privacy import subject

    registration = RegistrationFactory(name="Léa Martin", email="lea@exemple.fr")
    found = subject.erase(email="LEA@exemple.fr", actor=regional_admin)
    assert found.records["repertoire.EventRegistration"] == [registration]
    registration.refresh_from_db()
    assert registration.email == ""


def test_the_extranet_menu_links_the_events(client, organiser):
    user, _event = organiser
    client.force_login(user)
    assertContains(client.get(reverse("extranet:dashboard")), reverse("extranet:event_list"))
