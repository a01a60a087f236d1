"""Newcomer journeys (issue 5, "Done means"): a visitor filters the offers (list and its map
twin); a newcomer completes "Je souhaite m'installer" with the keyboard only and gets the
receipt; the pole officer of that commune finds the candidate on their dashboard, logs a
contact, shares it with a partner structure and proposes an offer; the partner sees it; the
officer of another territory gets 404. axe: 0 violations on each page visited."""

import datetime
import re

import pytest
from django.utils import timezone

from extranet.models import Candidate
from tests.e2e.axe import assert_accessible
from tests.extranet.factories import MembershipFactory, WelcomePoleFactory
from tests.portal import factories as offer_factories
from tests.portal.factories import DEMO_PASSWORD, CommuneFactory, EpciFactory, UserFactory
from tests.repertoire.factories import StructureFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def territory(db, settings):
    settings.MAP_TILE_URL = ""  # no network in tests: the map draws markers without tiles
    plateau, bocage = EpciFactory(name="CC du Plateau"), EpciFactory(name="CC du Bocage")
    aubusson = CommuneFactory(name="Aubusson", epci=plateau, latitude=45.95, longitude=2.17)
    gueret = CommuneFactory(name="Guéret", epci=bocage, latitude=46.17, longitude=1.87)
    officer_a, officer_b = UserFactory(), UserFactory()
    WelcomePoleFactory(name="Pôle du Plateau", officers=[officer_a]).epcis.add(plateau)
    WelcomePoleFactory(name="Pôle du Bocage", officers=[officer_b]).epcis.add(bocage)
    partner = StructureFactory(name="Chambre de commerce de la Creuse")
    index = offer_factories.offer_index()
    offers = {
        "housing": offer_factories.offer(
            parent=index, title="Maison de bourg à louer", offer_type="housing", commune=aubusson
        ),
        "job": offer_factories.offer(
            parent=index, title="Infirmier·e en EHPAD", offer_type="job", commune=gueret
        ),
        "business": offer_factories.offer(
            parent=index, title="Boulangerie à reprendre", offer_type="business", commune=aubusson
        ),
    }
    return {
        "index": index,
        "offers": offers,
        "officer_a": officer_a,
        "officer_b": officer_b,
        "partner": MembershipFactory(structure=partner).user,
        "partner_structure": partner,
    }


# --- Keyboard helpers: focus moves with Tab only, never with a click -----------------------
def tab_to(page, test, limit=80):
    """Press Tab until the focused element passes `test` (a JS expression on `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => !!el && ({test}))(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {test}")


def tab_to_field(page, name, value=None):
    test = f"el.name === {name!r}" + (f" && el.value === {value!r}" if value else "")
    tab_to(page, test)


def type_into(page, name, text):
    tab_to_field(page, name)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def submit_step(page, heading):
    tab_to(page, "el.tagName === 'BUTTON' && el.value === 'next'")
    press_enter_and_wait(page)
    assert page.locator(".error-summary").count() == 0, page.locator("main").inner_text()
    assert page.locator("h1").inner_text() == heading
    assert_accessible(page)


def fill_intake_by_keyboard(page):
    page.goto("/je-m-installe/")
    assert_accessible(page)
    tab_to(page, "el.textContent.trim() === 'Commencer'")
    press_enter_and_wait(page)
    page.wait_for_url(re.compile(r"/etape/vous/$"))
    assert_accessible(page)
    type_into(page, "first_name", "Camille")
    type_into(page, "last_name", "Nouvelarrivée")
    type_into(page, "origin_postcode", "69003")
    type_into(page, "children", "2")
    submit_step(page, "Votre projet")

    tab_to_field(page, "project_type")  # the radio group: arrows move, Space selects
    page.keyboard.press("ArrowDown")  # "Reprendre une entreprise"
    page.keyboard.press("Space")
    type_into(page, "sector", "Boulangerie")
    tab_to_field(page, "target_date")
    when = timezone.localdate() + datetime.timedelta(days=200)
    page.keyboard.type(when.strftime("%d%m%Y"))  # fr-FR date field: dd/mm/yyyy
    submit_step(page, "Où")

    type_into(page, "commune_1", "Aubusson")
    submit_step(page, "Vos besoins")

    tab_to_field(page, "needs", "needs_housing")
    page.keyboard.press("Space")
    submit_step(page, "Vous contacter")

    type_into(page, "email", "camille@exemple.fr")
    tab_to_field(page, "consent")
    page.keyboard.press("Space")
    submit_step(page, "Vérification et envoi")
    assert "Aubusson" in page.locator("main").inner_text()

    tab_to(page, "el.textContent.trim() === 'Envoyer ma demande'")
    press_enter_and_wait(page)
    page.wait_for_url(re.compile(r"/accuse-de-reception/$"))
    assert_accessible(page)
    return page.locator(".receipt-reference").inner_text().strip()


# --- The visitor: the offer list, its filters and its map twin ------------------------------
def test_visitor_filters_offers_on_list_and_map(page, live_server, territory):
    page.goto(territory["index"].url)
    assert page.locator(".offer-card").count() == 3
    page.wait_for_selector("#offer-map.offer-map--ready .leaflet-marker-icon")
    assert page.locator("#offer-map .leaflet-marker-icon").count() == 3
    assert_accessible(page)

    page.get_by_label("Logement", exact=True).check()
    page.get_by_label("Commune", exact=True).fill("Aubusson")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url(re.compile(r"type=housing"))
    cards = page.locator(".offer-card h3")
    assert cards.all_inner_texts() == ["Maison de bourg à louer"]
    page.wait_for_selector("#offer-map .leaflet-marker-icon")
    markers = page.locator("#offer-map .leaflet-marker-icon")
    assert markers.count() == 1
    assert markers.first.get_attribute("title") == "Maison de bourg à louer"
    assert_accessible(page)


# --- The network: pole officer, partner, another pole --------------------------------------
def sign_in(page, user):
    page.goto("/comptes/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(re.compile(r"/extranet/$"))


def sign_out(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Se déconnecter").click()


def follow_up(page, territory, reference):
    """The pole officer: dashboard → candidate → contact, share, offer."""
    panel = page.locator("section", has=page.get_by_role("heading", name="Nouveaux candidats"))
    panel.get_by_role("link", name="Camille Nouvelarrivée").click()
    page.wait_for_url(re.compile(rf"/candidats/{reference}/$"))
    assert_accessible(page)

    page.locator("[name=kind]").select_option(label="Téléphone")
    page.locator("[name=notes]").fill("Premier appel : projet de reprise, à rappeler.")
    with page.expect_navigation():
        page.get_by_role("button", name="Ajouter le contact").click()
    assert page.get_by_text("Premier appel : projet de reprise").is_visible()
    assert page.locator(".badge").first.inner_text() == "Contacté·e"
    assert_accessible(page)

    page.get_by_label("Structure partenaire").select_option(
        label="Chambre de commerce de la Creuse"
    )
    page.get_by_label("Motif du partage").fill("Reprise d'une boulangerie : diagnostic.")
    with page.expect_navigation():
        page.get_by_role("button", name="Partager").click()
    shares = page.locator("section", has=page.get_by_role("heading", name="Partages"))
    assert "Chambre de commerce de la Creuse" in shares.inner_text()

    page.locator("[name=offer]").select_option(label="Boulangerie à reprendre")
    with page.expect_navigation():
        page.get_by_role("button", name="Proposer cette offre").click()
    matches = page.locator("section", has=page.get_by_role("heading", name="Offres proposées"))
    assert matches.get_by_role("link", name="Boulangerie à reprendre").is_visible()
    assert_accessible(page)


def test_pole_officer_follows_up_partner_sees_other_pole_gets_404(page, live_server, territory):
    reference = fill_intake_by_keyboard(page)
    assert re.fullmatch(r"ACC-\d{4}-\d{5}", reference)
    assert "Pôle du Plateau" in page.locator("main").inner_text()
    candidate = Candidate.objects.get(reference=reference)
    assert (candidate.first_name, candidate.target_commune.name) == ("Camille", "Aubusson")
    assert candidate.project_type == "takeover" and candidate.needs_housing
    detail_url = f"/extranet/candidats/{reference}/"

    sign_in(page, territory["officer_a"])
    assert_accessible(page)
    follow_up(page, territory, reference)
    sign_out(page)

    sign_in(page, territory["partner"])
    page.goto("/extranet/candidats/")
    assert_accessible(page)
    row = page.get_by_role("row", name=re.compile("Nouvelarrivée"))
    row.get_by_role("link", name=reference).click()
    page.wait_for_url(re.compile(rf"{detail_url}$"))
    assert page.get_by_text("Lecture seule").is_visible()
    assert page.get_by_text("Boulangerie à reprendre").first.is_visible()
    assert page.get_by_role("button", name="Ajouter le contact").count() == 0
    assert_accessible(page)
    sign_out(page)

    sign_in(page, territory["officer_b"])
    response = page.goto(detail_url)
    assert response.status == 404
    assert "Nouvelarrivée" not in page.content()
    assert_accessible(page)
