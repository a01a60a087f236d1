"""The network's roles do their job on the seeded demo, in the browser (issue #12).

The printed accounts sign in from the login page and then only click what they see:

- moderation of a fiche: the partner (`responsable@`) edits its fiche, the editor
  (`editeur@`) approves it from the Wagtail dashboard, a visitor reads the change on the
  public fiche and the partner gets a French e-mail;
- the editor posts members' news; the network member (`membre@`) reads it and the
  network's documents;
- the relay's manager (`relais@`) accepts one booking request and refuses another;
- the regional admin adds a membership (a person joins a structure) in the back-office.

axe: 0 violations on every page visited. One test: the demo is seeded once.
(A page change submitted by the editor and approved by the admin is driven through Wagtail's
views in tests/extranet/test_moderation_demo.py; in the browser, the page explorer step is
still to be written.)
"""

import re

import pytest
from django.core import mail

from extranet import demo
from extranet.models import Membership
from tests.crawl import build_demo
from tests.e2e.journey import Visit, no_error
from tests.e2e.test_role_journeys import partner_updates_its_fiche

pytestmark = pytest.mark.e2e

FICHE = "Épicerie solidaire L'Épi partagé"
FICHE_SUMMARY = "Épicerie solidaire ouverte aux habitants du canton"  # partner_updates_its_fiche
NEWS = "Forum de l'emploi saisonnier le 12 mars"
NEWS_BODY = "Les structures du réseau tiennent un stand commun : inscrivez-vous auprès du pôle."


def open_admin(visit):
    """The Wagtail dashboard: from the extranet's menu, or from the admin's logo."""
    if "/admin/" in visit.page.url:
        visit.page.locator("a.sidebar-wagtail-branding").click()
        return visit.checked()
    return visit.menu("Administration du site")


def admin_footer_action(visit, name):
    """A workflow action from the editor's footer ("Plus d'actions" opens the list)."""
    page = visit.page
    action = page.get_by_role("button", name=name, exact=True)
    if not action.is_visible():  # not the main action
        page.locator("footer").get_by_role("button", name="Plus d'actions").click()
    action.click()
    visit.checked()
    no_error(page)


def review_from_dashboard(visit, title, action="Approuver et Publier"):
    open_admin(visit)
    visit.link(title)
    admin_footer_action(visit, action)


def editor_posts_news(visit):
    open_admin(visit)
    visit.link("Actualités du réseau", within="nav, aside")
    page = visit.link("Ajouter", within="main")
    page.get_by_role("textbox", name="Titre").fill(NEWS)
    page.get_by_role("textbox", name="Texte").fill(NEWS_BODY)
    visit.button("Enregistrer", within="main")
    no_error(page)
    assert NEWS in visit.text()


def member_reads_news_and_documents(visit):
    visit.menu("Actualités du réseau")
    assert NEWS in visit.text() and NEWS_BODY in visit.text()
    page = visit.menu("Documents")
    with page.expect_download() as download:
        page.locator(".extranet-content table a").first.click()
    assert download.value.suggested_filename


def relay_manager_answers_bookings(visit):
    page = visit.menu("Espaces et réservations")
    requests = page.locator("main").get_by_role("button", name="Accepter")
    assert requests.count() >= 2
    with page.expect_navigation():
        requests.first.press("Enter")  # answered from the keyboard: focus, then Enter
    visit.checked()
    no_error(page)
    page.get_by_label("Motif du refus").first.fill("La salle est réservée au conseil ce jour-là.")
    page.locator("main").get_by_role("button", name="Refuser").first.click()
    visit.checked()
    no_error(page)
    visit.link("semaine et agenda")


def admin_adds_a_membership(visit, who, structure):
    open_admin(visit)
    page = visit.page
    page.get_by_role("button", name="Réseau").click()
    visit.link("Adhésions", within="nav, aside")
    page = visit.link("Ajouter", within="main")
    page.get_by_role("combobox", name=re.compile("^Utilisateur")).select_option(label=who)
    page.get_by_role("button", name=re.compile("^Choisir")).click()  # the structure chooser
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("textbox").first.fill(structure.split()[-1])
    dialog.get_by_role("link", name=structure).click()
    page.get_by_role("dialog").wait_for(state="hidden")
    page.get_by_role("textbox", name="Fonction").fill("Bénévole accueil")
    visit.button("Enregistrer", within="main")
    no_error(page)
    assert who in visit.text()


def visitor_reads(visit, menu, link, text, *, keyword=None):
    """From the home page's menu to `link`, through the list's keyword filter if given."""
    visit.page.goto("/")
    visit.checked()
    page = visit.link(menu, within="nav.main-nav")
    if keyword:
        page.get_by_label("Mot-clé").fill(keyword)
        visit.button("Filtrer", within="main")
    visit.link(link)
    assert text in visit.text()


def test_network_roles_finish_their_tasks_on_the_demo(page, live_server):
    build_demo()
    visit = Visit(page)

    visit.sign_in("responsable")
    partner_updates_its_fiche(visit)
    visit.sign_out()

    mail.outbox.clear()
    visit.sign_in("editeur")
    review_from_dashboard(visit, FICHE)
    (to_partner,) = [m for m in mail.outbox if m.to == [f"responsable@{demo.DEMO_EMAIL_DOMAIN}"]]
    assert "Bonjour" in to_partner.body and "/admin/" not in to_partner.body
    editor_posts_news(visit)
    visit.page.goto("/")
    visit.sign_out()

    visitor_reads(
        visit, "Répertoire des compétences sociales", FICHE, FICHE_SUMMARY, keyword="Épi partagé"
    )

    visit.sign_in("membre")
    member_reads_news_and_documents(visit)
    visit.sign_out()

    visit.sign_in("relais")
    relay_manager_answers_bookings(visit)
    visit.sign_out()

    visit.sign_in("admin")
    admin_adds_a_membership(visit, "Paul Renaud", "Centre social Le Fil des Monts")
    assert Membership.objects.filter(user__email__startswith="editeur@").exists()
    visit.page.goto("/")
    visit.sign_out()
