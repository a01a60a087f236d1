import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains
from wagtail.models import Page, Site

from portal.models import HomePage, SiteSettings, StandardPage


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def standard_page(home):
    page = StandardPage(
        title="Vivre en Creuse",
        slug="vivre-en-creuse",
        introduction="Tout pour s'installer.",
        show_in_menus=True,
        body=[
            ("heading", {"text": "Se loger", "level": "h2"}),
            ("paragraph", "<p>Des logements communaux sont disponibles.</p>"),
            ("quote", {"text": "On a été bien accueillis.", "source": "Une famille"}),
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_home_page_has_french_landmarks_and_skip_link(client, home):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert 'href="#contenu"' in html and 'id="contenu"' in html
    for landmark in ('role="banner"', "<main", 'role="contentinfo"', "<nav"):
        assert landmark in html


def test_standard_page_renders_its_stream_and_appears_in_the_menu(client, standard_page):
    response = client.get(standard_page.url)
    assertContains(response, "<h2>Se loger</h2>", html=True)
    assertContains(response, "Des logements communaux sont disponibles.")
    assertContains(response, "On a été bien accueillis.")
    home = client.get("/")
    assertContains(home, f'href="{standard_page.url}"')


def test_footer_links_the_legal_pages_from_site_settings(client, standard_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.legal_notice_page = standard_page
    settings.contact_email = "contact@passerelles.localhost"
    settings.save()
    response = client.get("/")
    assertContains(response, "contact@passerelles.localhost")
    assertContains(response, f'<a href="{standard_page.url}">Vivre en Creuse</a>', html=True)


def test_sitemap_lists_live_pages(client, standard_page):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assertContains(response, "vivre-en-creuse")


def test_robots_points_to_sitemap_and_hides_private_areas(client, db, settings):
    settings.SITE_URL = "https://passerelles.example"
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /extranet/" in body
    assert "Disallow: /admin/" in body
    assert "Sitemap: https://passerelles.example/sitemap.xml" in body


def test_unknown_page_gets_the_french_404(client, db):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assertContains(response, "Page introuvable", status_code=404)


@override_settings(DEBUG=False)
def test_server_error_page_is_french_and_standalone(db):
    from django.contrib.auth.decorators import login_not_required
    from django.urls import path

    from portal import urls as portal_urls

    @login_not_required  # a public page that crashes
    def boom(request):
        raise RuntimeError("boom")

    portal_urls.urlpatterns.insert(0, path("boom/", boom))
    try:
        client = Client(raise_request_exception=False)
        response = client.get("/boom/")
    finally:
        portal_urls.urlpatterns.pop(0)
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()


def test_unpublished_page_is_not_served(client, standard_page):
    standard_page.unpublish()
    assert client.get(standard_page.url or "/vivre-en-creuse/").status_code == 404
    assert Page.objects.filter(slug="vivre-en-creuse", live=False).exists()


def _menu_page(home, title, slug):
    page = StandardPage(title=title, slug=slug, introduction="", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_menu_follows_publish_rename_unpublish_and_delete(client, home):
    page = _menu_page(home, "Se loger", "se-loger")
    assertContains(client.get("/"), ">Se loger</a>")
    page.title = "Trouver un logement"
    page.save_revision().publish()
    assertContains(client.get("/"), ">Trouver un logement</a>")
    page.unpublish()
    assert "Trouver un logement" not in client.get("/").content.decode()
    other = _menu_page(home, "Travailler", "travailler")
    assertContains(client.get("/"), ">Travailler</a>")
    other.delete()
    assert ">Travailler</a>" not in client.get("/").content.decode()


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_home_and_menu_cost_the_same_queries_with_one_or_twelve_pages(client, home):
    _menu_page(home, "Page 0", "page-0")
    client.get("/")  # the menu is cached on the first visit
    # the first visit made the site settings (a new generation): the route is cached again
    client.get("/")
    with_one = _queries(client, "/")
    for number in range(1, 12):
        _menu_page(home, f"Page {number}", f"page-{number}")
    client.get("/")
    assert _queries(client, "/") == with_one <= 12
    assertContains(client.get("/"), ">Page 11</a>")


def test_site_settings_are_cached_and_forgotten_when_they_change(client, home):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not [q for q in queries.captured_queries if "portal_sitesettings" in q["sql"]]
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "accueil@passerelles.localhost"
    settings.save()
    assertContains(client.get("/"), "accueil@passerelles.localhost")


def test_the_footer_leads_to_a_human_site_plan_of_every_section(client, standard_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.legal_notice_page = standard_page
    settings.save()
    footer = client.get("/").content.decode().split('role="contentinfo"')[1]
    assert '<a href="/plan-du-site/">Plan du site</a>' in footer
    plan = client.get("/plan-du-site/")
    assertContains(plan, "<h1>Plan du site</h1>", html=True)
    assertContains(
        plan, f'<a href="{standard_page.url}">Vivre en Creuse</a>', count=4, html=True
    )  # menu, plan ×2, footer
    assertContains(plan, "<p>Tout pour s&#x27;installer.</p>", html=True)  # its introduction
    assertContains(plan, 'href="/evenements/"')  # an app's own section
    assertContains(plan, 'href="/sitemap.xml" type="application/xml"')
    english = client.get("/en/plan-du-site/").content.decode()
    assert '<html lang="en"' in english and "<h1>Site map</h1>" in english
    assert _queries(client, "/plan-du-site/") <= 6
