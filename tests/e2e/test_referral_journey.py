"""Referral journey (issue 6, "Done means"): a member of A finds a service in the répertoire
and sends a referral with consent and an attachment; a member of B acknowledges it,
comments, marks it done; A is told; a member of C gets 404 on the referral and on its
attachment; a pathway PDF is produced and reads right. axe: 0 violations on each page."""

import io
import re

import pytest
from pypdf import PdfReader

from extranet.models import Referral
from portal.models import OutboundEmail
from tests.e2e.axe import assert_accessible
from tests.extranet.factories import MembershipFactory
from tests.portal.factories import DEMO_PASSWORD
from tests.repertoire.factories import ServiceFactory, StructureFactory, repertoire_page

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def territory(db):
    repertoire_page()
    a, b, c = (StructureFactory(complete=True) for _ in range(3))
    b.name = "Maison des solidarités du plateau"
    b.save()
    service = ServiceFactory(structure=b, name="Accompagnement au logement")
    members = [MembershipFactory(structure=s).user for s in (a, b, c)]
    return {"a": a, "b": b, "c": c, "service": service, "members": members}


def sign_in(page, user):
    page.goto("/comptes/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(re.compile(r"^(?!.*/comptes/login/).*$"))


def sign_out(page):
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()


def send_referral(page, territory, tmp_path):
    page.goto(f"/repertoire/structures/{territory['b'].slug}/")
    assert_accessible(page)
    page.get_by_role("link", name="Orienter vers « Accompagnement au logement »").click()
    assert page.locator("h1").inner_text() == "Orienter une personne"
    assert_accessible(page)
    page.fill("[name=person_first_name]", "Maëlle")
    page.fill("[name=person_last_name]", "Fictive")
    page.fill("[name=person_phone]", "06 00 00 00 00")
    page.fill("[name=subject]", "Aide pour un dossier de logement social")
    page.get_by_text("Logement et hébergement").click()
    page.get_by_label("Louer un logement").check()
    page.get_by_label("Accord oral, en entretien ou au téléphone").check()
    page.get_by_label("La personne est d'accord pour que ces informations soient").check()
    attachment = tmp_path / "courrier-bailleur.pdf"
    attachment.write_bytes(PDF)
    page.set_input_files("[name=attachments]", str(attachment))
    page.get_by_role("button", name="Envoyer la fiche").click()
    page.wait_for_load_state()
    errors = page.locator(".error-summary, .message--error")
    assert not errors.count(), errors.all_inner_texts()
    page.wait_for_url(re.compile(r"/orientations/OR-"))
    assert "Fiche de liaison OR-" in page.locator("h1").inner_text()
    assert_accessible(page)
    return Referral.objects.get()


def answer_referral(page, referral):
    page.goto(f"/extranet/orientations/{referral.reference}/")
    assert_accessible(page)
    page.get_by_label("Reçue").check()
    page.get_by_role("button", name="Enregistrer l'état").click()
    page.get_by_label("Votre message").fill("Reçu, nous l'appelons demain matin.")
    page.get_by_role("button", name="Envoyer le message").click()
    assert page.get_by_text("Reçu, nous l'appelons demain matin.").is_visible()
    page.get_by_label("Terminée").check()
    page.get_by_role("button", name="Enregistrer l'état").click()
    assert page.locator("h1 .status").inner_text() == "Terminée"
    assert_accessible(page)


def write_pathway(page, referral):
    page.goto(f"/extranet/fiches-parcours/nouvelle/?referral={referral.reference}")
    assert_accessible(page)
    page.fill("[name=situation]", "Vous cherchez un logement à louer.")
    page.fill("[name=contacts-0-what_for]", "Vous aide à remplir la demande de logement social.")
    page.fill("[name=steps-0-text]", "Appeler pour prendre rendez-vous.")
    page.get_by_role("button", name="Enregistrer la fiche parcours").click()
    assert page.locator("h1").inner_text().startswith("Fiche parcours de Maëlle")
    assert_accessible(page)
    page.get_by_label("Version habituelle").check()
    choice = page.locator("form.pdf-choice")  # GET: version chosen, then "Télécharger…"
    assert choice.get_by_role("button", name="Télécharger le PDF à imprimer").is_visible()
    pdf = page.request.get(choice.get_attribute("action") + "?version=")
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    assert "Qui peut vous aider" in text and "Maison des solidarités du plateau" in text
    assert "Du lundi au vendredi" in text


def test_referral_journey(page, live_server, territory, tmp_path):
    member_a, member_b, member_c = territory["members"]
    sign_in(page, member_a)
    referral = send_referral(page, territory, tmp_path)
    key = referral.attachments.get().key
    attachment_url = f"/extranet/orientations/{referral.reference}/documents/{key}/"
    sign_out(page)

    sign_in(page, member_b)
    download = page.request.get(attachment_url)
    assert download.ok and download.headers["content-disposition"].startswith("attachment")
    answer_referral(page, referral)
    write_pathway(page, referral)
    sign_out(page)

    told = OutboundEmail.objects.filter(to=member_a.email, kind="referral_status")
    assert told.count() == 2 and "Fictive" not in told.first().body_text

    sign_in(page, member_c)
    response = page.goto(f"/extranet/orientations/{referral.reference}/")
    assert response.status == 404
    assert page.request.get(attachment_url).status == 404
