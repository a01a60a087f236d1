"""Fiches parcours: writing one, who reads it, the plain-language PDF, the e-mail."""

import io
import os
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader
from pytest_django.asserts import assertContains

from extranet.enums import AuditAction
from extranet.models import AuditEvent, Pathway
from extranet.pathways import services
from extranet.pathways.paper import mini_map
from tests.repertoire.factories import StructureFactory


@pytest.fixture
def pathway(network):
    pathway = Pathway(
        structure=network.a,
        person_first_name="Maëlle",
        person_last_name="Fictive",
        person_email="maelle@exemple.fr",
        thematiques=[
            "logement-hebergement--louer-un-logement",
            "mobilite--preparer-un-permis",
            "sante--acces-aux-soins",
        ],
        situation="Vous cherchez un logement à louer près de votre travail.\n"
        "Vous voulez passer le permis.",
    )
    network.b.latitude, network.b.longitude = 45.95, 1.76
    network.b.save()
    garage = StructureFactory(
        complete=True, name="Garage solidaire du plateau", latitude=45.85, longitude=1.95
    )
    return services.save_pathway(
        actor=network.member_a,
        pathway=pathway,
        contacts=[
            (network.b, network.service_b, "Vous aide à remplir la demande de logement social."),
            (garage, None, "Vous prête une voiture pour aller au travail."),
        ],
        steps=[
            ("Appeler l'association pour un rendez-vous.", date(2026, 12, 2)),
            ("Apporter vos fiches de paie.", None),
        ],
        email_consent=True,
    )


def post_data(network, **overrides):
    data = {
        "person_first_name": "Maëlle",
        "person_last_name": "Fictive",
        "person_email": "",
        "language": "fr",
        "structure": network.a.pk,
        "situation": "Vous cherchez un logement.",
        "thematiques": ["logement-hebergement--louer-un-logement"],
        "contacts-TOTAL_FORMS": "3",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "8",
        "contacts-0-structure": network.b.pk,
        "contacts-0-what_for": "Vous aide pour le dossier.",
        "steps-TOTAL_FORMS": "3",
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "10",
        "steps-0-text": "Appeler lundi.",
    }
    data.update(overrides)
    return data


def test_write_a_pathway_from_a_referral(client, referral, network):
    client.force_login(network.member_a)
    response = client.get(reverse("extranet:pathway_create") + f"?referral={referral.reference}")
    assert response.context["form"].initial["person_last_name"] == referral.person_last_name
    assert response.context["contact_set"].forms[0].initial["structure"] == network.b.pk
    response = client.post(
        reverse("extranet:pathway_create") + f"?referral={referral.reference}", post_data(network)
    )
    pathway = Pathway.objects.get()
    assert response.url == reverse("extranet:pathway_detail", args=[pathway.reference])
    assert pathway.referral == referral
    assert [c.structure for c in pathway.contacts.all()] == [network.b]
    assert pathway.steps.get().text == "Appeler lundi."
    assert AuditEvent.objects.for_object(pathway).filter(action=AuditAction.CREATE).exists()


def test_bad_input_is_explained_and_kept(client, network):
    client.force_login(network.member_a)
    data = post_data(network, situation="", **{"contacts-0-what_for": "", "email_consent": "on"})
    response = client.post(reverse("extranet:pathway_create"), data)
    assertContains(response, "Écrivez ses besoins en quelques phrases courtes.")
    assertContains(response, "Dites en une phrase ce qu&#x27;elle fera pour la personne.")
    assertContains(response, "Indiquez l&#x27;e-mail de la personne pour le lui envoyer.")
    assertContains(response, 'value="Appeler lundi."')
    assert not Pathway.objects.exists()


@pytest.mark.parametrize("name", ["pathway_detail", "pathway_pdf", "pathway_edit"])
def test_other_structure_gets_404_and_anonymous_login(client, pathway, network, name):
    url = reverse(f"extranet:{name}", args=[pathway.reference])
    assert client.get(url).url.startswith(reverse("account_login"))
    client.force_login(network.member_c)
    assert client.get(url).status_code == 404


def test_detail_is_audited(client, pathway, network):
    client.force_login(network.member_a)
    response = client.get(reverse("extranet:pathway_detail", args=[pathway.reference]))
    assertContains(response, "Garage solidaire du plateau")
    assertContains(response, "Du lundi au vendredi")  # opening hours in plain French
    assert AuditEvent.objects.for_object(pathway).filter(action=AuditAction.READ).exists()


def test_pdf_is_plain_language_with_contacts_and_hours(client, pathway, network):
    client.force_login(network.member_a)
    response = client.get(reverse("extranet:pathway_pdf", args=[pathway.reference]))
    assert response["Content-Type"] == "application/pdf"
    content = response.content
    if os.environ.get("PATHWAY_PDF_OUT"):  # to look at it: pdftoppm -png -r 50
        with open(os.environ["PATHWAY_PDF_OUT"], "wb") as out:
            out.write(content)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    for expected in (
        "Fiche parcours de Maëlle",
        "Qui peut vous aider",
        "Garage solidaire du plateau",
        "Vous prête une voiture",
        "05 55 00 00 00",
        "lundi au vendredi",
        "Apporter vos fiches",
    ):
        assert expected in text, expected


def test_mini_map_places_each_contact():
    rows = [
        {"number": 1, "point": (45.95, 1.76), "structure": None},
        {"number": 2, "point": (45.85, 1.95), "structure": None},
        {"number": 3, "point": None, "structure": None},
    ]
    drawing = str(mini_map(rows))
    assert drawing.count("<circle") == 2 and " km</text>" in drawing


def test_email_needs_consent_and_is_sent(
    client, pathway, network, django_capture_on_commit_callbacks
):
    client.force_login(network.member_a)
    url = reverse("extranet:pathway_email", args=[pathway.reference])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert mail.outbox[0].to == ["maelle@exemple.fr"]
    assert "Garage solidaire du plateau" in mail.outbox[0].body
    Pathway.objects.filter(pk=pathway.pk).update(email_consent_at=None)
    response = client.post(url, follow=True)
    assertContains(response, "n&#x27;a pas donné son accord")
    assert len(mail.outbox) == 1


def _pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _save_pdf(content, name):
    if os.environ.get("PATHWAY_PDF_DIR"):  # to look at it: pdftoppm -png -r 50
        with open(os.path.join(os.environ["PATHWAY_PDF_DIR"], name), "wb") as out:
            out.write(content)


def test_pdf_in_english_translates_fixed_text_dates_and_hours(client, pathway, network):
    Pathway.objects.filter(pk=pathway.pk).update(language="en")
    client.force_login(network.member_a)
    response = client.get(reverse("extranet:pathway_pdf", args=[pathway.reference]))
    _save_pdf(response.content, "pathway-en.pdf")
    text = _pdf_text(response.content)
    for expected in (
        "Pathway sheet for Maëlle",
        "Who can help you",
        "Wednesday 2 December",
        "Monday to Friday",
        "8:30 – 12:15",
        "Housing and accommodation",
        # the worker's notes, as written
        "Vous prête une voiture",
        "Apporter vos fiches",
    ):
        assert expected in text, expected
    for french in ("Qui peut vous aider", "mercredi", "Du lundi", "8 h 30"):
        assert french not in text, french


def test_pdf_html_says_its_language_and_marks_french_text(pathway):
    from django.template.loader import render_to_string
    from django.utils import translation

    from extranet.pathways.paper import pathway_context

    pathway.language = "en"
    with translation.override("en"):
        html = render_to_string(
            "extranet/pathways/pathway_pdf.html", pathway_context(pathway) | {"lang": "en"}
        )
    assert '<html lang="en">' in html
    assert '<li lang="fr">' in html  # data·inclusion thématiques exist in French only
    with translation.override("fr"):
        html = render_to_string("extranet/pathways/pathway_pdf.html", pathway_context(pathway))
    assert 'lang="fr">' not in html.split("<html", 1)[1].split(">", 1)[1]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_easy_to_read_pdf_has_one_idea_per_line(client, pathway, network, language):
    Pathway.objects.filter(pk=pathway.pk).update(language=language)
    client.force_login(network.member_a)
    url = reverse("extranet:pathway_pdf", args=[pathway.reference])
    response = client.get(url, {"version": "facile"})
    assert response["Content-Disposition"].endswith(f'{pathway.reference}-facile.pdf"')
    _save_pdf(response.content, f"pathway-easy-{language}.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
    assert max(len(line) for line in lines) <= 60
    expected = {
        "fr": ["La fiche de Maëlle", "Vous cherchez un logement", "Cochez la case"],
        "en": ["Maëlle's sheet", "Vous cherchez un logement", "Tick the box"],
    }[language]
    text = "\n".join(lines)
    for words in expected:
        assert words in text, words
    event = AuditEvent.objects.filter(action=AuditAction.EXPORT).latest("pk")
    assert event.reason == "PDF facile à lire"


def test_language_is_chosen_on_the_form(client, network):
    client.force_login(network.member_a)
    response = client.post(reverse("extranet:pathway_create"), post_data(network, language="en"))
    assert response.status_code == 302
    assert Pathway.objects.get().language == "en"


def test_email_goes_in_the_pathway_language(
    client, pathway, network, django_capture_on_commit_callbacks
):
    Pathway.objects.filter(pk=pathway.pk).update(language="en")
    client.force_login(network.member_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("extranet:pathway_email", args=[pathway.reference]))
    assert "Your pathway sheet" in mail.outbox[0].subject
    assert "Monday to Friday" in mail.outbox[0].body
