"""The address decides the language: French everywhere, English under /en/ for the public
portal; `lang` always tells the language of the text actually shown."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale

from portal.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.get()


@pytest.fixture
def french_page(home):
    page = StandardPage(
        title="Vivre en Creuse",
        slug="vivre-en-creuse",
        introduction="Tout pour s'installer.",
        show_in_menus=True,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def english_home(home):
    english = home.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Settling in the Limousin"
    english.introduction = "Everything you need to settle here."
    english.save_revision().publish()
    return english


def _html_lang(response):
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def test_a_browser_asking_for_english_keeps_french_addresses_in_french(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert _html_lang(response) == "fr"
    assert "Aller au contenu" in response.content.decode()
    login = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en")
    assert _html_lang(login) == "fr"
    assert "Se connecter" in login.content.decode()


def test_english_address_shows_the_english_interface_and_translation(client, english_home):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert _html_lang(response) == "en"
    assert response["Content-Language"] == "en"
    assert "Skip to main content" in html
    assert "Settling in the Limousin" in html
    assert '<h1 lang="fr">' not in html


def test_switcher_and_alternates_link_the_same_page_in_the_other_language(client, english_home):
    french = client.get("/").content.decode()
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in french
    english = client.get("/en/").content.decode()
    assert '<a href="/" hreflang="fr" lang="fr">Français</a>' in english


def test_alternates_use_the_public_base_url_not_the_request_host(client, english_home, settings):
    settings.SITE_URL = "https://portail.example.fr"
    settings.ALLOWED_HOSTS = ["backend.internal"]
    french = client.get("/", HTTP_HOST="backend.internal:8123").content.decode()
    alternates = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', french)
    assert alternates == [
        ("fr", "https://portail.example.fr/"),
        ("en", "https://portail.example.fr/en/"),
    ]
    assert "backend.internal" not in french


def test_page_not_translated_yet_stays_french_and_is_marked_so(client, french_page, english_home):
    english = client.get("/en/").content.decode()
    # The English menu keeps the French page, pointing to its French address, marked French.
    assert '<a href="/vivre-en-creuse/"  lang="fr">Vivre en Creuse</a>' in english
    # Its switcher offers the English home page, the page having no English version.
    french = client.get("/vivre-en-creuse/").content.decode()
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in french
    assert client.get("/en/vivre-en-creuse/").status_code == 404


def test_english_offer_list_marks_french_offer_cards(client, english_home):
    from tests.portal.factories import offer, offer_index

    index = offer_index()
    french_offer = offer(parent=index, title="Reprise de boulangerie")
    english_index = index.copy_for_translation(Locale.objects.get(language_code="en"))
    english_index.save_revision().publish()
    english = client.get(english_index.url).content.decode()
    assert french_offer.title not in english  # the English list holds English offers only
    french = client.get(index.url).content.decode()
    assert "Reprise de boulangerie" in french


def test_extranet_has_no_english_address_and_no_switcher(client, member):
    client.force_login(member)
    response = client.get(reverse("extranet:dashboard"))
    assert _html_lang(response) == "fr"
    assert "language-switch" not in response.content.decode()
    assert client.get("/en" + reverse("extranet:dashboard")).status_code == 404


def test_switcher_follows_a_translation_as_soon_as_it_is_published(
    client, french_page, english_home
):
    before = client.get("/vivre-en-creuse/").content.decode()
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in before
    english = french_page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Living in Creuse"
    english.save_revision().publish()
    after = client.get("/vivre-en-creuse/").content.decode()
    assert '<a href="/en/vivre-en-creuse/" hreflang="en" lang="en">English</a>' in after
    page = client.get("/en/vivre-en-creuse/").content.decode()
    assert "Living in Creuse" in page and '<article class="prose">' in page


def test_sitemap_lists_both_languages_with_alternates(client, french_page, english_home):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/en/</loc>" in sitemap
    assert '<xhtml:link rel="alternate" hreflang="en" href="http://localhost/en/"/>' in sitemap
    # A page without translation has no alternate.
    french_only = sitemap.split("<loc>http://localhost/vivre-en-creuse/</loc>")[1].split("</url>")[
        0
    ]
    assert "xhtml:link" not in french_only


@pytest.fixture
def youth_card():
    from cartemploi.enums import SkillLevel
    from tests.cartemploi.factories import YouthProfileFactory

    profile = YouthProfileFactory(published=True, skills=[("Cuisine", SkillLevel.DIPLOMA)])
    return profile.public_card


def test_cartemploi_public_pages_exist_in_english(client, youth_card, settings):
    settings.SITE_URL = "https://portail.example.fr"
    english = client.get("/en/cartemploi/")
    html = english.content.decode()
    assert english.status_code == 200 and _html_lang(english) == "en"
    assert '<a href="/cartemploi/" hreflang="fr" lang="fr">Français</a>' in html
    assert 'rel="alternate" hreflang="fr" href="https://portail.example.fr/cartemploi/"' in html
    # The young person's own words stay French and say so; fixed labels are English.
    assert '<span lang="fr">Cuisine</span>' in html
    assert "(Validé par un diplôme)" not in html
    card = client.get(f"/en/cartemploi/fiche/{youth_card.pk}/").content.decode()
    assert '<p lang="fr">Motivée' in card
    assert f'href="/en/cartemploi/fiche/{youth_card.pk}/"' in html
    french = client.get("/cartemploi/").content.decode()
    assert '<span lang="fr">' not in french
    assert '<a href="/en/cartemploi/" hreflang="en" lang="en">English</a>' in french


def test_cartemploi_signed_in_pages_stay_french_without_english_address(client, advisor):
    client.force_login(advisor)
    queue = client.get(reverse("cartemploi:advisor_queue"))
    assert _html_lang(queue) == "fr" and "language-switch" not in queue.content.decode()
    assert client.get("/en" + reverse("cartemploi:advisor_queue")).status_code == 404
    assert client.get("/en/cartemploi/mon-espace/").status_code == 404
    # From an English public page, the menu of the signed-in pages is French, marked so.
    html = client.get("/en/cartemploi/").content.decode()
    assert '<li lang="fr"><a href="/cartemploi/conseil/"' in html


def test_workspace_pages_exist_in_english(client):
    from tests.repertoire.workspaces.factories import RoomFactory

    room = RoomFactory(workspace__summary="Un lieu calme près de la gare.")
    slug = room.workspace.slug
    page = client.get(f"/en/espaces-de-travail/{slug}/")
    html = page.content.decode()
    assert page.status_code == 200 and _html_lang(page) == "en"
    assert '<p class="lead" lang="fr">Un lieu calme' in html
    assert f'<a href="/espaces-de-travail/{slug}/" hreflang="fr" lang="fr">Français</a>' in html
    assert f'href="/en/espaces-de-travail/{slug}/demander/"' in html
    assert client.get(f"/en/espaces-de-travail/{slug}/demander/").status_code == 200
    assert _html_lang(client.get("/en/espaces-de-travail/")) == "en"
    # The blank agreement is a French document, at its French address only.
    assert f'href="/espaces-de-travail/{slug}/convention.pdf" hreflang="fr"' in html


def test_sitemap_lists_cartemploi_and_workspaces_in_both_languages(client, english_home):
    from tests.repertoire.workspaces.factories import RoomFactory

    slug = RoomFactory().workspace.slug
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("cartemploi/", f"espaces-de-travail/{slug}/"):
        assert f"<loc>http://localhost/{path}</loc>" in sitemap
        assert f"<loc>http://localhost/en/{path}</loc>" in sitemap
        assert f'hreflang="en" href="http://localhost/en/{path}"' in sitemap
        assert f'hreflang="fr" href="http://localhost/{path}"' in sitemap


def test_a_date_frozen_into_a_public_copy_reads_as_a_date_in_each_language():
    from django.template import Context, Template
    from django.utils import translation

    template = Template("{% load languages %}{{ day|shown_date }}")
    with translation.override("fr-fr"):
        assert template.render(Context({"day": "2027-03-02"})) == "2 mars 2027"
    with translation.override("en"):
        assert template.render(Context({"day": "2027-03-02"})) == "2 March 2027"
    assert template.render(Context({"day": "bientôt"})) == "bientôt"


def test_event_pages_exist_in_english_with_the_organiser_s_words_marked_french(
    client, english_home, settings
):
    from tests.repertoire.events.factories import EventFactory

    settings.SITE_URL = "https://portail.example.fr"
    event = EventFactory(title="Forum des métiers", description="Venez nombreux.")
    listing = client.get("/en/evenements/")
    html = listing.content.decode()
    assert listing.status_code == 200 and _html_lang(listing) == "en"
    assert "Network events" in html
    assert f'<a href="/en/evenements/{event.slug}/" lang="fr">Forum des métiers</a>' in html
    assert '<a href="/evenements/" hreflang="fr" lang="fr">Français</a>' in html
    detail = client.get(f"/en/evenements/{event.slug}/")
    html = detail.content.decode()
    assert _html_lang(detail) == "en" and '<h1 lang="fr">Forum des métiers</h1>' in html
    assert '<div class="event-description" lang="fr">' in html
    assert "Venez nombreux" not in html.split("<body")[0]  # no French meta description
    assert f'hreflang="fr" href="https://portail.example.fr/evenements/{event.slug}/"' in html
    assert ">Register</button>" in html
    french = client.get(f"/evenements/{event.slug}/").content.decode()
    assert 'lang="fr">Forum' not in french
    # The home page's next events, in English, link to the English pages.
    home = client.get("/en/").content.decode()
    assert "Upcoming events" in home and 'href="/en/evenements/"' in home
    assert f'<a href="/en/evenements/{event.slug}/" lang="fr">' in home


def test_sitemap_lists_events_in_both_languages(client, english_home):
    from tests.repertoire.events.factories import EventFactory

    slug = EventFactory().slug
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("evenements/", f"evenements/{slug}/"):
        assert f"<loc>http://localhost/en/{path}</loc>" in sitemap
        assert f'hreflang="fr" href="http://localhost/{path}"' in sitemap
        assert f'hreflang="en" href="http://localhost/en/{path}"' in sitemap
