"""Members search what they may see: a member of structure A never meets a document that
only structure B may see — not in hits, not in counts, not in suggestions."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from extranet.roles import REGIONAL_ADMIN_GROUP
from extranet.search_scopes import scopes_for
from search.documents import Document
from tests.extranet.factories import MembershipFactory, WelcomePoleFactory
from tests.portal.factories import UserFactory

URL = "/extranet/recherche/"


@pytest.fixture
def two_structures(database_search):
    a = MembershipFactory()
    b = MembershipFactory()
    sa, sb = a.structure, b.structure
    database_search.index(
        [
            Document(
                kind="candidate",
                id="1",
                title="Dossier Alpha logement",
                text="",
                url="/c/1/",
                themes=["alpha"],
                visibility=f"scope:structure-{sa.pk}",
            ),
            Document(
                kind="candidate",
                id="2",
                title="Dossier Bravo logement",
                text="",
                url="/c/2/",
                themes=["bravo"],
                visibility=f"scope:structure-{sb.pk}",
            ),
            Document(
                kind="news",
                id="3",
                title="Dossier réseau logement",
                text="",
                url="/n/3/",
                themes=["reseau"],
                visibility="members",
            ),
            Document(
                kind="page",
                id="4",
                title="Dossier public logement",
                text="",
                url="/p/4/",
                themes=["public"],
            ),
        ]
    )
    return a.user, b.user


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_people_outside_the_network_are_refused(client, stranger):
    client.force_login(stranger)
    assert client.get(URL).status_code == 403
    assert client.get(reverse("search:extranet_suggest"), {"q": "dos"}).status_code == 403


def test_member_of_a_never_sees_what_only_b_may_see(client, two_structures):
    member_a, _member_b = two_structures
    client.force_login(member_a)
    response = client.get(URL, {"q": "dossier"})
    assert response.status_code == 200
    result = response.context["result"]
    assert {h.title for h in result.hits} == {
        "Dossier Alpha logement",
        "Dossier réseau logement",
        "Dossier public logement",
    }
    assert result.total == 3
    themes = dict(result.facets["themes"])
    assert "bravo" not in themes and themes["alpha"] == 1
    assert dict(result.facets["kind"]) == {"candidate": 1, "news": 1, "page": 1}
    html = response.content.decode()
    assert "Bravo" not in html and "bravo" not in html
    # A crafted filter on B's facet value finds nothing either.
    assert client.get(URL, {"themes": "bravo"}).context["result"].total == 0
    suggestions = client.get(reverse("search:extranet_suggest"), {"q": "dossier"}).json()
    assert "Dossier Bravo logement" not in suggestions["suggestions"]
    assert "Dossier Alpha logement" in suggestions["suggestions"]
    # Did-you-mean draws on the same visible entries.
    assert (
        "Dossier Alpha logement"
        in client.get(URL, {"q": "dossier alpah"}).context["result"].suggestions
    )
    typo = client.get(URL, {"q": "dossier bravp"}).context["result"]
    assert typo.total == 0
    assert not any("Bravo" in s for s in typo.suggestions)


def test_public_page_shows_no_restricted_document_even_to_members(client, two_structures):
    member_a, _ = two_structures
    client.force_login(member_a)
    assert client.get("/recherche/", {"q": "dossier"}).context["result"].total == 1


def test_regional_admin_sees_everything(client, two_structures):
    admin = UserFactory()
    admin.groups.add(Group.objects.get(name=REGIONAL_ADMIN_GROUP))
    client.force_login(admin)
    assert client.get(URL, {"q": "dossier"}).context["result"].total == 4


def test_scope_keys_by_role(db, member, pole_officer, regional_admin, youth):
    membership = member.memberships.get()
    assert scopes_for(member) == {"members", f"structure-{membership.structure_id}"}
    pole = pole_officer.welcome_poles.get()
    assert scopes_for(pole_officer) == {"members", f"pole-{pole.pk}"}
    assert scopes_for(regional_admin) == {"*"}
    assert scopes_for(youth) == set()


def test_inactive_membership_gives_no_scope(db):
    membership = MembershipFactory(is_active=False)
    assert f"structure-{membership.structure_id}" not in scopes_for(membership.user)


def test_pole_officer_sees_the_pole_scope(client, database_search):
    officer = UserFactory()
    pole = WelcomePoleFactory(officers=[officer])
    database_search.index(
        [
            Document(
                kind="candidate",
                id="9",
                title="Candidat du pôle",
                text="",
                url="/c/9/",
                visibility=f"scope:pole-{pole.pk}",
            )
        ]
    )
    client.force_login(officer)
    assert client.get(URL, {"q": "candidat"}).context["result"].total == 1
