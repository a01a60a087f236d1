"""Moderation completes on the seeded demo: the printed accounts submit, approve, get told.

Driven through Wagtail's own admin views with the test client, signed in with the
accounts and password `manage.py demo_accounts` prints.
"""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, TaskState, Workflow
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from extranet import demo
from extranet.enums import Role
from extranet.offers.services import submit_proposal
from extranet.roles import roles_of
from portal.demo.offers import seed_offers_demo
from portal.models import Commune, OfferType, StandardPage, User
from tests.extranet.test_seed_demo import demo_communes, only_extranet_steps  # noqa: F401

MODERATION_ROLES = {Role.EDITOR, Role.REGIONAL_ADMIN}
STOCK_WORDING = ("Salut", "(e)", "le/la", "Hello", "submitted", "Moderators")

pytestmark = pytest.mark.usefixtures("demo_communes", "only_extranet_steps")


@pytest.fixture
def seeded():
    call_command("seed_demo", stdout=io.StringIO())
    seed_offers_demo()
    out = io.StringIO()
    call_command("demo_accounts", stdout=out)
    return re.findall(r"\S+@" + re.escape(demo.DEMO_EMAIL_DOMAIN), out.getvalue())


def sign_in(client, email):
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": email, "password": demo.DEMO_PASSWORD}
    )
    assert response.status_code == 302, email
    return User.objects.get(email=email)


def printed_account(emails, role):
    """The printed e-mail of the demo account built for `role`."""
    (account,) = [account for account in demo.ACCOUNTS if account.role == role]
    assert account.email in emails
    return account.email


def assert_plain_french(message):
    text = f"{message.subject}\n{message.body}"
    for word in STOCK_WORDING:
        assert word not in text, (word, text)
    assert "Bonjour" in message.body
    assert "&#x27;" not in text and "&quot;" not in text


def test_the_page_workflow_has_french_names_and_approvers_who_exist(seeded):
    workflow = Workflow.objects.get(workflow_pages__page__depth=1)
    task = workflow.tasks.get().specific
    assert workflow.name == "Relecture des pages"
    assert task.name == "Relecture par l'équipe éditoriale"
    assert task.groups.filter(user__email=printed_account(seeded, Role.REGIONAL_ADMIN)).exists()


def test_each_printed_moderation_account_opens_the_moderation_pages(seeded, client):
    moderators = [e for e in seeded if roles_of(User.objects.get(email=e)) & MODERATION_ROLES]
    assert len(moderators) == 2
    page = StandardPage.objects.get(slug="mentions-legales")
    for email in moderators:
        sign_in(client, email)
        for url in (
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ):
            assert client.get(url).status_code == 200, (email, url)


def edit_data(page, paragraph, action):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": page.introduction,
            "body": streamfield([("paragraph", rich_text(f"<p>{paragraph}</p>"))]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0},
            action: "1",
        }
    )


def approve(client, page):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def test_an_editor_page_change_is_approved_by_the_regional_admin(seeded, client):
    page = StandardPage.objects.get(slug="mentions-legales")
    editor = sign_in(client, printed_account(seeded, Role.EDITOR))

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_data(page, "Hébergeur : nouvelle adresse.", "action-submit"),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.workflow_in_progress
    admin_email = printed_account(seeded, Role.REGIONAL_ADMIN)
    (to_admin,) = [m for m in mail.outbox if m.to == [admin_email]]
    assert to_admin.subject == "À relire : « Mentions légales »"
    assert "Bonjour Hélène," in to_admin.body
    assert "Page standard « Mentions légales »" in to_admin.body
    assert_plain_french(to_admin)

    mail.outbox.clear()
    sign_in(client, admin_email)
    assert approve(client, page).status_code == 302

    page.refresh_from_db()
    assert not page.workflow_in_progress
    assert "nouvelle adresse" in client.get(page.url).content.decode()
    (to_editor,) = mail.outbox
    assert to_editor.to == [editor.email]
    assert to_editor.subject == "Publication validée : « Mentions légales »"
    assert page.full_url in to_editor.body
    assert_plain_french(to_editor)


def test_a_partner_offer_is_approved_from_the_admin_dashboard_card(seeded, client):
    partner = User.objects.get(email=printed_account(seeded, Role.STRUCTURE_MEMBER))
    offer = submit_proposal(
        user=partner,
        data={
            "offer_type": OfferType.SERVICE,
            "title": "Permanence numérique",
            "summary": "Aide aux démarches en ligne.",
            "contact_organisation": "Centre social",
            "audience": "Tout public",
            "commune": Commune.objects.get(pk="23008"),
            "valid_until": "2027-06-30",
        },
    )
    sign_in(client, printed_account(seeded, Role.REGIONAL_ADMIN))

    dashboard = client.get(reverse("extranet:dashboard")).content.decode()
    assert "1 offre attend votre relecture." in dashboard
    edit_url = reverse("wagtailadmin_pages:edit", args=[offer.pk])
    assert f'href="{edit_url}"' in dashboard
    assert client.get(edit_url).status_code == 200

    mail.outbox.clear()
    assert approve(client, offer).status_code == 302

    offer.refresh_from_db()
    assert offer.live
    (to_partner,) = mail.outbox
    assert to_partner.to == [partner.email]
    assert "/admin/" not in to_partner.body  # the partner cannot open the admin
    assert_plain_french(to_partner)


def test_a_rejected_partner_offer_is_not_a_link_into_the_admin(seeded, client):
    partner = User.objects.get(email=printed_account(seeded, Role.STRUCTURE_MANAGER))
    offer = submit_proposal(
        user=partner,
        data={
            "offer_type": OfferType.SERVICE,
            "title": "Atelier d'accueil",
            "summary": "Un atelier pour les nouveaux arrivants.",
            "contact_organisation": "Épicerie solidaire",
            "audience": "Nouveaux arrivants",
            "commune": Commune.objects.get(pk="23008"),
            "valid_until": "2027-06-30",
        },
    )
    sign_in(client, printed_account(seeded, Role.REGIONAL_ADMIN))
    task_state = TaskState.objects.get(workflow_state__object_id=str(offer.pk))
    mail.outbox.clear()

    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[offer.pk, "reject", task_state.pk]),
        {"comment": "Précisez l'horaire, s'il vous plaît."},
    )

    (to_partner,) = mail.outbox
    assert to_partner.subject == "Modifications demandées : « Atelier d'accueil »"
    assert "Offre « Atelier d'accueil »" in to_partner.body
    assert "Commentaire : « Précisez l'horaire, s'il vous plaît. »" in to_partner.body
    assert "/admin/" not in to_partner.body
    assert_plain_french(to_partner)
    assert not Page.objects.get(pk=offer.pk).live
