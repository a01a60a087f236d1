"""The partner directory (annuaire), members' own contact details, members' news."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from extranet.models import NewsItem
from tests.extranet.factories import MembershipFactory
from tests.repertoire.factories import StructureFactory


def test_anonymous_goes_to_login_and_stranger_is_refused(client, stranger, network):
    url = reverse("extranet:directory_structure", args=[network.b.slug])
    assert client.get(url).url.startswith(reverse("account_login"))
    client.force_login(stranger)
    assert client.get(url).status_code == 403


def test_directory_lists_partners_only_and_searches(client, network):
    lone = StructureFactory(name="Structure sans membre")
    client.force_login(network.member_a)
    response = client.get(reverse("extranet:directory"))
    assertContains(response, escape(network.c.name))
    assertNotContains(response, escape(lone.name))
    response = client.get(reverse("extranet:directory"), {"q": network.member_b.last_name})
    assertContains(response, escape(network.b.name))


def test_identity_fiche_shows_partnership_and_members(client, network):
    network.b.partnership_can_expect = "Un rendez-vous sous huit jours."
    network.b.partnership_cannot_expect = "Une aide financière directe."
    network.b.save()
    client.force_login(network.member_a)
    response = client.get(reverse("extranet:directory_structure", args=[network.b.slug]))
    assertContains(response, "Un rendez-vous sous huit jours.")
    assertContains(response, "Une aide financière directe.")
    assertContains(response, network.member_b.email)


def test_structure_without_members_is_not_in_the_directory(client, network):
    client.force_login(network.member_a)
    lone = StructureFactory()
    assert client.get(reverse("extranet:directory_structure", args=[lone.slug])).status_code == 404


def test_member_updates_own_phone_and_job_title(client, network):
    membership = network.member_a.memberships.get()
    client.force_login(network.member_a)
    response = client.post(
        reverse("extranet:my_contact"),
        {
            "phone": "05 55 11 22 33",
            f"job_title_{membership.pk}": "Conseillère en économie sociale",
        },
    )
    assert response.status_code == 302
    network.member_a.refresh_from_db()
    membership.refresh_from_db()
    assert network.member_a.phone == "05 55 11 22 33"
    assert membership.job_title == "Conseillère en économie sociale"


def test_too_long_phone_is_refused_and_kept(client, network):
    client.force_login(network.member_a)
    response = client.post(reverse("extranet:my_contact"), {"phone": "0" * 40})
    assertContains(response, "0" * 40)
    network.member_a.refresh_from_db()
    assert network.member_a.phone == ""


@pytest.mark.parametrize("rows", [3, 30])
def test_directory_query_count_does_not_grow(
    client, network, settings, django_assert_max_num_queries, rows
):
    settings.USERSESSIONS_TRACK_ACTIVITY = False  # see test_referral_views
    for _ in range(rows):
        MembershipFactory()
    client.force_login(network.member_a)
    client.get(reverse("extranet:directory"))
    with django_assert_max_num_queries(12):
        client.get(reverse("extranet:directory"))


def test_news_on_dashboard_and_list(client, network):
    NewsItem.objects.create(title="Forum des partenaires le 12 mars", body="Inscriptions ouvertes.")
    NewsItem.objects.create(title="Brouillon", body="x", is_published=False)
    NewsItem.objects.create(
        title="Plus tard", body="x", published_at=timezone.now() + timezone.timedelta(days=2)
    )
    client.force_login(network.member_a)
    dashboard = client.get(reverse("extranet:dashboard"))
    assertContains(dashboard, "Forum des partenaires le 12 mars")
    assertNotContains(dashboard, "Brouillon")
    news = client.get(reverse("extranet:news_list"))
    assertContains(news, "Inscriptions ouvertes.")
    assertNotContains(news, "Plus tard")
