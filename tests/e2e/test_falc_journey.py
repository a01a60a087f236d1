"""« Facile à lire et à comprendre » and English fiches in the browser (issue #16, items 2
and 4): a FALC fiche in French, the same fiche in English, the intake's easy-to-read page,
and the partner writing a summary with the live readability indicator. axe: 0 violations."""

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Locale

from tests.e2e.axe import assert_accessible
from tests.extranet.factories import MembershipFactory
from tests.repertoire.factories import ServiceFactory, StructureFactory, repertoire_page

pytestmark = pytest.mark.e2e


@pytest.fixture
def fiche(db, settings):
    settings.MAP_TILE_URL = ""
    directory = repertoire_page()
    directory.save_revision().publish()
    english = directory.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.title = "Directory"
    english.save_revision().publish()
    structure = StructureFactory(
        name="Épicerie solidaire La Musette",
        slug="epicerie-la-musette",
        complete=True,
        easy_read="C'est un magasin.\nLes produits coûtent moins cher.",
        easy_read_en="It is a shop.\nThings cost less here.",
        summary_en="Everyday groceries at low prices.",
    )
    ServiceFactory(
        structure=structure,
        name="Épicerie à prix réduit",
        description="Des produits à petit prix.",
        description_en="Groceries at low prices.",
    )
    return structure


def test_falc_fiche_in_french_and_in_english(page, live_server, fiche):
    page.goto("/repertoire/structures/epicerie-la-musette/")
    easy = page.locator("section.easy-read")
    assert easy.get_by_role("heading").inner_text().strip() == "Facile à lire et à comprendre"
    assert easy.locator("p").all_inner_texts() == [
        "C'est un magasin.",
        "Les produits coûtent moins cher.",
    ]
    assert page.locator("main img.easy-read__pictogram").evaluate("img => img.naturalWidth") > 0
    assert_accessible(page)

    page.goto("/en/repertoire/structures/epicerie-la-musette/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "It is a shop." in page.locator("section.easy-read").inner_text()
    assert page.locator("section.easy-read .easy-read__text").get_attribute("lang") is None
    assert page.locator("p.lead").inner_text() == "Everyday groceries at low prices."
    assert page.locator("p.lead").get_attribute("lang") is None
    assert page.get_by_text("Proposer des aides ponctuelles").get_attribute("lang") == "fr"
    assert_accessible(page)


def test_the_intake_has_an_easy_to_read_version(page, live_server, db):
    page.goto("/je-m-installe/")
    with page.expect_navigation():
        page.get_by_role("link", name="Version facile à lire").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Je veux habiter ici"
    assert_accessible(page)


def test_the_partner_sees_the_readability_indicator_while_writing(page, live_server, fiche):
    membership = MembershipFactory(manager=True, structure=fiche)
    client = Client()
    client.force_login(membership.user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page.goto(f"/extranet/structures/{fiche.slug}/fiche/")
    indicator = page.locator("#id_easy_read-readability")
    assert "la plus longue : 5 mots" in indicator.inner_text()
    long = "Le bénéficiaire du RSA peut solliciter la CAF pour connaître les modalités " * 2
    page.locator("#id_easy_read").fill(long)
    page.wait_for_function(
        "() => document.querySelector('#id_easy_read-readability').textContent.includes('RSA')"
    )
    text = indicator.inner_text()
    assert "trop longue" in text and "RSA, CAF" in text and "bénéficiaire" in text
    assert indicator.get_attribute("role") == "status"
    assert_accessible(page)
