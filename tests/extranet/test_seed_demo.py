import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Revision, Site

from extranet import demo
from extranet.enums import Role
from extranet.models import Membership, WelcomePole
from extranet.roles import roles_of
from portal.models import SiteSettings, StandardPage, User
from repertoire.models import Structure
from repertoire.validators import validate_siret
from tests.crawl import DEPARTMENT_NAMES, create_demo_communes


@pytest.fixture(autouse=True)
def only_extranet_steps(monkeypatch):
    """Higher apps' registered demo steps are their own tests' business (and slow)."""
    monkeypatch.setattr(demo, "_demo_steps", [])


@pytest.fixture
def demo_communes(db):
    """Only the communes and EPCIs the demo is built on (not the whole reference file)."""
    create_demo_communes()


def seed_demo(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_every_role_gets_a_verified_account(demo_communes):
    seed_demo()

    assert {account.role for account in demo.ACCOUNTS} == set(Role)
    for account in demo.ACCOUNTS:
        user = User.objects.get(email=account.email)
        assert account.role in roles_of(user), account.email
        assert user.check_password(demo.DEMO_PASSWORD)
        assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()
    advisor = User.objects.get(email="conseillere@demo.passerelles.localhost")
    assert advisor.memberships.get().structure.kind == "youth_agency"
    assert not roles_of(User.objects.get(email="jeune@demo.passerelles.localhost")) - {Role.YOUTH}


def test_structures_and_poles_sit_on_real_communes(demo_communes):
    seed_demo()

    structures = Structure.objects.select_related("commune")
    assert structures.count() >= 12
    for structure in structures:
        validate_siret(structure.siret)
        assert structure.live
        assert structure.commune.department_id in DEPARTMENT_NAMES
        assert structure.phone.startswith("05 55 00 ")
        assert structure.email.endswith(".exemple.fr")
    creuse_sud = WelcomePole.objects.get(slug="creuse-sud-demo")
    assert creuse_sud.epcis.count() == 3
    assert WelcomePole.objects.filter(is_regional=True).count() == 1


def test_second_run_creates_no_duplicate(demo_communes):
    seed_demo()
    models = (User, EmailAddress, Structure, Membership, WelcomePole, StandardPage, Revision)
    counts = {model: model.objects.count() for model in models}

    seed_demo()

    assert {model: model.objects.count() for model in models} == counts


def test_refuses_to_run_with_production_settings(demo_communes, settings):
    settings.DEBUG = False
    settings.PASSERELLES_DEMO = False

    with pytest.raises(CommandError, match="production.*--force"):
        seed_demo()
    assert not User.objects.exists()

    seed_demo("--force")
    emails = [account.email for account in demo.ACCOUNTS]
    assert User.objects.filter(email__in=emails).count() == len(emails)


@pytest.mark.django_db
def test_asks_to_load_the_communes_first():
    with pytest.raises(CommandError, match="load_communes"):
        seed_demo()
    assert not Structure.objects.exists()


def test_demo_admin_logs_in_and_sees_the_dashboard(demo_communes, client):
    seed_demo()

    response = client.post(
        reverse("account_login"),
        {"login": "admin@demo.passerelles.localhost", "password": demo.DEMO_PASSWORD},
    )
    assert response.status_code == 302
    dashboard = client.get(reverse("extranet:dashboard"))
    assert dashboard.status_code == 200
    assert "Bonjour Hélène" in dashboard.content.decode()
    assert client.get("/admin/").status_code == 200


def test_legal_pages_are_live_and_linked_from_the_site_settings(demo_communes, client):
    seed_demo()

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    titles = [page.title for page in site_settings.legal_links()]
    assert titles == [
        "Mentions légales",
        "Politique de confidentialité",
        "Déclaration d'accessibilité",
        "Charte",
    ]
    assert site_settings.contact_email == "contact@passerelles.localhost"
    for page in site_settings.legal_links():
        response = client.get(page.url)
        assert response.status_code == 200
        assert escape(page.title) in response.content.decode()
    home = client.get("/").content.decode()
    assert "Découvrir le territoire" in home
    assert 'href="/mentions-legales/"' in home


def test_registered_steps_run_after_the_demo(demo_communes):
    calls = []
    demo.register_demo_step(lambda: calls.append(Structure.objects.count()))

    seed_demo()

    assert calls == [len(demo.repertoire_demo.STRUCTURES)]


def test_demo_accounts_prints_accounts_password_and_url(demo_communes, monkeypatch):
    seed_demo()
    monkeypatch.setenv("PORT", "8123")
    out = io.StringIO()

    call_command("demo_accounts", stdout=out)

    text = out.getvalue()
    assert "admin@demo.passerelles.localhost" in text
    assert demo.DEMO_PASSWORD in text
    assert "http://127.0.0.1:8123/" in text
