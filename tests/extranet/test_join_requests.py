"""The partner sign-up path (issue #12, item 8): ask to join, the manager decides."""

import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from extranet.enums import AuditAction, JoinRequestStatus
from extranet.models import AuditEvent, JoinRequest, Membership
from tests.extranet.factories import MembershipFactory
from tests.portal.factories import UserFactory
from tests.repertoire.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grocery(db):
    membership = MembershipFactory(manager=True, structure__name="Épicerie du Plateau")
    return membership.structure, membership.user


@pytest.fixture
def newcomer(db):
    return UserFactory(kind="person", first_name="Camille", last_name="Roux")


def ask(client, structure, message="Bénévole, je coordonne les collectes."):
    return client.post(
        reverse("extranet:join") + "?q=Plateau",
        {"structure": structure.pk, "message": message},
    )


def test_a_person_outside_the_network_is_offered_the_path_not_a_refusal(client, newcomer):
    client.force_login(newcomer)
    response = client.get(reverse("extranet:dashboard"))
    assert response.url == reverse("extranet:join")
    home = client.get("/", follow=True)
    assertContains(home, reverse("extranet:join"))
    assert client.get(reverse("extranet:join")).status_code == 200


def test_youth_and_members_are_not_offered_the_path(client, youth, member):
    for user in (youth, member):
        client.force_login(user)
        assert client.get(reverse("extranet:join")).status_code == 403


def test_the_search_offers_a_short_list_not_every_structure(client, newcomer, grocery):
    StructureFactory.create_batch(3)
    client.force_login(newcomer)
    empty = client.get(reverse("extranet:join"))
    assertNotContains(empty, 'name="structure"')
    found = client.get(reverse("extranet:join"), {"q": "plateau"})
    assertContains(found, "Épicerie du Plateau")
    assert found.content.decode().count('name="structure"') == 1


def test_asking_notifies_the_manager_and_accepting_creates_the_membership(
    client, newcomer, grocery
):
    structure, manager = grocery
    client.force_login(newcomer)
    assert ask(client, structure).status_code == 302
    join_request = JoinRequest.objects.get(user=newcomer)
    assert [m.to for m in mail.outbox] == [[manager.email]]
    assert "Camille Roux" in mail.outbox[0].body and "Bonjour" in mail.outbox[0].body
    mail.outbox.clear()
    client.force_login(manager)
    listing = client.get(reverse("extranet:join_requests"))
    assertContains(listing, "Camille Roux")
    url = reverse("extranet:join_request_decide", args=[join_request.pk])
    assert client.post(url, {"decision": "accept"}).status_code == 302
    assert Membership.objects.active().filter(user=newcomer, structure=structure).exists()
    assert [m.to for m in mail.outbox] == [[newcomer.email]]
    assert "acceptée" in mail.outbox[0].body
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=join_request.pk)


def test_refusal_gives_the_reason_and_creates_nothing(client, newcomer, grocery):
    structure, manager = grocery
    client.force_login(newcomer)
    ask(client, structure)
    join_request = JoinRequest.objects.get()
    mail.outbox.clear()
    client.force_login(manager)
    url = reverse("extranet:join_request_decide", args=[join_request.pk])
    client.post(url, {"decision": "refuse", "reason": "Nous ne connaissons pas cette personne."})
    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.REFUSED
    assert not Membership.objects.filter(user=newcomer).exists()
    assert "Nous ne connaissons pas cette personne." in mail.outbox[0].body


def test_bad_input_is_answered_next_to_the_field_and_writes_nothing(client, newcomer, grocery):
    structure, manager = grocery
    client.force_login(newcomer)
    response = ask(client, structure, message="")
    assertContains(response, "Présentez-vous en quelques mots.")
    response = client.post(reverse("extranet:join") + "?q=Plateau", {"message": "Bonjour"})
    assertContains(response, "Choisissez votre structure dans la liste.")
    assert not JoinRequest.objects.exists()
    ask(client, structure)
    again = ask(client, structure)
    assertContains(again, "attend déjà sa réponse")
    assert JoinRequest.objects.count() == 1
    client.force_login(manager)
    url = reverse("extranet:join_request_decide", args=[JoinRequest.objects.get().pk])
    long = client.post(url, {"decision": "refuse", "reason": "x" * 501})
    assertContains(long, "500 caractères")
    assert JoinRequest.objects.get().status == JoinRequestStatus.PENDING


def test_requests_are_scoped_to_the_structures_one_manages(client, newcomer, grocery, manager):
    structure, _owner = grocery
    client.force_login(newcomer)
    ask(client, structure)
    join_request = JoinRequest.objects.get()
    client.force_login(manager)  # manages another structure
    assertNotContains(client.get(reverse("extranet:join_requests")), "Camille Roux")
    url = reverse("extranet:join_request_decide", args=[join_request.pk])
    assert client.post(url, {"decision": "accept"}).status_code == 404
    assert not Membership.objects.filter(user=newcomer).exists()


def test_the_regional_admin_decides_on_every_request(client, newcomer, grocery, regional_admin):
    structure, _owner = grocery
    client.force_login(newcomer)
    ask(client, structure)
    client.force_login(regional_admin)
    assertContains(client.get(reverse("extranet:join_requests")), "Camille Roux")


def test_the_list_costs_the_same_whatever_its_length(
    client, grocery, django_assert_max_num_queries
):
    structure, manager = grocery
    client.force_login(manager)
    client.get(reverse("extranet:join_requests"))
    for _ in range(2):
        JoinRequest.objects.create(user=UserFactory(kind="person"), structure=structure)
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("extranet:join_requests"))
    budget = len(few)
    for _ in range(15):
        JoinRequest.objects.create(user=UserFactory(kind="person"), structure=structure)
    with django_assert_max_num_queries(budget):
        response = client.get(reverse("extranet:join_requests"))
    assert response.content.decode().count("/extranet/adhesions/") >= 17
