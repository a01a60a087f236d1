"""Répertoire journeys: a visitor finds a structure by theme, commune and distance, reads its
fiche and downloads its PDF; a partner proposes a change that an editor approves in the
Wagtail admin. axe-core must report no violation on any page visited."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from repertoire.models import Structure
from tests.e2e.axe import assert_accessible
from tests.extranet.factories import MembershipFactory
from tests.portal.factories import CommuneFactory, UserFactory
from tests.repertoire.factories import (
    ServiceFactory,
    StructureFactory,
    repertoire_page,
    theme,
)

pytestmark = pytest.mark.e2e


def sign_in_as(page, live_server, user):
    """The session of a signed-in user, handed to the browser (the sign-in form itself is
    covered by the smoke journey)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.fixture
def territory(db):
    gueret = CommuneFactory(
        insee_code="23096",
        name="Guéret",
        postal_codes="23000",
        latitude=46.16268,
        longitude=1.87093,
    )
    saint_fiel = CommuneFactory(
        insee_code="23200",
        name="Saint-Fiel",
        postal_codes="23000",
        latitude=46.2009,
        longitude=1.8947,
    )
    aubusson = CommuneFactory(
        insee_code="23008",
        name="Aubusson",
        postal_codes="23200",
        latitude=45.95071,
        longitude=2.16648,
    )
    repertoire_page()
    health = theme("sante")
    near = StructureFactory(
        complete=True,
        name="Centre de santé de Saint-Fiel",
        slug="centre-sante-saint-fiel",
        commune=saint_fiel,
        themes=[health],
    )
    ServiceFactory(structure=near, name="Bilan de santé gratuit", service_type="accompagnement")
    StructureFactory(
        complete=True, name="Maison de santé d'Aubusson", commune=aubusson, themes=[health]
    )
    StructureFactory(name="Crèche de Guéret", commune=gueret, themes=[theme("garde-d-enfants")])
    return near


def test_visitor_filters_a_theme_by_place_opens_a_fiche_and_downloads_it(page, territory):
    page.goto("/repertoire/")
    assert_accessible(page)

    page.get_by_role("navigation", name="Thèmes du répertoire").get_by_role(
        "link", name="Santé", exact=True
    ).click()
    page.wait_for_url(re.compile(r"/repertoire/themes/sante/"))
    expect(page.get_by_role("link", name="Maison de santé d'Aubusson")).to_be_visible()
    expect(page.get_by_role("link", name="Crèche de Guéret")).to_have_count(0)
    assert_accessible(page)

    page.get_by_label("Commune").fill("Guéret")
    page.get_by_label("Distance").select_option(label="à 10 km")
    page.get_by_role("button", name=re.compile("Filtrer|Rechercher")).click()
    page.wait_for_url(re.compile(r"commune=Gu"))
    expect(page.get_by_role("link", name="Centre de santé de Saint-Fiel")).to_be_visible()
    expect(page.get_by_role("link", name="Maison de santé d'Aubusson")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Centre de santé de Saint-Fiel").click()
    page.wait_for_url(re.compile(r"/repertoire/structures/centre-sante-saint-fiel/$"))
    expect(page.locator("h1")).to_have_text("Centre de santé de Saint-Fiel")
    expect(page.get_by_text("Bilan de santé gratuit")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger la fiche (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "fiche-centre-sante-saint-fiel.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_partner_proposes_a_change_and_an_editor_approves_it_in_wagtail(
    page, live_server, territory
):
    membership = MembershipFactory(manager=True, structure=territory)
    sign_in_as(page, live_server, membership.user)
    page.goto(f"/extranet/structures/{territory.slug}/fiche/")
    assert_accessible(page)
    summary = page.get_by_label("Présentation courte", exact=True)
    summary.fill("Consultations sans rendez-vous le samedi matin.")
    page.get_by_role("button", name="Envoyer pour relecture").click()
    expect(page.get_by_text("Vos modifications sont envoyées")).to_be_visible()
    assert_accessible(page)
    structure = Structure.objects.get(pk=territory.pk)
    assert structure.workflow_in_progress and "samedi" not in structure.summary

    page.context.clear_cookies()
    editor = UserFactory(is_staff=True)
    editor.groups.add(*_editor_groups())
    sign_in_as(page, live_server, editor)
    page.goto(f"/admin/snippets/repertoire/structure/edit/{territory.pk}/")
    footer = page.get_by_role("navigation", name="Actions (pied de page)")
    footer.locator("[data-w-dropdown-target=toggle]").click()
    footer.get_by_role("button", name="Approuver et Publier", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/snippets/repertoire/structure/$"))  # back to the list
    structure = Structure.objects.get(pk=territory.pk)
    assert structure.summary == "Consultations sans rendez-vous le samedi matin."
    assert not structure.workflow_in_progress

    page.goto(f"/repertoire/structures/{territory.slug}/")
    expect(page.get_by_text("Consultations sans rendez-vous le samedi matin.")).to_be_visible()


def _editor_groups():
    from django.contrib.auth.models import Group

    return Group.objects.filter(name__in=["Editors", "Moderators"])
