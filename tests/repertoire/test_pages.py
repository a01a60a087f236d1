import html
import json
import re

import pytest
from django.db import connection
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from tests.portal.factories import CommuneFactory
from tests.repertoire.factories import ServiceFactory, StructureFactory, theme


@pytest.fixture
def places(db):
    gueret = CommuneFactory(insee_code="23096", name="Guéret", latitude=46.16268, longitude=1.87093)
    # Saint-Fiel is ~5 km from Guéret, Aubusson ~33 km.
    saint_fiel = CommuneFactory(
        insee_code="23200", name="Saint-Fiel", latitude=46.2009, longitude=1.8947
    )
    aubusson = CommuneFactory(
        insee_code="23008", name="Aubusson", latitude=45.95071, longitude=2.16648
    )
    return gueret, saint_fiel, aubusson


def test_theme_tab_lists_only_its_structures(client, repertoire, places):
    health = StructureFactory(name="Centre de santé du Plateau", themes=[theme("sante")])
    StructureFactory(name="Crèche des Petits Pas", themes=[theme("garde-d-enfants")])
    response = client.get("/repertoire/themes/sante/")
    assertContains(response, health.name)
    assertNotContains(response, "Crèche des Petits Pas")
    assertContains(response, 'aria-current="page">Santé</a>', html=False)


def test_unknown_theme_is_404(client, repertoire):
    assert client.get("/repertoire/themes/astrologie/").status_code == 404


def test_commune_and_distance_filter(client, repertoire, places):
    gueret, saint_fiel, aubusson = places
    StructureFactory(name="Épicerie solidaire de Guéret", commune=gueret)
    StructureFactory(name="Maison France services de Saint-Fiel", commune=saint_fiel)
    StructureFactory(name="Mission locale d'Aubusson", commune=aubusson)

    response = client.get("/repertoire/", {"commune": "Guéret", "km": 0})
    assertContains(response, "Épicerie solidaire de Guéret")
    assertNotContains(response, "Saint-Fiel</a>")

    response = client.get("/repertoire/", {"commune": "23000", "km": 10})
    assertContains(response, "Maison France services de Saint-Fiel")
    assertNotContains(response, "Mission locale d&#x27;Aubusson")
    body = response.content.decode()
    assert body.index("Épicerie solidaire") < body.index("Maison France services")  # nearest first


def test_distance_is_read_from_rayon(client, repertoire, places):
    gueret, saint_fiel, aubusson = places
    StructureFactory(name="Maison France services de Saint-Fiel", commune=saint_fiel)
    StructureFactory(name="Mission locale d'Aubusson", commune=aubusson)
    response = client.get("/repertoire/", {"commune": "Guéret", "rayon": 10})
    assertContains(response, "Maison France services de Saint-Fiel")
    assertNotContains(response, "Mission locale d&#x27;Aubusson")
    assertContains(response, 'name="rayon"')
    assert "km=" not in response.context["map_url"]


def test_unknown_commune_is_explained_and_kept(client, repertoire, places):
    response = client.get("/repertoire/", {"commune": "Atlantide", "q": "aide"})
    assertContains(response, escape("Commune inconnue : « Atlantide »"))
    assertContains(response, 'value="Atlantide"')
    assertContains(response, 'value="aide"')


def test_keyword_matches_services(client, repertoire, places, index):
    structure = StructureFactory(name="Secours du canton")
    ServiceFactory(structure=structure, name="Vestiaire solidaire")
    StructureFactory(name="Autre association")
    index()
    response = client.get("/repertoire/", {"q": "vestiaire"})
    assertContains(response, "Secours du canton")
    assertNotContains(response, "Autre association")


def test_keyword_says_when_more_matched_than_listed(client, repertoire, places, index, monkeypatch):
    from repertoire import views

    monkeypatch.setattr(views, "SEARCH_LIMIT", 2)
    for number in range(3):
        StructureFactory(name=f"Vestiaire {number}")
    index()
    response = client.get("/repertoire/", {"q": "vestiaire"})
    assert response.context["capped"] is True
    assertContains(response, "seules les 2 réponses les plus pertinentes sont listées")
    response = client.get("/repertoire/", {"q": "vestiaire 1"})
    assert response.context["capped"] is False
    assertNotContains(response, "les plus pertinentes")


def test_keyword_forgives_accents_and_plurals(
    client, repertoire, places, index, django_capture_on_commit_callbacks
):
    # Saved and indexed the way editors do it: the index follows on commit.
    with django_capture_on_commit_callbacks(execute=True):
        StructureFactory(name="Crèche des Petits Pas", themes=[theme("garde-d-enfants")])
        StructureFactory(name="Centre de santé", themes=[theme("sante")])
    for words in ("creche", "CRECHES", "crèches petits"):
        response = client.get("/repertoire/", {"q": words})
        assertContains(response, "Crèche des Petits Pas")
        assertNotContains(response, "Centre de santé")
    assertContains(client.get("/repertoire/themes/garde-d-enfants/", {"q": "creche"}), "Petits Pas")
    assertNotContains(client.get("/repertoire/themes/sante/", {"q": "creche"}), "Petits Pas")


def test_a_services_text_finds_its_structure(
    client, repertoire, places, index, django_capture_on_commit_callbacks
):
    gueret, _saint_fiel, aubusson = places
    with django_capture_on_commit_callbacks(execute=True):
        near = StructureFactory(name="Secours du canton", commune=gueret)
        ServiceFactory(
            structure=near, name="Boutique", description="Vêtements d'occasion à petit prix."
        )
        far = StructureFactory(name="Secours d'Aubusson", commune=aubusson)
        ServiceFactory(structure=far, name="Boutique", description="Vêtements pour enfants.")
    response = client.get("/repertoire/", {"q": "vetement", "commune": "Guéret", "km": 10})
    assertContains(response, "Secours du canton")
    assertNotContains(response, "Secours d&#x27;Aubusson")
    assertContains(client.get("/repertoire/", {"q": "vetement"}), "Secours d&#x27;Aubusson")


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="PostgreSQL aborts the test's transaction on the failed query (autocommit in use)",
)
def test_keyword_falls_back_to_the_database_when_search_fails(client, repertoire, places):
    StructureFactory(name="Secours du canton")
    StructureFactory(name="Autre association")
    with connection.cursor() as cursor:  # a real failure, undone with the test's transaction
        cursor.execute("ALTER TABLE search_indexentry RENAME TO search_indexentry_gone")
    response = client.get("/repertoire/", {"q": "secours"})
    assertContains(response, "Secours du canton")
    assertNotContains(response, "Autre association")


def test_unpublished_structure_is_hidden(client, repertoire):
    draft = StructureFactory(name="Brouillon caché", live=False)
    assertNotContains(client.get("/repertoire/"), draft.name)
    assert client.get(f"/repertoire/structures/{draft.slug}/").status_code == 404


def test_map_twin_has_the_same_results(client, repertoire, places):
    gueret, _saint_fiel, aubusson = places
    StructureFactory(name="Ici", commune=gueret, themes=[theme("logement")])
    StructureFactory(name="Là-bas", commune=aubusson, themes=[theme("logement")])
    StructureFactory(name="Autre thème", commune=gueret, themes=[theme("sante")])
    data = client.get("/repertoire/carte/", {"theme": "logement", "commune": "Guéret"}).json()
    assert [f["properties"]["name"] for f in data["features"]] == ["Ici"]
    assert data["features"][0]["geometry"]["coordinates"] == [1.87093, 46.16268]


def test_fiche_shows_the_fiche_and_json_ld(client, repertoire, places):
    structure = StructureFactory(complete=True, kind="public_service", themes=[theme("sante")])
    ServiceFactory(structure=structure, name="Bilan de santé gratuit", publics=["seniors"])
    response = client.get(f"/repertoire/structures/{structure.slug}/")
    for text in (
        "Objectifs",
        "Conditions d'accès",
        "Sur rendez-vous",
        "Du lundi au vendredi",
        "Handicap moteur",
        "Bilan de santé gratuit",
        "Séniors",
    ):
        assert text in html.unescape(response.content.decode())
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    data = json.loads(match.group(1))
    assert data["@type"] == "GovernmentService"
    assert data["provider"]["name"] == structure.name
    assert data["provider"]["openingHoursSpecification"][0]["opens"] == "08:30"


def test_stale_fiche_is_flagged(client, repertoire):
    structure = StructureFactory(last_verified_at=None)
    assertContains(
        client.get(f"/repertoire/structures/{structure.slug}/"), "pas été vérifiée récemment"
    )


@pytest.mark.parametrize("count", [3, 40])
def test_theme_list_query_count_does_not_grow(
    client, repertoire, places, count, index, django_assert_max_num_queries
):
    gueret = places[0]
    for _ in range(count):
        structure = StructureFactory(
            commune=gueret, complete=True, themes=[theme("sante"), theme("logement")]
        )
        ServiceFactory(structure=structure)
    index()
    client.get("/repertoire/")  # warm the site root cache like a running server
    with django_assert_max_num_queries(12):
        response = client.get(
            "/repertoire/themes/sante/", {"commune": "Guéret", "km": 20, "q": "Association"}
        )
    assert response.status_code == 200
    assert len(response.context["structures"]) == min(count, 20)


def test_fiche_query_count(client, repertoire, django_assert_max_num_queries):
    structure = StructureFactory(complete=True, themes=[theme("sante")])
    ServiceFactory.create_batch(5, structure=structure)
    client.get("/repertoire/")
    with django_assert_max_num_queries(12):
        assert client.get(f"/repertoire/structures/{structure.slug}/").status_code == 200
