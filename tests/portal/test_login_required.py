"""Login is required by default (LoginRequiredMiddleware); public views opt out."""

import pytest

from tests.portal.test_authentication_paths import concrete_routes, reachable_routes

pytestmark = pytest.mark.django_db

MEMBERS_ONLY = ("/extranet/", "/admin/", "/cartemploi/mon-espace/", "/cartemploi/conseil/")
# Redirects to the accounts login: open by nature.
LOGIN_REDIRECTS = {"/admin/login/", "/admin/password_reset/"}
# Wagtail's icon sprite and JavaScript catalogue: public in Wagtail, no personal data.
ADMIN_ASSETS = {"/admin/sprite/", "/admin/jsi18n/"}


def is_public(callback):
    return getattr(callback, "login_required", True) is False


# wagtail-localize's admin API is built on Django REST framework, whose views say
# `login_required = False` (DRF authenticates itself); Wagtail's `require_admin_access`
# wraps them and copies that flag. They still send anonymous visitors to the login (below).
WAGTAIL_GUARDED = ("/admin/localize/api/", "/admin/localize/translate/")


def test_no_members_only_route_is_marked_public():
    public = ["/" + route for route, callback in reachable_routes() if is_public(callback)]
    members_only = [
        route
        for route in public
        if route.startswith(MEMBERS_ONLY) and not route.startswith(WAGTAIL_GUARDED)
    ]
    assert sorted(set(members_only) - LOGIN_REDIRECTS - ADMIN_ASSETS) == []


@pytest.mark.parametrize(
    "url",
    [
        "/admin/localize/api/snippets/repertoire/structure/",
        "/admin/localize/api/pages/",
        "/admin/localize/translate/1/overrides/1/edit/",
    ],
)
def test_wagtail_localize_admin_api_sends_anonymous_visitors_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "login" in response.url


def test_an_anonymous_visitor_is_sent_to_the_login_by_every_other_view(client):
    client.raise_request_exception = False
    open_doors = []
    for path, callback in concrete_routes():
        if is_public(callback) or callback.__module__.startswith("allauth."):
            continue
        response = client.get(path)
        if response.status_code not in (301, 302, 404, 405) or (
            response.status_code == 302 and "/comptes/login/" not in response.url
        ):
            open_doors.append((path, response.status_code))
    assert open_doors == []


@pytest.mark.parametrize(
    "url", ["/", "/recherche/?q=emploi", "/cartemploi/", "/je-m-installe/", "/sitemap.xml"]
)
def test_public_pages_stay_open(client, url):
    assert client.get(url).status_code == 200
