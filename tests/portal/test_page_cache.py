"""Anonymous page cache: served from the cache, forgotten when content changes, never a
page meant for one person."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import Site

from portal.models import HomePage, SiteSettings, StandardPage
from tests.extranet.factories import MembershipFactory
from tests.repertoire.conftest import repertoire  # noqa: F401  (fixture)
from tests.repertoire.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def _publish(title, slug):
    page = StandardPage(title=title, slug=slug, introduction="Texte.", show_in_menus=True)
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_public_page_is_served_from_the_cache_the_second_time(client):
    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # made on a first visit
    assert client.get("/")["X-Page-Cache"] == "miss"
    response = client.get("/")
    assert response["X-Page-Cache"] == "hit"
    assert response.status_code == 200
    assert "private" not in response["Cache-Control"]


def test_publishing_unpublishing_and_deleting_a_page_refresh_the_cached_pages(client):
    client.get("/")
    page = _publish("Se loger en Creuse", "se-loger")
    assertContains(client.get("/"), "Se loger en Creuse")
    page.unpublish()
    assertNotContains(client.get("/"), "Se loger en Creuse")
    other = _publish("Travailler au pays", "travailler")
    assertContains(client.get("/"), "Travailler au pays")
    other.delete()
    assertNotContains(client.get("/"), "Travailler au pays")


def test_a_fiche_change_refreshes_the_cached_repertoire(client, repertoire):  # noqa: F811
    structure = StructureFactory(name="Épicerie du Plateau")
    url = f"/repertoire/structures/{structure.slug}/"
    assertContains(client.get(url), "Épicerie du Plateau")
    structure.name = "Épicerie solidaire du Plateau"
    structure.save()
    assertContains(client.get(url), "Épicerie solidaire du Plateau")


def test_the_offer_refresh_command_forgets_cached_offer_lists(client):
    client.get("/")
    from portal import page_cache

    before = page_cache.generation()
    call_command("refresh_offer_index", "--days", "3650")
    # the demo-less database may hold no offer: the generation moves only when one changed
    assert page_cache.generation() >= before


def test_signed_in_people_never_get_or_fill_the_cache(client):
    client.get("/")
    client.force_login(MembershipFactory().user)
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]
    assertContains(response, "Se déconnecter")
    client.logout()
    anonymous = client.get("/")
    assertNotContains(anonymous, "Se déconnecter")


def test_a_page_holding_a_csrf_token_is_never_stored(client, repertoire):  # noqa: F811
    structure = StructureFactory()
    url = f"/repertoire/structures/{structure.slug}/signaler/"
    first = client.get(url)
    assert first.status_code == 200
    assert "X-Page-Cache" not in first or first["X-Page-Cache"] != "hit"
    second = client.__class__().get(url)
    assert second.get("X-Page-Cache") != "hit"
    assert 'name="csrfmiddlewaretoken"' in second.content.decode()


def test_a_pending_message_is_shown_to_its_visitor_only(client, repertoire, editor):  # noqa: F811
    structure = StructureFactory()
    fiche = f"/repertoire/structures/{structure.slug}/"
    client.get(fiche)
    client.post(f"{fiche}signaler/", {"message": "Le numéro ne répond plus."})
    assertContains(client.get(fiche), "Merci")
    assertNotContains(client.__class__().get(fiche), "Merci")
