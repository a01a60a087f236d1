"""An editor's change to an offer page goes through moderation, in the browser (issue #12).

The editor (`editeur@`) signs in from the login page, opens the Wagtail admin from the
extranet's menu, finds the offer through the page explorer (sidebar "Pages" → the offers
index → the offer), changes its summary and submits it for moderation; the regional admin
(`admin@`, in a browser of their own) approves it from their dashboard; an anonymous
visitor (a third browser) reads the change on the public offer page. axe: 0 violations on
every page visited.
"""

import re

import pytest

from tests.crawl import build_demo
from tests.e2e.journey import Visit, no_error

pytestmark = pytest.mark.e2e

OFFER = "Boulangerie-pâtisserie à reprendre"  # portal/demo/offers.py, first to expire
OFFERS = "Les offres du territoire"
SUMMARY = "Boulangerie du bourg à reprendre avec son fournil : le cédant accompagne six mois."


@pytest.fixture
def own_browser(browser, live_server):
    """Another person's browser: a context of its own (no cookie, no storage shared)."""
    contexts = []

    def open_page():
        context = browser.new_context(locale="fr-FR", base_url=live_server.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def editor_submits_an_offer_change(visit):
    page = visit.menu("Administration du site")
    page.get_by_role("button", name="Pages", exact=True).click()
    explorer = page.locator(".c-page-explorer")
    explorer.get_by_role("link", name="Voir les sous-pages de 'Accueil'", exact=True).click()
    explorer.get_by_role("link", name=re.compile(f"^{OFFERS}")).click()
    visit.checked()
    visit.link(OFFER)
    assert "/edit/" in page.url
    page.locator("[name=summary]").fill(SUMMARY)
    submit = page.get_by_role("button", name=re.compile("^Soumettre"))
    if not submit.first.is_visible():
        page.locator("footer").get_by_role("button", name="Plus d'actions").click()
    submit.first.click()
    visit.checked()
    no_error(page)


def admin_approves_the_change(visit):
    page = visit.link(f"Relire « {OFFER} »")
    assert "/admin/pages/" in page.url
    page.locator("footer").get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Approuver et Publier", exact=True).click()
    visit.checked()
    no_error(page)


def test_an_editor_offer_change_is_approved_then_published(page, own_browser):
    build_demo()
    editor = Visit(page)
    editor.sign_in("editeur")
    editor_submits_an_offer_change(editor)

    admin = Visit(own_browser())
    admin.sign_in("admin")
    admin_approves_the_change(admin)

    visitor = Visit(own_browser())
    visitor.page.goto("/")
    visitor.checked()
    visitor.link(OFFERS, within="nav.main-nav")
    visitor.page.get_by_label("Création / reprise d'entreprise").check()  # filter the list
    visitor.page.get_by_label("Trier par").select_option(label="Fin de validité proche")
    visitor.button("Filtrer")
    visitor.link(OFFER)
    assert SUMMARY in visitor.text()
