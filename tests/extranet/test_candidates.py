"""Candidate pipeline: scoping role matrix, actions, list, audit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from extranet.candidates.enums import CandidateStatus, MatchStatus
from extranet.enums import AuditAction
from extranet.models import AuditEvent, Candidate
from tests.extranet.factories import (
    CandidateFactory,
    CandidateShareFactory,
    MembershipFactory,
    WelcomePoleFactory,
)
from tests.portal import factories as offers
from tests.portal.factories import UserFactory
from tests.repertoire.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    officer = UserFactory(first_name="Alix", last_name="Officier")
    pole = WelcomePoleFactory(name="Pôle du Plateau", officers=[officer])
    candidate = CandidateFactory(pole=pole, last_name="Durand-Test")
    partner = MembershipFactory().user
    CandidateShareFactory(candidate=candidate, structure=partner.memberships.get().structure)
    return {"officer": officer, "pole": pole, "candidate": candidate, "partner": partner}


def actor(name, world, request):
    if name in world:
        return world[name]
    return request.getfixturevalue(name)


READ_EXPECTED = {
    "officer": 200,
    "regional_admin": 200,
    "partner": 200,
    "pole_officer": 404,  # officer of another pole
    "member": 404,  # partner whose structure the record is not shared with
    "stranger": 403,
}


@pytest.mark.parametrize("who, expected", READ_EXPECTED.items())
def test_detail_role_matrix(client, world, request, who, expected):
    client.force_login(actor(who, world, request))
    url = reverse("extranet:candidate_detail", args=[world["candidate"].reference])
    response = client.get(url)
    assert response.status_code == expected
    if expected == 200:
        assertContains(response, "Durand-Test")
        read = AuditEvent.objects.filter(
            action=AuditAction.READ, object_id=str(world["candidate"].pk)
        )
        assert read.filter(actor=actor(who, world, request)).exists()


def test_anonymous_goes_to_login(client, world):
    url = reverse("extranet:candidate_detail", args=[world["candidate"].reference])
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    response = client.post(
        reverse("extranet:candidate_status", args=[world["candidate"].reference])
    )
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


WRITE_EXPECTED = {"officer": 302, "regional_admin": 302, "partner": 404, "pole_officer": 404}


@pytest.mark.parametrize("who, expected", WRITE_EXPECTED.items())
def test_status_change_role_matrix(client, world, request, who, expected):
    client.force_login(actor(who, world, request))
    candidate = world["candidate"]
    url = reverse("extranet:candidate_status", args=[candidate.reference])
    response = client.post(url, {"status": "supported", "reason": "Projet de reprise suivi"})
    assert response.status_code == expected
    candidate.refresh_from_db()
    changed = candidate.status == CandidateStatus.SUPPORTED
    assert changed is (expected == 302)


def test_partner_granted_edit_can_change(client, world):
    world["candidate"].shares.update(can_edit=True)
    client.force_login(world["partner"])
    url = reverse("extranet:candidate_status", args=[world["candidate"].reference])
    assert client.post(url, {"status": "supported"}).status_code == 302


def test_dropping_requires_a_reason_shown_next_to_the_field(client, world):
    client.force_login(world["officer"])
    url = reverse("extranet:candidate_status", args=[world["candidate"].reference])
    response = client.post(url, {"status": "dropped", "reason": ""})
    assert response.status_code == 400
    assertContains(response, "Indiquez le motif de l", status_code=400)
    world["candidate"].refresh_from_db()
    assert world["candidate"].status == CandidateStatus.NEW


def test_logging_a_contact_builds_the_timeline_and_moves_new_to_contacted(client, world):
    client.force_login(world["officer"])
    candidate = world["candidate"]
    url = reverse("extranet:candidate_contact_add", args=[candidate.reference])
    today = timezone.localdate().isoformat()
    response = client.post(
        url,
        {"kind": "phone", "happened_on": today, "notes": "Premier appel", "next_action_on": today},
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.CONTACTED
    detail = client.get(reverse("extranet:candidate_detail", args=[candidate.reference]))
    assertContains(detail, "Premier appel")
    assertContains(detail, "Alix Officier")
    assertContains(detail, "Nouveau → Contacté·e")


def test_share_then_partner_sees_it_read_only(client, world):
    other_partner = MembershipFactory(structure=StructureFactory(name="Chambre de métiers")).user
    client.force_login(world["officer"])
    candidate = world["candidate"]
    response = client.post(
        reverse("extranet:candidate_share", args=[candidate.reference]),
        {
            "structure": other_partner.memberships.get().structure.pk,
            "reason": "Reprise artisanale",
        },
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.SHARE).exists()
    client.force_login(other_partner)
    detail = client.get(reverse("extranet:candidate_detail", args=[candidate.reference]))
    assertContains(detail, "Lecture seule")
    assertNotContains(detail, "Ajouter le contact")
    assertContains(client.get(reverse("extranet:candidate_list")), "Durand-Test")


def test_propose_an_offer_then_record_the_visit(client, world):
    offer = offers.offer(title="Boulangerie à reprendre", offer_type="business")
    client.force_login(world["officer"])
    ref = world["candidate"].reference
    response = client.post(reverse("extranet:candidate_match", args=[ref]), {"offer": offer.pk})
    assert response.status_code == 302
    match = world["candidate"].matches.get()
    response = client.post(
        reverse("extranet:candidate_match_status", args=[ref]),
        {"match": match.pk, "status": "visited"},
    )
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.VISITED
    assertContains(client.get(reverse("extranet:candidate_detail", args=[ref])), offer.title)


def test_referent_is_chosen_among_the_pole_officers(client, world):
    client.force_login(world["officer"])
    url = reverse("extranet:candidate_referent", args=[world["candidate"].reference])
    outsider = UserFactory()
    assert client.post(url, {"referent": outsider.pk}).status_code == 400
    assert client.post(url, {"referent": world["officer"].pk}).status_code == 302
    world["candidate"].refresh_from_db()
    assert world["candidate"].referent == world["officer"]


def test_manual_creation_by_a_pole_officer(client, world, pole_officer):
    client.force_login(world["officer"])
    url = reverse("extranet:candidate_create")
    data = {
        "pole": world["pole"].pk, "source": "fair", "first_name": "Sacha",
        "last_name": "Salon", "email": "", "phone": "", "origin_country": "France",
        "adults": 1, "children": 0, "project_type": "creation", "consent_source": "oral",
    }  # fmt: skip
    response = client.post(url, data)
    assertContains(response, "Indiquez au moins un e-mail ou un téléphone.")
    data["phone"] = "05 55 00 00 00"
    response = client.post(url, data)
    created = Candidate.objects.get(last_name="Salon")
    assert response.status_code == 302 and created.reference
    assert created.created_by == world["officer"] and created.consent_at
    # A pole the user is not an officer of is refused.
    other = pole_officer.welcome_poles.get()
    response = client.post(url, {**data, "pole": other.pk, "last_name": "Ailleurs"})
    assert not Candidate.objects.filter(last_name="Ailleurs").exists()


def test_list_is_scoped_filtered_searchable_and_sorted(client, world):
    pole = world["pole"]
    CandidateFactory(pole=pole, last_name="Alpha", status="settled", project_type="job")
    CandidateFactory(pole=pole, last_name="Zeta", status="new")
    CandidateFactory(last_name="Autre-Pole")
    client.force_login(world["officer"])
    url = reverse("extranet:candidate_list")
    response = client.get(url, {"sort": "name"})
    names = [c.last_name for c in response.context["page_obj"].object_list]
    assert names == ["Alpha", "Durand-Test", "Zeta"]
    response = client.get(url, {"status": "settled"})
    assert [c.last_name for c in response.context["page_obj"].object_list] == ["Alpha"]
    response = client.get(url, {"q": "zet"})
    assert [c.last_name for c in response.context["page_obj"].object_list] == ["Zeta"]
    response = client.get(url, {"project_type": "job"})
    assert [c.last_name for c in response.context["page_obj"].object_list] == ["Alpha"]


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


def test_list_query_count_is_bounded_and_does_not_grow(client, world):
    """≤ 12 queries for the whole page (session, user, roles, site settings included),
    and the same for 30 or 60 rows."""
    client.force_login(world["officer"])
    url = reverse("extranet:candidate_list")
    CandidateFactory.create_batch(30, pole=world["pole"])
    _queries(client, url)  # warm caches (content types, site root)
    small = _queries(client, url, {"sort": "-last_contact", "status": "new"})
    CandidateFactory.create_batch(30, pole=world["pole"])
    large = _queries(client, url, {"sort": "-last_contact", "status": "new"})
    assert small == large
    assert large <= 12, large


def test_saved_filters(client, world):
    client.force_login(world["officer"])
    response = client.post(
        reverse("extranet:candidate_filter_save"), {"name": "Nouveaux", "query": "status=new"}
    )
    assert response.status_code == 302 and response.url.endswith("?status=new")
    assertContains(client.get(reverse("extranet:candidate_list")), "?status=new")
    client.post(reverse("extranet:candidate_filter_delete"), {"name": "Nouveaux"})
    assert not world["officer"].saved_candidate_filters.exists()
