"""Every extranet URL is members-only: anonymous → login, non-members → 403 (except the
path to join a structure)."""

import re

import pytest
from django.urls import URLPattern, reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains

from extranet import urls as extranet_urls


def _extranet_urls():
    for pattern in extranet_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        kwargs = {
            name: "1" if converter == "int:" else "x"
            for converter, name in re.findall(r"<(\w+:)?(\w+)>", str(pattern.pattern))
        }
        yield reverse(f"extranet:{pattern.name}", kwargs=kwargs)


@pytest.mark.parametrize("url", list(_extranet_urls()))
def test_anonymous_is_sent_to_login(client, url, db):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


# The partner sign-up path: a person outside the network is offered to join a structure.
OPEN_TO_NEWCOMERS = {"/extranet/": 302, "/extranet/rejoindre/": 200}


@pytest.mark.parametrize("url", list(_extranet_urls()))
def test_person_without_role_is_refused(client, stranger, url):
    client.force_login(stranger)
    assert client.get(url).status_code == OPEN_TO_NEWCOMERS.get(url, 403)


def test_member_sees_dashboard_with_their_structure(client, member):
    client.force_login(member)
    response = client.get(reverse("extranet:dashboard"))
    assertContains(response, escape(member.memberships.get().structure.name))


def test_member_of_other_structure_gets_404(client, member, manager):
    client.force_login(member)
    other = manager.memberships.get().structure
    url = reverse("extranet:structure_members", args=[other.slug])
    assert client.get(url).status_code == 404


def test_regional_admin_reads_any_structure_members(client, regional_admin, manager):
    client.force_login(regional_admin)
    structure = manager.memberships.get().structure
    response = client.get(reverse("extranet:structure_members", args=[structure.slug]))
    assertContains(response, manager.email)
