from datetime import date, datetime

import pytest
from data_inclusion.schema import v1 as di
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from repertoire.interop.export import permanence_to_di, published_permanences
from repertoire.models import Structure
from tests.portal.factories import CommuneFactory, DepartmentFactory
from tests.repertoire.factories import PermanenceFactory, ServiceFactory, StructureFactory
from tests.repertoire.test_paper import pdf_text


@pytest.fixture
def places(db):
    haute_vienne = DepartmentFactory(code="87", name="Haute-Vienne")
    limoges = CommuneFactory(
        insee_code="87085",
        name="Limoges",
        department=haute_vienne,
        latitude=45.8336,
        longitude=1.2611,
    )
    # Bellac is ~37 km north of Limoges; Blond ~8 km from Bellac.
    bellac = CommuneFactory(
        insee_code="87011",
        name="Bellac",
        department=haute_vienne,
        latitude=46.1219,
        longitude=1.0489,
        postal_codes="87300",
    )
    blond = CommuneFactory(
        insee_code="87019",
        name="Blond",
        department=haute_vienne,
        latitude=46.0597,
        longitude=1.0072,
    )
    return limoges, bellac, blond


@pytest.fixture
def held(places):
    limoges, bellac, _blond = places
    agency = StructureFactory(
        name="Mission locale de la Vienne", slug="mission-locale", commune=limoges, complete=True
    )
    service = ServiceFactory(structure=agency, name="Accompagnement vers l'emploi")
    town_hall = PermanenceFactory(structure=agency, service=service, commune=bellac)
    return agency, town_hall


def test_fiche_shows_where_when_and_next_date(client, repertoire, held):
    agency, _permanence = held
    response = client.get("/repertoire/structures/mission-locale/")
    assertContains(response, '<h2 id="permanences">Permanences</h2>', html=False)
    assertContains(response, "Mairie de Bellac")
    assertContains(response, "1er et 3e mardi du mois, 9 h – 12 h")
    assertContains(response, "Prochaine permanence :")
    assertContains(response, "(Accompagnement vers l&#x27;emploi)")


def test_ended_permanences_are_not_shown(client, repertoire, held):
    _agency, permanence = held
    permanence.ends_on = date(2020, 1, 1)
    permanence.save()
    assertNotContains(client.get("/repertoire/structures/mission-locale/"), "Mairie de Bellac")


def test_host_fiche_lists_the_permanences_it_hosts(client, repertoire, places):
    limoges, bellac, _blond = places
    host = StructureFactory(name="France services de Bellac", slug="fs-bellac", commune=bellac)
    guest = StructureFactory(name="CIAS du Haut-Limousin", commune=limoges)
    PermanenceFactory(structure=guest, host_structure=host, place_name="", commune=bellac)
    response = client.get("/repertoire/structures/fs-bellac/")
    assertContains(response, "Permanences accueillies")
    assertContains(response, "CIAS du Haut-Limousin")
    guest_page = client.get(f"/repertoire/structures/{guest.slug}/")
    assertContains(guest_page, "France services de Bellac")


def test_a_person_in_bellac_finds_the_service_held_there(client, repertoire, held, places):
    StructureFactory(name="Épicerie de Limoges", commune=places[0])
    response = client.get("/repertoire/", {"commune": "Blond", "rayon": 10})
    assertContains(response, "Mission locale de la Vienne")
    assertContains(response, "Permanence à Bellac")
    assertNotContains(response, "Épicerie de Limoges")
    response = client.get("/repertoire/", {"commune": "Bellac", "rayon": 0})
    assertContains(response, "Mission locale de la Vienne")


def test_keyword_near_a_commune_matches_through_a_permanence(client, repertoire, held, index):
    index()
    response = client.get("/repertoire/", {"q": "mission locale", "commune": "Blond", "rayon": 10})
    assertContains(response, "Mission locale de la Vienne")
    assertContains(response, "Permanence à Bellac")


def test_map_has_a_point_per_permanence(client, repertoire, held, places):
    features = client.get("/repertoire/carte/").json()["features"]
    permanence = [f for f in features if f["properties"].get("kind") == "permanence"]
    assert len(permanence) == 1
    assert permanence[0]["geometry"]["coordinates"] == [1.0489, 46.1219]
    assert "Mairie de Bellac, Bellac" in permanence[0]["properties"]["commune"]


def test_open_now_reads_the_permanences(held):
    agency, _permanence = held
    agency = Structure.objects.get(pk=agency.pk)
    agency.opening_hours = "Mo 09:00-10:00"
    first_tuesday = datetime(2026, 12, 1, 10, 30)
    assert agency.permanence_open_now(first_tuesday).commune.name == "Bellac"
    assert agency.permanence_open_now(datetime(2026, 12, 8, 10, 30)) is None


def test_fiche_pdf_and_booklet_print_the_permanence(client, repertoire, held):
    _reader, pages = pdf_text(client.get("/repertoire/structures/mission-locale/pdf/"), "p.pdf")
    text = " ".join(pages)
    assert "Mairie de Bellac" in text and "1er et 3e mardi du mois" in text
    _reader, pages = pdf_text(client.get("/repertoire/livret/"), "livret-permanences.pdf")
    assert "Permanences. Mairie de Bellac, Bellac" in " ".join(pages)


def test_export_writes_a_service_per_permanence(client, held):
    _agency, permanence = held
    PermanenceFactory(structure=permanence.structure, commune=permanence.commune, service=None)
    records = [permanence_to_di(p) for p in published_permanences()]
    assert len(records) == 2
    for record in records:
        checked = di.Service.model_validate(record, context={"ignore_warnings": False})
        assert checked.code_insee == "87011"
        assert checked.horaires_accueil == "Tu[1,3] 09:00-12:00; PH off"
        assert checked.adresse == "Place de la République"
    services = client.get("/api/repertoire/services").json()
    assert len(services) == 3
    assert services[1]["nom"] == "Accompagnement vers l'emploi – permanence à Bellac"
    assert (
        client.get("/api/repertoire/services", {"offset": 2})
        .json()[0]["id"]
        .endswith(f"--permanence-{records and published_permanences().last().pk}")
    )


def test_bad_commune_and_missing_place_are_refused_in_french(held):
    from django.core.exceptions import ValidationError

    agency, _permanence = held
    permanence = PermanenceFactory.build(structure=agency, place_name="", commune=None)
    with pytest.raises(ValidationError) as error:
        permanence.full_clean()
    assert "Nommez le lieu" in str(error.value)
    permanence = PermanenceFactory.build(
        structure=agency, commune=agency.commune, opening_hours="mardi matin"
    )
    with pytest.raises(ValidationError) as error:
        permanence.full_clean()
    assert list(error.value.message_dict) == ["opening_hours"]
    assert "Horaires non reconnus, position" in str(error.value)


@pytest.mark.parametrize("count", [1, 10])
def test_list_and_fiche_queries_stay_flat(client, repertoire, places, count):
    limoges, bellac, _blond = places
    for n in range(count):
        structure = StructureFactory(commune=limoges, complete=True)
        PermanenceFactory(structure=structure, commune=bellac)
        PermanenceFactory(structure=structure, commune=limoges, place_name=f"Salle {n}")
    client.get("/repertoire/")  # warm the caches (menus, themes)
    with CaptureQueriesContext(connection) as listing:
        assertContains(client.get("/repertoire/", {"commune": "Bellac"}), "Permanence à Bellac")
    with CaptureQueriesContext(connection) as fiche:
        client.get(f"/repertoire/structures/{structure.slug}/")
    assert len(listing) <= 12 and len(fiche) <= 12, (len(listing), len(fiche))
    if count == 10:
        assert (len(listing), len(fiche)) == FLAT[1]
    FLAT[count] = (len(listing), len(fiche))


FLAT = {}


def test_admin_edits_permanences_inline_with_a_typed_commune(client, held, places):
    from tests.portal.factories import UserFactory

    agency, _permanence = held
    ServiceFactory(name="Service d'une autre structure")
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(f"/admin/snippets/repertoire/structure/edit/{agency.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="permanences-0-commune"' in body
    assert '<select name="permanences-0-commune"' not in body
    assert 'value="Bellac (87)"' in body
    assert "Accompagnement vers l&#x27;emploi" in body
    assert "Service d&#x27;une autre structure" not in body


def test_commune_field_reads_names_and_refuses_unknown_ones_in_french(places):
    from django.core.exceptions import ValidationError

    from portal.places import CommuneChoiceField

    field = CommuneChoiceField(required=False)
    assert field.clean("Bellac").name == "Bellac"
    assert field.clean("Bellac (87)").insee_code == "87011"
    assert field.clean("") is None
    with pytest.raises(ValidationError) as error:
        field.clean("Atlantide")
    assert "Atlantide" in str(error.value) or "Vouliez-vous dire" in str(error.value)


def test_site_search_near_bellac_finds_the_permanence(repertoire, held, places, settings):
    from django.core.management import call_command

    from search import api as search_api
    from search import backends

    settings.ELASTICSEARCH_URL = ""
    backends.reset()
    call_command("search_index", "update", kind=["permanence"], no_progress=True, stdout=None)
    _limoges, bellac, _blond = places
    result = search_api.search(
        "emploi", filters={"kind": ["permanence"]}, facets=(), near=(bellac.point, 5)
    )
    assert [hit.title for hit in result.hits] == [
        "Permanence de Mission locale de la Vienne à Bellac"
    ]
    assert result.hits[0].url.endswith("/structures/mission-locale/#permanences")
    backends.reset()
