"""Access control as a matrix, on the seeded demo (issue #14, item 6).

Every demo account (and an anonymous visitor) requests every URL pattern of the `extranet`
and `cartemploi` namespaces, once with an object of its scope and once with an object
outside it, as `tests/extranet/access_scopes.py` states the rules. Each answer must be the
one written in `access_expectations.EXPECTED`: a new URL pattern without an expectation
fails the test. A 403 must explain itself. Lists, exports and searches must name no
out-of-scope record. The demo is built once, for the one test.
"""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from extranet import demo
from extranet.enums import Role
from portal.models import User
from tests.extranet import access_scopes as scopes
from tests.extranet.access_expectations import ANONYMOUS, EXPECTED, METHOD, OBJECT_KIND
from tests.extranet.access_fixtures import complete_the_demo
from tests.extranet.access_leaks import leaks, text_of
from tests.extranet.test_seed_demo import demo_communes  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

NAMESPACES = ("extranet", "cartemploi")
LOGIN_URL = "/comptes/login/"
POLE = Role.POLE_OFFICER
EXPLAINED_403 = "Votre compte ne donne pas accès à cette page"


def url_names():
    """Every named pattern of the two namespaces, straight from the resolver."""
    names = []
    for namespace in NAMESPACES:
        _prefix, resolver = get_resolver().namespace_dict[namespace]
        names += [f"{namespace}:{name}" for name in _pattern_names(resolver.url_patterns)]
    return names


def _pattern_names(patterns):
    """Names of the patterns, through the unnamed groups (Cartemploi's public pages sit in a
    group of their own, also served under /en/)."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _pattern_names(pattern.url_patterns)
        else:
            yield pattern.name


def outcome(response):
    """A short name for what the visitor got."""
    if response.status_code in (301, 302):
        location = response["Location"]
        return "login" if location.startswith(LOGIN_URL) else "redirect"
    if response.status_code == 403:
        assert EXPLAINED_403 in response.content.decode(), "a 403 must explain itself"
    return str(response.status_code)


def request(client, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    if METHOD.get(name, "GET") == "POST":
        return client.post(url, {})
    return client.get(url)


def fixed_kwargs(name):
    return {"fmt": "csv"} if name.endswith("_export") else {}


def observe(name, who, user, client):
    """(in-scope answer, out-of-scope answer) of one account on one URL pattern."""
    kind = OBJECT_KIND[name]
    if kind is None:
        return outcome(request(client, name, fixed_kwargs(name))), None
    inside, outside = scopes.inside_and_outside(kind, user, who)
    answers = []
    for obj in (inside, outside):
        if obj is None:
            answers.append(None)
        else:
            answers.append(outcome(request(client, name, scopes.url_kwargs(kind, obj))))
    return tuple(answers)


def clients():
    anonymous = Client(raise_request_exception=True)
    yield ANONYMOUS, None, anonymous
    for account in demo.ACCOUNTS:
        user = User.objects.get(email=account.email)
        client = Client(raise_request_exception=True)
        client.force_login(user)
        yield account.role, user, client


def observed_matrix(names):
    matrix = {}
    for who, user, client in clients():
        for name in names:
            matrix[name, who] = observe(name, who, user, client)
    return matrix


def differences(matrix):
    wrong = []
    for (name, who), got in sorted(matrix.items()):
        want = EXPECTED[name][who]
        want = want if isinstance(want, tuple) else (want, want)
        if got[0] not in (None, want[0]) or got[1] not in (None, want[1]):
            wrong.append(f"{name} as {who}: got {got}, expected {want}")
    return wrong


@pytest.fixture
def seeded_demo(demo_communes):  # noqa: F811
    call_command("seed_demo", stdout=io.StringIO())
    complete_the_demo()
    call_command("search_index", "rebuild", "--no-progress", stdout=io.StringIO())


def test_every_role_gets_the_expected_answer_on_every_extranet_url(seeded_demo):
    names = url_names()
    assert not set(names) - set(EXPECTED), "a URL pattern has no expected answers"
    assert not set(EXPECTED) - set(names), "an expectation names a URL that is gone"
    matrix = observed_matrix(names)
    assert not differences(matrix), "\n".join(differences(matrix))
    # Every role met at least one in-scope object somewhere: the matrix is not empty.
    seen = {who for (name, who), got in matrix.items() if got[0] == "200"}
    assert seen >= {account.role for account in demo.ACCOUNTS}
    assert_the_lists_show_what_is_in_scope()
    for who, user, client in clients():
        if user is not None:
            assert not leaks(who, user, client), (who, leaks(who, user, client))


def assert_the_lists_show_what_is_in_scope():
    """The leak check reads references: the lists, exports and search must print them."""
    user = User.objects.get(email=next(a.email for a in demo.ACCOUNTS if a.role == POLE))
    client = Client()
    client.force_login(user)
    mine = scopes.candidates(user, POLE)
    for url in ("/extranet/candidats/", "/extranet/candidats/export.csv"):
        text = text_of(client.get(url))
        assert any(reference in text for reference in mine.values_list("reference", flat=True))
    candidate = mine.order_by("pk").first()
    found = client.get("/extranet/recherche/", {"q": candidate.last_name})
    assert candidate.reference in text_of(found)
