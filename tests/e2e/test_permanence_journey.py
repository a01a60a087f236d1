"""A person in a small commune finds a permanence held there by a structure based
elsewhere, reads its fiche and prints it. axe-core must report no violation."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.axe import assert_accessible
from tests.portal.factories import CommuneFactory, DepartmentFactory
from tests.repertoire.factories import (
    PermanenceFactory,
    ServiceFactory,
    StructureFactory,
    repertoire_page,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def held_in_bellac(db):
    haute_vienne = DepartmentFactory(code="87", name="Haute-Vienne")

    def commune(code, name, lat, lon):
        return CommuneFactory(
            insee_code=code, name=name, department=haute_vienne, latitude=lat, longitude=lon
        )

    limoges = commune("87085", "Limoges", 45.8336, 1.2611)
    bellac = commune("87011", "Bellac", 46.1219, 1.0489)
    commune("87019", "Blond", 46.0597, 1.0072)
    repertoire_page()
    agency = StructureFactory(
        complete=True,
        name="Mission locale de la Vienne",
        slug="mission-locale-vienne",
        commune=limoges,
    )
    service = ServiceFactory(structure=agency, name="Accompagnement vers l'emploi")
    PermanenceFactory(
        structure=agency,
        service=service,
        place_name="Mairie de Bellac",
        commune=bellac,
        opening_hours="Tu[1,3] 09:00-12:00; PH off",
        notes="Salle du conseil",
    )
    StructureFactory(complete=True, name="Épicerie solidaire de Limoges", commune=limoges)
    return agency


def test_person_in_a_small_commune_finds_a_permanence_and_prints_its_fiche(page, held_in_bellac):
    page.goto("/repertoire/")
    page.get_by_label("Commune").fill("Blond")
    page.get_by_label("Distance").select_option(label="à 10 km")
    page.get_by_role("button", name=re.compile("Filtrer|Rechercher")).click()
    page.wait_for_url(re.compile(r"commune=Blond"))
    card = page.locator(".structure-card", has_text="Mission locale de la Vienne")
    expect(card).to_contain_text("Permanence à Bellac")
    expect(page.get_by_role("link", name="Épicerie solidaire de Limoges")).to_have_count(0)
    assert_accessible(page)

    card.get_by_role("link", name="Mission locale de la Vienne").click()
    page.wait_for_url(re.compile(r"/repertoire/structures/mission-locale-vienne/$"))
    section = page.get_by_role("heading", name="Permanences", exact=True)
    expect(section).to_be_visible()
    expect(page.get_by_text("1er et 3e mardi du mois, 9 h – 12 h")).to_be_visible()
    expect(page.get_by_text("Prochaine permanence :")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger la fiche (PDF)").click()
    with open(download_info.value.path(), "rb") as pdf:
        content = pdf.read()
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(content)).pages
    )
    assert "Mairie de Bellac" in text
    assert "1er et 3e mardi du mois" in text
