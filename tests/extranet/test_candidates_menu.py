"""The extranet side menu shows "Candidats" and "Statistiques" only to who may see candidates."""

import pytest
from django.urls import reverse

from tests.extranet.factories import CandidateShareFactory, MembershipFactory

pytestmark = pytest.mark.django_db
LIST, STATS = reverse("extranet:candidate_list"), reverse("extranet:candidate_stats")


def menu(client, user):
    client.force_login(user)
    html = client.get(reverse("extranet:dashboard")).content.decode()
    start = html.index('class="side-nav"')
    nav = html[start : html.index("</nav>", start)]
    return f'href="{LIST}"' in nav, f'href="{STATS}"' in nav


@pytest.mark.parametrize("who", ["pole_officer", "regional_admin"])
def test_pole_officers_and_region_see_the_links(client, request, who):
    assert menu(client, request.getfixturevalue(who)) == (True, True)


def test_member_sees_them_once_a_candidate_is_shared_with_their_structure(client):
    membership = MembershipFactory()
    assert menu(client, membership.user) == (False, False)
    CandidateShareFactory(structure=membership.structure)
    assert menu(client, membership.user) == (True, True)
