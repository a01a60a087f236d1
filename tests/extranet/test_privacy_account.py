"""Young people, companies and newcomers delete their own account (password asked again)."""

import pytest
from django.urls import reverse

from extranet.enums import AuditAction
from extranet.models import AuditEvent
from extranet.privacy.anonymise import ANONYMISED
from portal.models import User
from tests.cartemploi.factories import CompanyProfileFactory, YouthProfileFactory
from tests.portal.factories import DEMO_PASSWORD, UserFactory

URL = "/comptes/supprimer-mon-compte/"


def test_url_is_named():
    assert reverse("account_delete") == URL


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/comptes/" in response["Location"]


def test_a_young_person_deletes_their_account_and_profile(client, db):
    profile = YouthProfileFactory(published=True)
    client.force_login(profile.user)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Supprimer définitivement mon compte" in page.content.decode()

    response = client.post(URL, {"password": DEMO_PASSWORD})
    assert response.status_code == 302
    user = User.objects.get(pk=profile.user.pk)
    assert not user.is_active and user.last_name == ANONYMISED
    profile.refresh_from_db()
    assert profile.first_name == ANONYMISED
    assert AuditEvent.objects.filter(action=AuditAction.ANONYMISE, object_id=str(user.pk)).exists()
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_deletes_nothing(client, db):
    profile = CompanyProfileFactory()
    client.force_login(profile.user)
    response = client.post(URL, {"password": "pas-le-bon"})
    assert response.status_code == 200
    profile.user.refresh_from_db()
    assert profile.user.is_active


@pytest.mark.parametrize("kind", ["person", "youth", "company"])
def test_the_link_shows_for_people_who_may_delete(client, db, kind):
    user = UserFactory(kind=kind)
    client.force_login(user)
    assert URL in client.get(reverse("account_email")).content.decode()


def test_network_members_ask_their_structure(client, member):
    client.force_login(member)
    assert URL not in client.get(reverse("account_email")).content.decode()
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"password": DEMO_PASSWORD}).status_code == 404
    member.refresh_from_db()
    assert member.is_active
