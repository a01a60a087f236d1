"""The site search in English (/en/recherche/): kinds, facets and theme names in English,
each result at its English address where the page exists in English (else its French one,
said so with `hreflang`), the indexed French titles and snippets marked French."""

import re

import pytest
from wagtail.models import Locale

from portal.models import HomePage, StandardPage
from repertoire.models import Theme
from tests.repertoire.events.factories import EventFactory
from tests.repertoire.factories import StructureFactory, theme

pytestmark = pytest.mark.django_db


def _translate(page):
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    return english


@pytest.fixture
def found(repertoire, index, django_capture_on_commit_callbacks):
    home = HomePage.objects.get()
    _translate(home)
    repertoire.save_revision().publish()
    _translate(repertoire)
    Theme.objects.filter(slug="logement").update(name_en="Housing")
    french_only = StandardPage(title="Le foyer rural", slug="foyer-rural", introduction="Foyer.")
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=french_only)
        french_only.save_revision().publish()
        structure = StructureFactory(name="Foyer des jeunes", themes=[theme("logement")])
        event = EventFactory(title="Portes ouvertes du foyer")
    return {"structure": structure, "event": event}


def test_english_search_speaks_english_and_links_english_pages(client, found):
    response = client.get("/en/recherche/", {"q": "foyer"})
    html = response.content.decode()
    assert re.search(r'<html lang="en"', html)
    structure, event = found["structure"], found["event"]
    assert f'<a href="/en/repertoire/structures/{structure.slug}/">' in html
    assert f'<a href="/en/evenements/{event.slug}/">' in html
    assert '<a href="/foyer-rural/" hreflang="fr">' in html  # not translated yet
    assert '<h3 class="search-hit__title" lang="fr">' in html
    for label in ("Organisations", "Events", "Topics", "Housing", "Job fair / forum"):
        assert label in html
    assert "Logement" not in html and "Thématiques" not in html


def test_french_search_is_unchanged(client, found):
    html = client.get("/recherche/", {"q": "foyer"}).content.decode()
    assert f'<a href="/repertoire/structures/{found["structure"].slug}/">' in html
    assert f'<a href="/evenements/{found["event"].slug}/">' in html
    assert 'lang="fr"' not in html.split("<main")[1] and "hreflang" not in html.split("<main")[1]
    assert "Logement" in html and "Housing" not in html


def test_the_english_repertoire_names_its_french_booklet_in_english(client, found):
    html = client.get("/en/repertoire/themes/logement/").content.decode()
    assert re.search(r'<html lang="en"', html)
    assert re.search(r'livret/\?theme=logement" hreflang="fr">\s*“Housing” booklet', html)
