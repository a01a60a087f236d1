"""Every way to sign in goes through allauth (MFA, e-mail verification, rate limits).

Wagtail ships its own login views (`/_util/login/` for private pages, `/admin/login/`) and
password pages of its own; any of them would accept a password and skip the second factor.
These tests walk the whole URL configuration, so a login form added by a future dependency
or a hand-written view fails here too.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from wagtail.admin.views import account as wagtail_account

from tests.portal.factories import DEMO_PASSWORD, UserFactory

PASSWORD_INPUT = re.compile(r"<input[^>]*type=[\"']?password", re.I)
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.I | re.S)
ACTION = re.compile(r"action=[\"']([^\"']*)[\"']", re.I)

# Views of Django or Wagtail that check a user's password when posted to.
PASSWORD_VIEWS = (
    auth_views.LoginView,
    auth_views.PasswordChangeView,
    auth_views.PasswordResetView,
    auth_views.PasswordResetConfirmView,
    wagtail_account.LoginView,
)


def walk(patterns=None, prefix=""):
    """(route, callback) for every URL pattern, nested includes flattened."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry.callback


def as_path(route):
    """The path a visitor types for a route without parameters, else None."""
    path = "/" + route.lstrip("^").rstrip("$").replace("\\Z", "")
    return None if any(char in path for char in "<(?*[\\+") else path


def sample_path(route):
    """A path matching a route, its parameters filled with sample values."""
    route = re.sub(r"<int:\w+>", "1", route)
    return as_path(re.sub(r"<(?:\w+:)?\w+>", "x", route))


def reachable_routes():
    """(route, callback) minus the routes an earlier pattern shadows (`/admin/login/`)."""
    for route, callback in walk():
        path = sample_path(route)
        if path is None or resolve(path).func is callback:
            yield route, callback


def concrete_routes():
    """Routes without parameters, as a visitor would type them."""
    for route, callback in reachable_routes():
        if (path := as_path(route)) is not None:
            yield path, callback


def is_allauth(callback):
    return callback.__module__.startswith("allauth.")


def password_forms(html):
    """The `action` of every form holding a password input."""
    for attrs, body in FORM.findall(html):
        if PASSWORD_INPUT.search(body):
            action = ACTION.search(attrs)
            yield action.group(1) if action else ""


@pytest.mark.django_db
def test_no_view_outside_allauth_is_a_password_view():
    offenders = [
        route
        for route, callback in reachable_routes()
        if not is_allauth(callback)
        and issubclass(getattr(callback, "view_class", type), PASSWORD_VIEWS)
    ]
    assert offenders == []


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_every_page_showing_a_password_field_posts_it_to_allauth(client, signed_in):
    user = UserFactory(is_superuser=True)
    if signed_in:
        client.force_login(user)
    client.raise_request_exception = False
    found = []
    for path, _callback in concrete_routes():
        response = client.get(path, follow=True)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        landed = response.redirect_chain[-1][0] if response.redirect_chain else path
        for action in password_forms(response.content.decode()):
            target = urlsplit(action).path or urlsplit(landed).path
            found.append(target)
            assert is_allauth(resolve(target).func), f"{path}: password posted to {target}"
    if not signed_in:
        assert "/comptes/login/" in found, "the walk must at least see the real login form"


@pytest.mark.django_db
def test_posting_a_password_anywhere_else_signs_nobody_in(client):
    """The finding: `/_util/login/` signed the pole officer in without TOTP."""
    user = UserFactory(is_superuser=True)
    client.raise_request_exception = False
    credentials = {
        "username": user.email,
        "email": user.email,
        "login": user.email,
        "password": DEMO_PASSWORD,
    }
    signed_in_by = []
    for path, callback in concrete_routes():
        if is_allauth(callback):
            continue
        client.post(path, credentials)
        if "_auth_user_id" in client.session:
            signed_in_by.append(path)
            client.logout()
    assert signed_in_by == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/_util/login/", "/admin/login/"])
def test_wagtail_login_pages_send_to_the_accounts_login_with_next(client, path):
    response = client.get(path, {"next": "/espace-prive/"})
    assert response.status_code == 302
    target = urlsplit(response.url)
    assert target.path == "/comptes/login/"
    assert parse_qs(target.query)["next"] == ["/espace-prive/"]


@pytest.mark.django_db
def test_wagtail_login_redirect_refuses_an_outside_next(client):
    response = client.get("/_util/login/", {"next": "https://evil.example/"})
    assert parse_qs(urlsplit(response.url).query)["next"] == ["/"]


@pytest.mark.django_db
def test_wagtail_admin_assets_never_answer_with_the_login_page(client):
    """Wagtail's icon script keeps whatever `/admin/sprite/` answers as its sprite: a login
    page there (an expired session) would be written into every admin page after it."""
    sprite = client.get("/admin/sprite/")
    assert sprite.status_code == 200 and sprite["Content-Type"].startswith("image/svg+xml")
    assert b"<symbol" in sprite.content
    catalogue = client.get("/admin/jsi18n/")
    assert catalogue.status_code == 200 and b"django.catalog" in catalogue.content
    assert client.get("/admin/pages/").status_code == 302  # the admin itself stays closed
