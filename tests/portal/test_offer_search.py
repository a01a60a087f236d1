"""Offers in the site search: current offers are public; an expired one leaves the public
search (it stays findable by network members) once the daily refresh has run."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.offer_search import offer_document
from search import backends
from tests.extranet.factories import MembershipFactory
from tests.portal import factories as offer_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_db(settings):
    settings.ELASTICSEARCH_URL = ""
    backends.reset()
    yield
    backends.reset()


def public_titles(client, text):
    return [hit.title for hit in client.get("/recherche/", {"q": text}).context["result"].hits]


def test_current_offer_is_public_and_expired_is_members_only(db):
    current = offer_factories.offer(title="Boulangerie à reprendre", offer_type="business")
    expired = offer_factories.expired_offer(title="Gîte à louer", offer_type="housing")
    document = offer_document(current)
    assert (document.kind, document.visibility, document.types) == ("offer", "public", ["business"])
    assert document.url == current.url and document.commune_code == current.commune.insee_code
    assert offer_document(expired).visibility == "members"


def test_published_offer_is_found_then_leaves_public_search_when_it_expires(
    client, search_db, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        offer = offer_factories.offer(
            title="Tiers-lieu du Plateau", offer_type="workspace", valid_until=today
        )
    assert public_titles(client, "tiers-lieu plateau") == ["Tiers-lieu du Plateau"]

    # The next day nothing is saved; the daily command re-indexes what expired.
    type(offer).objects.filter(pk=offer.pk).update(valid_until=today - datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("refresh_offer_index", stdout=io.StringIO())
    assert public_titles(client, "tiers-lieu plateau") == []
    client.force_login(MembershipFactory().user)
    members = client.get("/extranet/recherche/", {"q": "tiers-lieu plateau"}).context["result"]
    assert [hit.title for hit in members.hits] == ["Tiers-lieu du Plateau"]


def test_unpublished_offer_leaves_the_index(client, search_db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        offer = offer_factories.offer(title="Maison de santé : local à louer")
    assert public_titles(client, "maison santé local") == ["Maison de santé : local à louer"]
    with django_capture_on_commit_callbacks(execute=True):
        offer.unpublish()
    assert public_titles(client, "maison santé local") == []
