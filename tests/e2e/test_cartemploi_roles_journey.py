"""Cartemploi's three roles do their job on the seeded demo, in the browser (issue #12).

The printed accounts sign in from the login page and then only click what they see:

- the company (`entreprise@`) searches the list by skill, opens the printed young person's
  anonymous card, writes through the relay and follows the conversation;
- the young person (`jeune@`) opens their space and edits their card (sent for validation);
- the advisor (`conseillere@`), from the extranet menu, validates the edited card and relays
  the company's held message (the young person gets an e-mail);
- the young person reads the relayed message; the public card shows the edit.

axe: 0 violations on every page visited. One test: the demo is seeded once.
"""

import pytest
from django.core import mail

from cartemploi.models import CompanyProfile, YouthProfile
from extranet import demo
from tests.crawl import build_demo
from tests.e2e.journey import Visit, no_error

pytestmark = pytest.mark.e2e

CARTEMPLOI_NAV = "nav.cartemploi-nav"
MESSAGE = "Bonjour, notre atelier accueille un apprenti à la rentrée : une visite vous tente ?"
MOTIVATIONS = "J'aime le travail manuel et je cherche un apprentissage près de Guéret."


class Printed:
    """What the journey knows of the printed young person and company (read from the demo)."""

    def __init__(self):
        domain = demo.DEMO_EMAIL_DOMAIN
        youth = YouthProfile.objects.select_related("user", "public_card", "commune").get(
            user__email=f"jeune@{domain}"
        )
        company = CompanyProfile.objects.get(user__email=f"entreprise@{domain}")
        self.youth_label = str(youth)
        self.youth_email = youth.user.email
        self.youth_in_list = f"{youth.initial} ({youth.commune.name})"
        self.skill = youth.skills.order_by("pk").first().label
        self.card = f"main a[href$='/fiche/{youth.public_card.pk}/']"
        self.conversation = f"{youth.initial} ↔ {company.name}"


def company_asks_for_contact(visit, printed):
    """From the home page to the young person's card, then through the relay."""
    page = visit.link("Cartemploi", within="nav.main-nav")
    page.keyboard.press("Tab")  # the first stop skips to the content
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aller au contenu"
    skill = page.get_by_label("Compétence ou métier")
    skill.fill(printed.skill)
    skill.press("Enter")  # the keyboard submits the criteria
    visit.checked()
    visit.click(printed.card)
    assert printed.skill in visit.text()
    page = visit.link("Écrire via la mission locale")
    page.get_by_label("Votre message").fill(MESSAGE)
    visit.button("Envoyer", within="main")
    no_error(page)
    assert "La mission locale le relit" in visit.text("body")
    visit.menu("Mes conversations", nav=CARTEMPLOI_NAV)
    visit.link(printed.youth_in_list)
    assert MESSAGE in visit.text()


def youth_edits_the_card(visit):
    page = visit.link("Mon espace Cartemploi", within="nav.account-nav")
    page.get_by_label("Motivations").fill(MOTIVATIONS)
    visit.button("Envoyer à la mission locale pour validation")
    no_error(page)
    assert "attente" in visit.text().lower()


def advisor_validates_and_relays(visit, printed):
    visit.menu("Cartemploi : validation et relais")
    visit.link(printed.youth_label)
    assert MOTIVATIONS in visit.text()
    visit.button("Valider et publier")
    assert "Fiche validée et publiée." in visit.text("body")
    visit.link(printed.conversation)
    visit.button("Transmettre ce message")
    assert "Message transmis" in visit.text("body")


def youth_reads_the_message(visit, printed):
    visit.link("Mon espace Cartemploi", within="nav.account-nav")
    visit.menu("Mes conversations", nav=CARTEMPLOI_NAV)
    visit.link(printed.youth_in_list)
    assert MESSAGE in visit.text()
    visit.menu("Mon espace Cartemploi", nav=CARTEMPLOI_NAV)
    visit.link("Voir la fiche publiée")
    assert MOTIVATIONS in visit.text()


def test_cartemploi_roles_finish_their_tasks_on_the_demo(page, live_server, settings):
    settings.MAP_TILE_URL = ""  # no network in tests: the map draws markers without tiles
    build_demo()
    printed = Printed()
    visit = Visit(page)

    visit.sign_in("entreprise")
    company_asks_for_contact(visit, printed)
    visit.sign_out()

    visit.sign_in("jeune")
    youth_edits_the_card(visit)
    visit.sign_out()

    mail.outbox.clear()
    visit.sign_in("conseillere")
    advisor_validates_and_relays(visit, printed)
    visit.sign_out()
    relayed = [m for m in mail.outbox if m.to == [printed.youth_email]]
    assert relayed and "/cartemploi/conversations/" in relayed[-1].body

    visit.sign_in("jeune")
    youth_reads_the_message(visit, printed)
