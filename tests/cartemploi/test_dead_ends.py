"""No 403 dead end: the header links each role to a space it opens, and a young person or
a company who cannot write yet is told what is missing, with a link to it."""

import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from cartemploi.models import CharterVersion
from cartemploi.services.profiles import accept_charter
from tests.cartemploi.factories import (
    CharterVersionFactory,
    CompanyProfileFactory,
    YouthProfileFactory,
)
from tests.portal.factories import UserFactory

# Declared, not only reached through `getfixturevalue`: pytest-django orders a test by the
# fixtures it names, and one that looks database-free runs after the browser tests' flush.
pytestmark = pytest.mark.django_db

ACCOUNT_NAV = re.compile(r'<nav class="account-nav".*?</nav>', re.S)
EXTRANET = ("Extranet", "/extranet/")
CARTEMPLOI = ("Mon espace Cartemploi", "/cartemploi/mon-espace/")


@pytest.fixture
def company_user(db):
    return UserFactory(company=True)


def header_links(client):
    nav = ACCOUNT_NAV.search(client.get("/").content.decode()).group(0)
    return [(label, url) for url, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)]


@pytest.mark.parametrize(
    "role, space",
    [
        ("member", EXTRANET),
        ("manager", EXTRANET),
        ("regional_admin", EXTRANET),
        ("advisor", EXTRANET),
        ("pole_officer", EXTRANET),
        ("editor", EXTRANET),
        ("youth", CARTEMPLOI),
        ("company_user", CARTEMPLOI),
    ],
)
def test_the_header_links_each_role_to_a_space_it_opens(client, request, role, space):
    client.force_login(request.getfixturevalue(role))

    links = header_links(client)

    spaces = [link for link in links if link[0] in (EXTRANET[0], CARTEMPLOI[0])]
    assert spaces == [space]
    for _label, url in links:
        assert client.get(url, follow=True).status_code == 200, url


def test_someone_with_no_space_is_offered_to_join_a_structure(client, stranger):
    client.force_login(stranger)

    links = header_links(client)

    assert [label for label, _url in links] == ["Rejoindre une structure", "Mon compte"]
    assert client.get(links[0][1]).status_code == 200


def test_a_company_without_charter_nor_profile_is_told_both_and_where(client, company_user):
    card = YouthProfileFactory(published=True).public_card
    client.force_login(company_user)
    contact_url = reverse("cartemploi:contact", args=[card.pk])

    response = client.get(contact_url)

    assert response.status_code == 200
    assertContains(response, "Acceptez la charte de Cartemploi.")
    charter = reverse("cartemploi:charter") + "?next=%2Fcartemploi%2Fmon-espace%2Fentreprise%2F"
    assertContains(response, f'href="{charter}"')
    assertContains(response, "Créez votre fiche entreprise")
    assertContains(response, f'href="{reverse("cartemploi:company_space")}"')
    assertNotContains(response, 'name="body"')
    detail = client.get(reverse("cartemploi:card_detail", args=[card.pk]))
    assertContains(detail, "Créez votre fiche entreprise")
    assertNotContains(detail, "Écrire via la mission locale")


def test_a_company_with_a_draft_profile_is_sent_to_see_its_state(client, db):
    draft = CompanyProfileFactory()
    accept_charter(user=draft.user)
    card = YouthProfileFactory(published=True).public_card
    client.force_login(draft.user)

    response = client.get(reverse("cartemploi:contact", args=[card.pk]))

    assertContains(response, "doit être validé par la mission locale")
    assertContains(response, f'href="{reverse("cartemploi:company_space")}"')
    assertNotContains(response, "Acceptez la charte")


def test_a_new_charter_version_is_asked_before_writing_then_leads_back(client, company):
    card = YouthProfileFactory(published=True).public_card
    CharterVersionFactory(version=CharterVersion.objects.current().version + 1)
    client.force_login(company.user)
    contact_url = reverse("cartemploi:contact", args=[card.pk])

    response = client.get(contact_url)

    next_param = contact_url.replace("/", "%2F")
    assertContains(response, f'href="{reverse("cartemploi:charter")}?next={next_param}"')


def test_a_young_person_without_profile_is_sent_to_create_it(client, youth):
    accept_charter(user=youth)
    card = CompanyProfileFactory(published=True).public_card
    client.force_login(youth)

    response = client.get(reverse("cartemploi:contact", args=[card.pk]))

    assertContains(response, "Créez votre fiche jeune")
    assertContains(response, f'href="{reverse("cartemploi:youth_space")}"')


def test_the_wrong_side_is_still_refused(client, youth_profile):
    other = YouthProfileFactory(published=True).public_card
    client.force_login(youth_profile.user)

    assert client.get(reverse("cartemploi:contact", args=[other.pk])).status_code == 403
