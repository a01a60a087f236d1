"""Every public page has a `<meta name="description">` in its own language (issue #16,
item 5): the sitemap is crawled in French and English, with the public pages that are not
Wagtail pages (fiches, search, intake, workspaces, Cartemploi, errors)."""

import re

import pytest
from wagtail.models import Locale

from portal.models import HomePage, StandardPage
from tests.portal import factories as portal_factories
from tests.repertoire.factories import StructureFactory, repertoire_page

pytestmark = pytest.mark.django_db

FRENCH_WORDS = "le la les des du de et vous pour sur une un est au aux à en qui dans votre vos"
FRENCH = set(f"{FRENCH_WORDS} nous ce cette avec par pas d l s qu chez".split())
ENGLISH_WORDS = "the and of to for your you in on a an is with or we our near this from"
ENGLISH = set(f"{ENGLISH_WORDS} it its at by find help area".split())
OTHER_PAGES = [
    "/repertoire/structures/maison-des-familles/",
    "/en/repertoire/structures/maison-des-familles/",
    "/recherche/",
    "/en/recherche/",
    "/je-m-installe/",
    "/en/je-m-installe/",
    "/je-m-installe/facile-a-lire/",
    "/en/je-m-installe/facile-a-lire/",
    "/espaces-de-travail/",
    "/cartemploi/",
    "/cartemploi/observatoire/",
    "/page-qui-n-existe-pas/",
    "/en/page-that-does-not-exist/",
]


def language_of(text):
    """ "fr" or "en" by counting each language's most common small words."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    french = sum(word in FRENCH for word in words)
    english = sum(word in ENGLISH for word in words)
    assert french != english, f"language unclear: {text!r}"
    return "fr" if french > english else "en"


def _translate(page, **fields):
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    for name, value in fields.items():
        setattr(english, name, value)
    english.save_revision().publish()
    return english


@pytest.fixture
def site(db, settings):
    settings.MAP_TILE_URL = ""
    home = HomePage.objects.get()
    home.introduction = "Tout pour s'installer, travailler et se faire aider sur le territoire."
    home.save_revision().publish()
    legal = StandardPage(title="Mentions légales", slug="mentions-legales")
    home.add_child(instance=legal)
    legal.save_revision().publish()  # no introduction: the site's description
    index = portal_factories.offer_index(introduction="Les offres de reprise et d'emploi.")
    index.save_revision().publish()
    offer = portal_factories.offer(parent=index, summary="Une boulangerie au cœur du bourg.")
    directory = repertoire_page()
    directory.introduction = "Qui fait quoi, pour qui, où et quand."
    directory.save_revision().publish()
    StructureFactory(name="Maison des familles", slug="maison-des-familles", complete=True)
    _translate(home, title="Settle here", introduction="Everything to settle in the area.")
    _translate(index, title="Local offers", introduction="Businesses and jobs in the area.")
    _translate(offer, title="Bakery", summary="A village bakery with its flat.")
    _translate(directory, title="Directory", introduction="Who does what, for whom and where.")


def _description_and_lang(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), url
    html = response.content.decode()
    lang = re.search(r'<html lang="([a-z]+)"', html).group(1)
    found = re.findall(r'<meta name="description" content="([^"]*)"', html)
    assert len(found) == 1, f"{url}: {len(found)} descriptions"
    return found[0], lang


def test_every_public_page_has_a_description_in_its_language(client, site):
    sitemap = client.get("/sitemap.xml").content.decode()
    urls = [
        re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    ]
    assert "/en/" in urls and "/repertoire/" in urls and "/en/repertoire/" in urls
    for url in urls + OTHER_PAGES:
        description, lang = _description_and_lang(client, url)
        assert description.strip(), url
        assert language_of(description) == lang, f"{url} ({lang}): {description!r}"


def test_a_wagtail_page_says_its_own_introduction_or_search_description(client, site):
    assert _description_and_lang(client, "/en/offres/")[0] == "Businesses and jobs in the area."
    home = HomePage.objects.get(locale__language_code="fr-fr")
    home.search_description = "Passerelles, le portail des nouveaux habitants."
    home.save_revision().publish()
    assert _description_and_lang(client, "/")[0] == home.search_description
