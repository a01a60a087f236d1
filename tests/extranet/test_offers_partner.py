"""Partners propose offers from the extranet into the Wagtail moderation workflow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import WorkflowState

from portal.models import OfferPage
from tests.portal import factories as offer_factories
from tests.portal.factories import CommuneFactory

pytestmark = pytest.mark.django_db
PROPOSE = reverse("extranet:offer_propose")
PROPOSALS = reverse("extranet:offer_proposals")


@pytest.fixture
def index(db):
    CommuneFactory(name="Felletin", insee_code="23079")
    return offer_factories.offer_index()


def proposal(**overrides):
    data = {
        "offer_type": "workspace",
        "title": "Tiers-lieu de la Filature",
        "summary": "Bureaux partagés et atelier, à deux pas de la gare.",
        "description": "Six postes, une salle de réunion.\nAccès 7 j/7 pour les résidents.",
        "commune": "Felletin",
        "valid_until": "2099-12-31",
        "contact_organisation": "Association La Filature",
        "opening_hours": "Du lundi au vendredi, 9 h – 18 h",
        "access_conditions": "Adhésion annuelle de 20 €",
    }
    return {**data, **overrides}


@pytest.mark.parametrize("url", [PROPOSE, PROPOSALS])
def test_anonymous_is_sent_to_login(client, index, url):
    response = client.get(url)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


@pytest.mark.parametrize("who", ["stranger", "youth", "editor"])
@pytest.mark.parametrize("url", [PROPOSE, PROPOSALS])
def test_people_who_cannot_propose_are_refused(client, index, request, who, url):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url).status_code == 403
    assert client.post(PROPOSE, proposal()).status_code == 403
    assert not OfferPage.objects.exists()


@pytest.mark.parametrize("who", ["member", "pole_officer"])
def test_member_proposes_a_draft_that_goes_to_moderation(client, index, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(PROPOSE).status_code == 200

    response = client.post(PROPOSE, proposal())

    assert response.status_code == 302 and response["Location"] == PROPOSALS
    offer = OfferPage.objects.get()
    assert not offer.live and offer.owner == user
    assert offer.get_parent().specific == index and offer.commune.name == "Felletin"
    assert "Accès 7 j/7" in str(offer.body)
    state = WorkflowState.objects.get(object_id=str(offer.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert offer not in OfferPage.objects.current()
    listing = client.get(PROPOSALS)
    assert "Tiers-lieu de la Filature" in listing.content.decode()
    assert "En attente de modération" in listing.content.decode()


def test_proposals_show_the_editors_decision(client, index, member):
    client.force_login(member)
    client.post(PROPOSE, proposal())
    offer = OfferPage.objects.get()
    state = WorkflowState.objects.get(object_id=str(offer.pk))
    state.current_task_state.task.specific.on_action(
        state.current_task_state, user=None, action_name="approve"
    )
    assert OfferPage.objects.get().live
    assert "Publiée" in client.get(PROPOSALS).content.decode()


def test_a_proposal_never_lists_someone_elses(client, index, member, manager):
    client.force_login(manager)
    client.post(PROPOSE, proposal())
    assert len(client.get(PROPOSALS).context["proposals"]) == 1
    client.force_login(member)
    assert client.get(PROPOSALS).context["proposals"] == []


def test_bad_input_is_explained_next_to_the_field_and_nothing_is_created(client, index, member):
    client.force_login(member)
    response = client.post(
        PROPOSE,
        proposal(
            commune="Feletin", opening_hours="", valid_until="2099-01-01", valid_from="2099-06-01"
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Felletin" in str(errors["commune"])  # suggestion
    assert "obligatoire pour ce type" in str(errors["opening_hours"])
    assert "précède" in str(errors["valid_until"])
    assert response.context["form"]["title"].value() == "Tiers-lieu de la Filature"
    assert not OfferPage.objects.exists()


def _count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PROPOSALS).status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_the_proposals(client, index, member):
    client.force_login(member)
    client.post(PROPOSE, proposal(title="Tiers-lieu 0"))
    client.get(PROPOSALS)  # consumes the success message
    one = _count_queries(client)
    for n in range(1, 4):
        client.post(PROPOSE, proposal(title=f"Tiers-lieu {n}"))
    client.get(PROPOSALS)
    assert _count_queries(client) == one
