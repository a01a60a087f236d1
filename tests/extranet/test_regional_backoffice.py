"""The regional admin's back-office (issue #12, item 8): rights given by a migration."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from extranet.roles import REGIONAL_ADMIN_GROUP
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGES = (
    "wagtailusers_users:index",
    "wagtailusers_users:add",
    "wagtailsnippets_repertoire_structure:list",
    "wagtailsnippets_repertoire_structure:add",
    "wagtaildocs:index",
    "wagtaildocs:add",
    "wagtailsnippets_extranet_newsitem:list",
    "wagtailsnippets_extranet_newsitem:add",
    "extranet_membership_modeladmin_index",
    "extranet_joinrequest_modeladmin_index",
    "extranet_shareddocument_modeladmin_index",
)


def test_the_regional_admin_opens_each_back_office_list(client, regional_admin):
    client.force_login(regional_admin)
    refused = {}
    for name in PAGES:
        status = client.get(reverse(name)).status_code
        if status != 200:
            refused[name] = status
    assert refused == {}


def test_the_group_holds_its_rights_from_the_migration():
    rights = set(
        Group.objects.get(name=REGIONAL_ADMIN_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    assert {
        ("portal", "add_user"),
        ("portal", "change_user"),
        ("extranet", "view_joinrequest"),
        ("extranet", "view_shareddocument"),
        ("extranet", "add_newsitem"),
        ("repertoire", "change_structure"),
        ("extranet", "change_membership"),
    } <= rights
    assert ("portal", "delete_user") not in rights


def test_the_regional_admin_never_grants_superuser_rights(client, regional_admin):
    person = UserFactory()
    client.force_login(regional_admin)
    url = reverse("wagtailusers_users:edit", args=[person.pk])
    form = client.get(url).content.decode()
    assert 'name="is_superuser"' not in form
    assert ">Administrators<" not in form
    data = {
        "email": person.email,
        "first_name": "Camille",
        "last_name": person.last_name,
        "is_active": "on",
        "is_superuser": "on",
    }
    client.post(url, data)
    person.refresh_from_db()
    assert person.first_name == "Camille"
    assert not person.is_superuser


def test_the_regional_admin_cannot_edit_a_superuser(client, regional_admin):
    boss = UserFactory(is_superuser=True, first_name="Alex")
    client.force_login(regional_admin)
    url = reverse("wagtailusers_users:edit", args=[boss.pk])
    assert client.get(url).status_code in (302, 403)  # Wagtail sends refusals home
    client.post(url, {"email": "moi@exemple.fr", "first_name": "Pris", "is_active": "on"})
    boss.refresh_from_db()
    assert boss.first_name == "Alex"


def test_a_superuser_still_sees_the_choice(client):
    boss = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(boss)
    form = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="is_superuser"' in form
