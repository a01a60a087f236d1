"""Members share and the network grows, in the browser on the seeded demo (issue #12, 8–9).

- A newcomer (a signed-up person outside the network) finds « Rejoindre une structure » in
  the header, searches the épicerie, corrects a forgotten message, and sends the request;
- the épicerie's manager (`responsable@`) opens the requests from the dashboard, accepts the
  newcomer and refuses the demo's other request with a reason; both hear it by e-mail;
- the newcomer, now a member, shares a document from the documents list;
- the editor (`editeur@`) publishes it from « Documents proposés »; a member reads it.

axe: 0 violations on every page visited.
"""

import re

import pytest
from django.core import mail

from extranet import demo
from extranet.models import Membership
from tests.crawl import build_demo
from tests.e2e.journey import Visit, no_error
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.e2e

GROCERY = "Épicerie solidaire L'Épi partagé"
NEWCOMER = "nouvelle"
TITLE = "Planning des collectes de l'hiver"
PDF = b"%PDF-1.4\n% planning des collectes\n"


def newcomer_account():
    user = UserFactory(
        email=f"{NEWCOMER}@{demo.DEMO_EMAIL_DOMAIN}",
        first_name="Léa",
        last_name="Fontaine",
        kind="person",
        password=demo.DEMO_PASSWORD,  # signs in like the printed accounts
    )
    return user  # the factory verifies the address, as allauth asks before sign-in


def newcomer_asks_to_join(visit):
    page = visit.link("Rejoindre une structure", within="nav.account-nav")
    page.get_by_label("Nom ou commune de votre structure").fill("Épi partagé")
    visit.button("Rechercher", within="main")
    page.get_by_label(re.compile(re.escape(GROCERY))).check()
    visit.button("Envoyer ma demande", within="main")  # the message was forgotten
    assert "Présentez-vous en quelques mots." in page.locator(".field--error").inner_text()
    page.get_by_label(re.compile(re.escape(GROCERY))).check()
    page.get_by_label("Message au responsable de la structure").fill(
        "Bénévole depuis octobre, je tiens l'accueil du mardi."
    )
    visit.button("Envoyer ma demande", within="main")
    no_error(page)
    assert "En attente" in visit.text()


def manager_decides(visit):
    page = visit.link("demandes d'adhésion attendent votre réponse")
    visit.link("Léa Fontaine")
    visit.button("Accepter la demande", within="main")
    no_error(page)
    visit.link("Camille Roux")
    page.get_by_label("Motif du refus (envoyé à la personne)").fill(
        "Merci de passer d'abord nous voir à l'épicerie."
    )
    visit.button("Refuser la demande", within="main")
    no_error(page)
    assert "Aucune demande n'attend votre réponse." in visit.text()


def member_shares_a_document(visit):
    visit.link("Extranet", within="nav.account-nav")
    page = visit.menu("Documents")
    visit.link("Partager un document")
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Fichier").set_input_files(
        files=[{"name": "planning.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    visit.button("Proposer le document", within="main")
    no_error(page)
    assert TITLE not in visit.text()  # waits for the editors


def editor_publishes(visit):
    page = visit.menu("Documents proposés")
    visit.link(TITLE)
    visit.button("Publier le document", within="main")
    no_error(page)


def test_a_newcomer_joins_and_shares_a_document_the_editor_publishes(page, live_server):
    build_demo()
    newcomer = newcomer_account()
    visit = Visit(page)

    visit.sign_in(NEWCOMER)
    newcomer_asks_to_join(visit)
    visit.sign_out()

    mail.outbox.clear()
    visit.sign_in("responsable")
    manager_decides(visit)
    assert Membership.objects.filter(user=newcomer, is_active=True).exists()
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "acceptée" in bodies[newcomer.email]
    assert "passer d'abord" in bodies[f"camille.roux@{demo.DEMO_EMAIL_DOMAIN}"]
    visit.sign_out()

    visit.sign_in(NEWCOMER)
    member_shares_a_document(visit)
    visit.sign_out()

    mail.outbox.clear()
    visit.sign_in("editeur")
    editor_publishes(visit)
    assert [m.to for m in mail.outbox] == [[newcomer.email]]
    visit.sign_out()

    visit.sign_in("membre")
    visit.menu("Documents")
    assert TITLE in visit.text()
