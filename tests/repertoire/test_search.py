"""The répertoire in the site search: structures and services, public, with their place."""

from search import api
from tests.portal.factories import CommuneFactory
from tests.repertoire.factories import ServiceFactory, StructureFactory, theme


def test_structures_and_services_are_searchable_with_their_fiche_url(
    repertoire, index, django_capture_on_commit_callbacks
):
    gueret = CommuneFactory(insee_code="23096", name="Guéret", latitude=46.16, longitude=1.87)
    with django_capture_on_commit_callbacks(execute=True):
        structure = StructureFactory(
            name="Secours du canton", commune=gueret, themes=[theme("aide-materielle")]
        )
        service = ServiceFactory(structure=structure, name="Vestiaire solidaire")
    hits = {hit.kind: hit for hit in api.search("vestiaires").hits}
    assert set(hits) == {"structure", "service"}
    fiche = f"/repertoire/structures/{structure.slug}/"
    assert hits["structure"].url == fiche
    assert hits["service"].url == f"{fiche}#service-{service.pk}"
    assert hits["structure"].themes == ["aide-materielle"]
    assert (hits["service"].commune_code, hits["service"].department_code) == (
        "23096",
        gueret.department_id,
    )
    assert hits["structure"].point == (46.16, 1.87)
    assert "Secours du canton" in api.suggest("secours")


def test_unpublishing_a_structure_takes_its_services_out_of_search(
    repertoire, index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        structure = StructureFactory(name="Épicerie du bourg")
        ServiceFactory(structure=structure, name="Paniers solidaires")
    assert api.search("paniers").total == 2
    with django_capture_on_commit_callbacks(execute=True):
        structure.live = False
        structure.save()
    assert api.search("paniers").total == 0
    assert api.search("epicerie").total == 0
