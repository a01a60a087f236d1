"""Each role does its job on the seeded demo, in the browser (issue #12, "Done means").

The real demo (`seed_demo`) is built once; the printed accounts sign in from the login page
and then only click links and buttons (and fill in forms): the partner updates its fiche and
proposes an offer, the pole officer finds a candidate from the menu, logs a contact and
exports the list, the regional admin approves the partner's offer from the dashboard, a
visitor finds it on the public portal and the partner is told by e-mail. axe: 0 violations
on every page visited. One test: the demo is seeded once (the database is emptied after
each browser test).
"""

import re

import pytest
from django.core import mail

from repertoire.demo.structures import GROCERY
from repertoire.models import Structure
from tests.crawl import build_demo
from tests.e2e.journey import Visit, no_error

pytestmark = pytest.mark.e2e

OFFER = "Permanence d'accueil des nouveaux habitants"


def partner_updates_its_fiche(visit):
    page = visit.menu("Notre fiche au répertoire")
    page.locator("[name=summary]").fill(
        "Épicerie solidaire ouverte aux habitants du canton, sur orientation d'un partenaire."
    )
    visit.button("Envoyer pour relecture")
    no_error(page)
    assert "envoyées à l'équipe du répertoire" in page.locator("body").inner_text()


def partner_proposes_an_offer(visit, commune):
    visit.menu("Proposer une offre")
    page = visit.link("Proposer une offre", within=".extranet-content")
    page.locator("[name=offer_type]").select_option("service")
    page.locator("[name=title]").fill(OFFER)
    page.locator("[name=summary]").fill("Chaque mardi, un accueil pour les nouveaux arrivants.")
    page.locator("[name=commune]").fill(f"{commune.name} ({commune.department_id})")
    page.locator("[name=valid_until]").fill("2027-06-30")
    page.locator("[name=audience]").fill("Nouveaux habitants")
    visit.button("Envoyer pour relecture")
    no_error(page)
    page.wait_for_url(re.compile(r"/extranet/offres/$"))
    assert "En attente de modération" in page.locator("main").inner_text()


def officer_follows_a_candidate_and_exports(visit):
    page = visit.menu("Candidats")
    page.locator("main table tbody a").first.click()
    visit.checked()
    page.get_by_label("Notes").fill("Appel : le projet de reprise se confirme, visite en mai.")
    visit.button("Ajouter le contact")
    no_error(page)
    assert "le projet de reprise se confirme" in page.locator("main").inner_text()
    visit.menu("Candidats")
    with page.expect_download() as download:
        page.locator("main").get_by_role("link", name="CSV", exact=True).click()
    with open(download.value.path(), encoding="utf-8-sig") as exported:
        header, *rows = exported.read().splitlines()
    assert header.startswith("Référence;") and rows
    assert "True" not in "".join(rows) and "False" not in "".join(rows)


def admin_approves_the_offer(visit):
    page = visit.link(f"Relire « {OFFER} »")
    assert "/admin/pages/" in page.url
    page.locator("footer").get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Approuver et Publier", exact=True).click()
    visit.checked()
    no_error(page)


def visitor_finds_the_offer(visit):
    visit.page.goto("/")
    visit.checked()
    visit.link("Les offres du territoire", within="nav.main-nav")
    page = visit.link(OFFER)
    assert page.locator("h1").inner_text() == OFFER


def test_each_role_finishes_its_tasks_on_the_demo(page, live_server):
    build_demo()
    commune = Structure.objects.get(slug=GROCERY).commune
    visit = Visit(page)

    visit.sign_in("responsable")
    partner_updates_its_fiche(visit)
    partner_proposes_an_offer(visit, commune)
    visit.sign_out()

    visit.sign_in("pole")
    officer_follows_a_candidate_and_exports(visit)
    visit.sign_out()

    mail.outbox.clear()
    visit.sign_in("admin")
    admin_approves_the_offer(visit)
    (to_partner,) = [m for m in mail.outbox if "responsable@" in m.to[0]]
    assert "Bonjour" in to_partner.body and "/admin/" not in to_partner.body
    page.goto("/")
    visit.sign_out()

    visitor_finds_the_offer(visit)
