"""The menus come from the one task list (`extranet.navigation`): each role is offered its
tasks, and no link leads to a page that would refuse it."""

import pytest
from django.urls import reverse

from extranet.navigation import tasks
from tests.extranet.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def side_menu(client, user):
    client.force_login(user)
    html = client.get(reverse("extranet:dashboard")).content.decode()
    start = html.index('class="side-nav"')
    return html[start : html.index("</nav>", start)]


def test_a_partner_reaches_its_fiche_offers_search_and_news_from_the_menu(client, member):
    structure = member.memberships.get().structure
    menu = side_menu(client, member)
    for url in (
        reverse("extranet:partner_fiche", args=[structure.slug]),
        reverse("extranet:offer_proposals"),
        reverse("search:extranet"),
        reverse("extranet:news_list"),
    ):
        assert f'href="{url}"' in menu, url
    assert "/admin/" not in menu


def test_a_partner_of_two_structures_chooses_the_fiche_from_its_structures(client, member):
    MembershipFactory(user=member)
    assert f'href="{reverse("extranet:my_structures")}"' in side_menu(client, member)
    page = client.get(reverse("extranet:my_structures")).content.decode()
    for membership in member.memberships.all():
        assert reverse("extranet:partner_fiche", args=[membership.structure.slug]) in page


def test_an_editor_gets_the_admin_and_no_page_it_would_be_refused(client, editor):
    menu = side_menu(client, editor)
    assert 'href="/admin/"' in menu
    assert reverse("extranet:offer_proposals") not in menu
    for partner_page in ("my_structures", "pathway_list", "booking_requests", "event_list"):
        assert reverse(f"extranet:{partner_page}") not in menu, partner_page  # no structure
    structure = MembershipFactory().structure
    page = client.get(reverse("extranet:directory_structure", args=[structure.slug]))
    assert reverse("extranet:referral_create") not in page.content.decode()


def test_every_task_has_a_unique_key_and_a_role():
    keys = [task.key for task in tasks()]
    assert len(keys) == len(set(keys))
    assert all(task.roles for task in tasks())
