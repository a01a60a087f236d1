"""The one pagination helper, and every list and API reading a page or offset number: what a
visitor types into the URL ("abc", "-1", "²", a 20-digit number) never gives a 5xx."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from portal.models import Commune
from portal.pagination import (
    MAX_PAGE,
    bounded_int,
    page_number,
    paginate,
    paginate_uncounted,
)
from tests.extranet.factories import ReferralFactory
from tests.portal import factories as offers
from tests.portal.factories import CommuneFactory
from tests.repertoire.factories import StructureFactory, repertoire_page

NASTY = ["99999999999999999999", "²", "-1", "abc", "0", "1e400", "٣", " 2 ", "9" * 5000, ""]
numbers = st.one_of(
    st.sampled_from(NASTY),
    st.integers().map(str),
    st.text(max_size=25),
)
hypothesis_settings = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, 1),
        ("", 1),
        ("3", 3),
        (" 3 ", 3),
        ("+3", 3),
        (7, 7),
        ("-1", 1),
        ("0", 1),
        ("abc", 1),
        ("²", 1),  # a digit for str.isdigit(), not for int()
        ("٣", 1),  # an Arabic-Indic three
        ("1e3", 1),
        ("2.0", 1),
        ("99999999999999999999", MAX_PAGE),
        ("9" * 5000, MAX_PAGE),  # longer than int() accepts
    ],
)
def test_page_number_is_bounded(raw, expected):
    assert page_number(raw) == expected


def test_bounded_int_clamps_both_ways():
    assert bounded_int("-99999999999999999999", default=0, minimum=0, maximum=10) == 0
    assert bounded_int("42", default=0, minimum=0, maximum=10) == 10
    assert bounded_int("x", default=5, minimum=0, maximum=10) == 5


@pytest.fixture
def communes(db):
    for n in range(7):
        CommuneFactory(insee_code=f"87{n:03d}", name=f"Bourg {n}")
    return Commune.objects.filter(insee_code__startswith="87").order_by("insee_code")


def test_paginate_counts_in_the_same_query(communes, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = paginate(communes, "2", 3)
        assert [c.name for c in page] == ["Bourg 3", "Bourg 4", "Bourg 5"]
        assert (page.paginator.count, page.paginator.num_pages) == (7, 3)
    assert page.has_previous() and page.has_next()


@pytest.mark.parametrize("raw", ["4", "99999999999999999999"])
def test_paginate_past_the_end_gives_the_last_page(communes, raw):
    page = paginate(communes, raw, 3)
    assert page.number == 3 and [c.name for c in page] == ["Bourg 6"]


def test_paginate_with_a_kept_count_reads_the_rows_alone(communes, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = paginate(communes, "2", 3, total=7)
        assert [c.name for c in page] == ["Bourg 3", "Bourg 4", "Bourg 5"]
        assert page.paginator.num_pages == 3 and page.has_next()


def test_paginate_never_trusts_a_kept_count_below_the_rows(communes):
    """Rows written without signals (a bulk import) leave a kept count behind."""
    page = paginate(communes, "3", 3, total=2)
    assert [c.name for c in page] == ["Bourg 6"] and page.has_previous()
    assert page.previous_page_number() == 2


def test_paginate_distinct_queryset_counts_rows_once(communes):
    page = paginate(communes.distinct(), "1", 5)
    assert page.paginator.count == 7 and len(page.object_list) == 5


def test_paginate_empty_list(db):
    page = paginate(Commune.objects.none(), "5", 10)
    assert page.number == 1 and page.paginator.count == 0 and list(page) == []


def test_paginate_uncounted_says_whether_there_is_more(communes, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = paginate_uncounted(communes, "2", 3)
    assert [c.name for c in page.object_list] == ["Bourg 3", "Bourg 4", "Bourg 5"]
    assert page.has_previous and page.has_next and page.next_page_number() == 3
    last = paginate_uncounted(communes, "3", 3)
    assert not last.has_next and last.previous_page_number() == 2
    assert paginate_uncounted(communes, "99999999999999999999", 3).object_list == []


@pytest.fixture
def lists(db, network, pole_officer):  # noqa: F811 (the fixture imported above)
    """One row in each list: the répertoire, the offers, the referrals, the directory."""
    repertoire_page()
    StructureFactory()
    offers.offer(commune=CommuneFactory())
    ReferralFactory(sender=network.member_a, sender_structure=network.a, target_structure=network.b)
    return network


@hypothesis_settings
@given(page=numbers)
@example(page="99999999999999999999")
def test_public_lists_never_fail(client, lists, page):
    for url in ("/repertoire/", offers.offer_index().url, reverse("cartemploi:index")):
        assert client.get(url, {"page": page}).status_code == 200, url


@hypothesis_settings
@given(page=numbers)
@example(page="99999999999999999999")
def test_extranet_lists_never_fail(client, lists, pole_officer, page):
    client.force_login(lists.member_a)
    for name in ("extranet:referral_list", "extranet:directory"):
        assert client.get(reverse(name), {"page": page}).status_code == 200, name
    client.force_login(pole_officer)
    assert client.get(reverse("extranet:candidate_list"), {"page": page}).status_code == 200


@hypothesis_settings
@given(offset=numbers, limit=numbers)
@example(offset="99999999999999999999", limit="10")
@example(offset="10", limit="99999999999999999999")
@example(offset="-1", limit="-1")
def test_services_api_never_fails(client, lists, offset, limit):
    for path in ("/api/repertoire/services", "/api/repertoire/structures"):
        response = client.get(path, {"offset": offset, "limit": limit})
        assert response.status_code < 500, (path, response.content[:300])
