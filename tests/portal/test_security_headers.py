"""Headers a browser or a proxy obeys: CSP, no-store for signed-in people, idle sign-out."""

import time

import pytest
from django.urls import reverse

from tests.extranet.factories import MembershipFactory, WelcomePoleFactory
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def directives(response, header="Content-Security-Policy"):
    policy = response[header]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_public_pages_have_a_strict_policy(client):
    response = client.get(reverse("search:public"))
    csp = directives(response)
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["style-src"]


def test_the_map_tiles_are_allowed_images(client, settings):
    csp = directives(client.get(reverse("search:public")))
    assert "https://tile.openstreetmap.org" in csp["img-src"]


def test_wagtail_admin_keeps_a_policy_of_its_own_and_stays_unframeable(client):
    client.force_login(UserFactory(is_superuser=True))
    csp = directives(client.get("/admin/"))
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'none'"]


def test_anonymous_public_pages_stay_cacheable(client):
    response = client.get(reverse("search:public"))
    assert "no-store" not in response.get("Cache-Control", "")


def test_every_signed_in_response_is_no_store(client):
    client.force_login(MembershipFactory().user)
    for url in (reverse("extranet:dashboard"), reverse("search:public")):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_candidate_exports_are_no_store(client, kind):
    officer = UserFactory()
    WelcomePoleFactory(officers=[officer])
    client.force_login(officer)
    response = client.get(reverse("extranet:candidate_export", args=[kind]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_an_idle_session_is_signed_out_and_sent_to_the_login(client, settings, monkeypatch):
    settings.SESSION_IDLE_TIMEOUT = 600
    client.force_login(MembershipFactory().user)
    dashboard = reverse("extranet:dashboard")
    assert client.get(dashboard).status_code == 200
    started = time.time()
    monkeypatch.setattr(time, "time", lambda: started + 300)
    assert client.get(dashboard).status_code == 200, "5 minutes idle is not a timeout"
    monkeypatch.setattr(time, "time", lambda: started + 300 + 601)
    response = client.get(dashboard)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get(dashboard).status_code == 302, "still signed out afterwards"


def test_changing_the_email_address_asks_for_the_password_again(client):
    user = MembershipFactory().user
    client.force_login(user)
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "nouvelle@exemple.fr"}
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert not user.emailaddress_set.filter(email="nouvelle@exemple.fr").exists()
