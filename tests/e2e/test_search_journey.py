"""Search journey: a visitor searches, picks a suggestion, filters by a facet, opens a
hit. axe-core must report no violation on any page visited."""

import pytest

from portal.models import HomePage, StandardPage
from search import backends
from search.documents import Document
from tests.e2e.axe import assert_accessible
from tests.portal.factories import CommuneFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def content(settings):
    settings.ELASTICSEARCH_URL = ""
    settings.MAP_TILE_URL = ""  # no tile server here: the map draws markers only
    backends.reset()
    CommuneFactory(insee_code="23030", name="Bourganeuf", latitude=45.953, longitude=1.756)
    CommuneFactory(insee_code="87085", name="Limoges", latitude=45.8336, longitude=1.2611)
    home = HomePage.objects.get()
    for title, intro in [
        ("Trouver un logement", "Aides au logement et locations à l'année."),
        ("Logements des saisonniers", "Se loger le temps d'une saison."),
        ("Garde d'enfants", "Crèches et assistantes maternelles."),
    ]:
        page = StandardPage(
            title=title, slug=title.lower().replace(" ", "-").replace("'", ""), introduction=intro
        )
        home.add_child(instance=page)
        page.save_revision().publish()  # indexed by the registry's signals, after commit
    backends.database_backend().index(
        [
            Document(
                kind="structure",
                id="1",
                title="Agence départementale du logement",
                text="Conseils gratuits sur le logement.",
                url="/",
                point=(45.95, 1.75),
                commune_code="23030",
                department_code="23",
            ),
        ]
    )
    yield
    backends.reset()


def test_search_filter_and_open_a_hit(page, live_server, content):
    page.goto("/recherche/")
    assert page.get_by_role("heading", level=1).inner_text() == "Rechercher sur le portail"
    assert_accessible(page)

    box = page.get_by_role("combobox", name="Que cherchez-vous ?")
    box.press_sequentially("trouv", delay=30)
    option = page.get_by_role("option", name="Trouver un logement")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert_accessible(page)
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"

    box.fill("logements")
    box.press("Enter")
    page.wait_for_url("**/recherche/?q=logements*")
    results = page.get_by_role("heading", name="3 résultats")
    results.wait_for()
    assert page.locator(".search-hit mark").first.inner_text().lower().startswith("logement")
    page.locator(".leaflet-marker-icon").first.wait_for()  # the map twin drew its marker
    assert_accessible(page)

    page.get_by_role("checkbox", name="Pages (2)").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**kind=page*")
    page.get_by_role("heading", name="2 résultats").wait_for()
    assert page.get_by_role("checkbox", name="Pages (2)").is_checked()
    assert_accessible(page)

    page.get_by_role("link", name="Trouver un logement").click()
    page.wait_for_url("**/trouver-un-logement/")
    assert page.get_by_role("heading", level=1).inner_text() == "Trouver un logement"
    assert_accessible(page)


def test_nothing_near_a_commune_points_to_where_there_is(page, live_server, content):
    page.goto("/recherche/?q=logement&place=Limoges&radius=5")
    page.get_by_text("Aucun résultat ne correspond à votre recherche.").wait_for()
    nearby = page.get_by_role("link", name="1 résultat à Bourganeuf")
    assert page.get_by_role("link", name="Élargir la recherche à 50 km").is_visible()
    assert_accessible(page)
    nearby.click()
    page.wait_for_url("**place=23030*")
    page.get_by_role("link", name="Agence départementale du logement").wait_for()
    assert_accessible(page)
