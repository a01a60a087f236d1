"""The public search page: what a visitor sees, types and shares."""

import pytest
from django.urls import reverse

from search import api
from tests.portal.factories import CommuneFactory, DepartmentFactory
from tests.search.corpus import CORPUS

URL = "/recherche/"


@pytest.fixture
def indexed(database_search):
    database_search.index(CORPUS)
    return database_search


@pytest.fixture
def bourganeuf(db):
    return CommuneFactory(insee_code="23030", name="Bourganeuf", latitude=45.953, longitude=1.756)


def test_route_name_and_empty_page(client, indexed):
    assert reverse("search:public") == URL
    response = client.get(URL)
    assert response.status_code == 200
    assert b'name="q"' in response.content


def test_keyword_search_lists_highlighted_public_hits(client, indexed):
    response = client.get(URL, {"q": "logements"})
    html = response.content.decode()
    assert "2 résultats" in html
    assert "Agence départementale pour le logement" in html
    assert "<mark>logement</mark>" in html
    assert "Famille Martin" not in html  # restricted to a structure
    assert "Réunion du réseau" not in html  # members only


def test_facets_are_checkboxes_that_filter(client, indexed):
    response = client.get(URL, {"themes": "emploi"})
    html = response.content.decode()
    assert 'type="checkbox" name="themes" value="emploi"' in html
    assert "Reprise de boulangerie à Felletin" in html
    assert "Mission locale de la Corrèze" in html
    assert "Crèche Les P'tits Loups" not in html
    assert response.context["result"].total == 2


def test_department_facet_shows_names(client, indexed):
    DepartmentFactory(code="23", name="Creuse")
    html = client.get(URL).content.decode()
    assert "Creuse (23)" in html


def test_unknown_facet_value_stays_uncheckable(client, indexed):
    response = client.get(URL, {"themes": "astronomie"})
    assert response.status_code == 200
    assert 'value="astronomie"' in response.content.decode()
    assert response.context["result"].total == 0


def test_near_a_commune_by_name_or_insee_code(client, indexed, bourganeuf):
    for place in ("Bourganeuf", "bourganeuf", "23030"):
        response = client.get(URL, {"place": place, "radius": "30"})
        assert [h.id for h in response.context["result"].hits] == ["1", "2"]
    html = response.content.decode()
    assert "à moins de 30 km de Bourganeuf (23)" in html
    assert "à 25,8 km" in html or "à 25.8 km" in html
    assert 'id="search-markers"' in html  # the map twin gets the same hits


def test_unknown_commune_is_explained_in_french(client, indexed):
    response = client.get(URL, {"q": "logement", "place": "Atlantide"})
    assert response.status_code == 200
    assert "Nous ne trouvons pas la commune « Atlantide »" in response.content.decode()
    assert response.context["result"].total == 2  # searched without the place


@pytest.mark.parametrize(("radius", "kept"), [("-5", 1), ("10000", 200), ("abc", 20), ("", 20)])
def test_radius_is_clamped(client, indexed, bourganeuf, radius, kept):
    response = client.get(URL, {"place": "Bourganeuf", "radius": radius})
    assert response.status_code == 200
    assert response.context["radius"] == kept
    if radius in ("-5", "10000"):
        assert "Le rayon doit être compris entre 1 et 200 km" in response.content.decode()


def test_zero_results_offer_a_spelling_and_a_broader_radius(client, indexed, bourganeuf):
    html = client.get(URL, {"q": "boulangrie"}).content.decode()
    assert "Aucun résultat" in html and "Vouliez-vous dire" in html
    assert "?q=Boulangerie" in html
    html = client.get(URL, {"q": "boulangerie", "place": "23030", "radius": "10"}).content.decode()
    assert "Élargir la recherche à 50 km" in html
    assert "radius=50" in html


def test_radius_is_named_rayon_and_links_keep_it(client, indexed, bourganeuf):
    response = client.get(URL, {"place": "Bourganeuf", "rayon": "30"})
    assert response.context["radius"] == 30
    html = response.content.decode()
    assert 'name="rayon" value="30"' in html and 'name="radius"' not in html
    html = client.get(URL, {"q": "boulangerie", "place": "23030", "rayon": "10"}).content.decode()
    assert "rayon=50" in html and "radius=" not in html


def test_zero_results_near_a_commune_point_to_the_nearest_communes_with_results(
    client, indexed, bourganeuf
):
    CommuneFactory(insee_code="23079", name="Felletin", latitude=45.883, longitude=2.174)
    response = client.get(URL, {"q": "boulangerie", "place": "23030", "radius": "10"})
    (felletin,) = response.context["nearby_places"]
    assert (felletin["name"], felletin["count"]) == ("Felletin", 1)
    assert 30 <= felletin["km"] <= 35
    html = response.content.decode()
    assert "1 résultat à Felletin" in html and f"(à {felletin['km']} km)" in html
    assert "place=23079" in felletin["url"] and "q=boulangerie" in felletin["url"]
    found = client.get(URL + felletin["url"]).context["result"]
    assert [hit.id for hit in found.hits] == ["3"]


def test_pagination_links_keep_the_search(client, indexed, database_search):
    more = [
        CORPUS[0].__class__(
            kind="page", id=f"p{i}", title=f"Logement n°{i}", text="", url=f"/p{i}/"
        )
        for i in range(25)
    ]
    database_search.index(more)
    response = client.get(URL, {"q": "logement", "kind": "page"})
    assert response.context["result"].pages == 2
    assert "q=logement&amp;kind=page&amp;page=2" in response.content.decode()
    second = client.get(URL, {"q": "logement", "kind": "page", "page": "2"})
    assert len(second.context["result"].hits) == 5


def test_suggestions_endpoint(client, indexed):
    response = client.get(reverse("search:public_suggest"), {"q": "crè"})
    assert response.json() == {"suggestions": ["Crèche Les P'tits Loups"]}
    assert client.get(reverse("search:public_suggest"), {"q": "famille"}).json() == {
        "suggestions": []
    }


def _seed(backend, count):
    docs = [
        CORPUS[0].__class__(
            kind="structure",
            id=str(i),
            title=f"Logement solidaire {i}",
            text="Un logement.",
            url=f"/s/{i}/",
            themes=["logement", f"t{i}"],
            department_code="23",
            point=(45.9 + i / 1000, 1.7),
        )
        for i in range(count)
    ]
    backend.index(docs)


@pytest.mark.parametrize("count", [2, 40])
def test_query_count_does_not_grow_with_hits(
    client, database_search, count, django_assert_max_num_queries
):
    _seed(database_search, count)
    client.get(URL, {"q": "logement"})  # warm caches (site settings, menus)
    with django_assert_max_num_queries(8):
        response = client.get(URL, {"q": "logement", "themes": "logement"})
    assert len(response.context["result"].hits) == min(count, 20)


def test_api_search_is_usable_from_code(indexed):
    assert api.search("crèche").hits[0].url == "/repertoire/creche/"


def test_facet_values_show_in_words(client, indexed):
    """Themes, types and departments are codes in the index, words on screen."""
    from repertoire.models import Theme

    Theme.objects.create(slug="garde-enfants", name="Petite enfance", order=99)
    DepartmentFactory(code="23", name="Creuse")
    groups = {g["name"]: g for g in client.get(URL, {"q": "crèche"}).context["facet_groups"]}
    labels = {name: [o["label"] for o in g["options"]] for name, g in groups.items()}
    assert "Petite enfance" in labels["themes"]
    assert "garde-enfants" not in labels["themes"]
    assert any("Creuse" in label for label in labels["department_code"])
