"""Cached list fragments and cached Wagtail routes (issue #13): cheaper uncached pages,
never staler than the page cache, never another page's content."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from portal.fragments import fragment_key
from portal.models import HomePage, StandardPage
from tests.portal import factories
from tests.repertoire.conftest import repertoire  # noqa: F401  (fixture)
from tests.repertoire.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache(settings):
    settings.FRAGMENT_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


def test_an_offer_card_follows_its_offer(client):
    offer = factories.offer(title="Boulangerie à reprendre")
    assertContains(client.get("/offres/"), "Boulangerie à reprendre")
    offer.title = "Boulangerie et fournil à reprendre"
    offer.save_revision().publish()
    assertContains(client.get("/offres/"), "Boulangerie et fournil à reprendre")
    offer.unpublish()
    assertNotContains(client.get("/offres/"), "fournil")


def test_a_structure_card_follows_its_fiche_and_the_filters(client, repertoire):  # noqa: F811
    structure = StructureFactory(name="Épicerie du Plateau")
    assertContains(client.get("/repertoire/"), "Épicerie du Plateau")
    structure.name = "Épicerie solidaire du Plateau"
    structure.save()
    assertContains(client.get("/repertoire/"), "Épicerie solidaire du Plateau")
    # the filter form is cached by address: what was typed is shown back
    assertContains(client.get("/repertoire/?q=zzz"), 'value="zzz"')
    assertNotContains(client.get("/repertoire/?q=yyy"), 'value="zzz"')


def test_a_fiche_body_follows_its_structure(client, repertoire):  # noqa: F811
    structure = StructureFactory(name="Maison France services", summary="Aide aux démarches.")
    url = f"/repertoire/structures/{structure.slug}/"
    assertContains(client.get(url), "Aide aux démarches.")
    structure.summary = "Aide aux démarches en ligne."
    structure.save()
    assertContains(client.get(url), "Aide aux démarches en ligne.")


def test_fragments_are_kept_per_language_and_host(rf, settings):
    settings.ALLOWED_HOSTS = ["testserver", "autre.example"]
    request = rf.get("/offres/")
    with translation.override("fr"):
        french = fragment_key(request, "offer-card", [1])
    with translation.override("en"):
        english = fragment_key(rf.get("/offres/"), "offer-card", [1])
    other_host = fragment_key(rf.get("/offres/", HTTP_HOST="autre.example"), "offer-card", [1])
    assert len({french, english, other_host}) == 3


def test_a_cached_route_costs_fewer_queries_and_follows_moves_and_unpublication(client):
    page = StandardPage(title="Se loger", slug="se-loger", introduction="Texte.")
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    client.get("/se-loger/")
    with CaptureQueriesContext(connection) as walked:
        cache.clear()
        assert client.get("/se-loger/").status_code == 200
    with CaptureQueriesContext(connection) as cached:
        assertContains(client.get("/se-loger/"), "Se loger")
    assert len(cached) < len(walked)
    page.slug = "habiter"
    page.save_revision().publish()
    assert client.get("/se-loger/").status_code == 404
    assertContains(client.get("/habiter/"), "Se loger")
    page.unpublish()
    assert client.get("/habiter/").status_code == 404


def test_a_routable_page_routes_the_rest_of_the_address_itself(client, repertoire):  # noqa: F811
    structure = StructureFactory(name="Relais des familles")
    for _ in range(2):  # walked, then from the cache
        assertContains(client.get("/repertoire/"), "Relais des familles")
        response = client.get(f"/repertoire/structures/{structure.slug}/")
        assertContains(response, "Relais des familles")
        assert client.get("/repertoire/structures/inconnue/").status_code == 404
