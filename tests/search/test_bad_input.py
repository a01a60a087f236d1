"""Whatever is typed into the search page or its URL: never a 500."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from search import api
from tests.portal.factories import CommuneFactory
from tests.search.corpus import CORPUS

URL = "/recherche/"
FTS_OPERATORS = ['"', "*", "NEAR", ":", "&", "!", "(", ")", "-", "^", "|", "'", "OR", "AND", "NOT"]
fuzzy_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(FTS_OPERATORS + ["logement", "crèche", " "]), max_size=30).map(
        "".join
    ),
    st.text(alphabet=st.characters(categories=["P", "S", "Z"]), max_size=50),
)
radius = st.one_of(
    st.integers(-(10**6), 10**6).map(str), st.floats(allow_nan=True).map(str), st.text(max_size=10)
)
hypothesis_settings = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def corpus(database_search):
    database_search.index(CORPUS)
    CommuneFactory(insee_code="23030", name="Bourganeuf", latitude=45.953, longitude=1.756)


@hypothesis_settings
@given(
    q=fuzzy_text,
    place=fuzzy_text,
    radius=radius,
    page=st.text(max_size=8),
    theme=st.text(max_size=40),
)
@example(q="", place="", radius="20", page="²", theme="")  # a digit to str, not to int()
def test_search_page_never_fails(client, corpus, q, place, radius, page, theme):
    response = client.get(
        URL,
        {"q": q, "place": place, "radius": radius, "page": page, "themes": theme, "kind": q[:20]},
    )
    assert response.status_code == 200


@hypothesis_settings
@given(q=fuzzy_text)
def test_suggestions_never_fail(client, corpus, q):
    assert client.get("/recherche/suggestions/", {"q": q}).status_code == 200


@pytest.mark.parametrize(
    "q",
    [
        "",
        " ",
        "x" * 10_000,
        "!!! ??? ...",
        '" * NEAR : & ! ( ) -',
        "NEAR(logement crèche)",
        "logement:*",
        "'; DROP TABLE search_indexentry; --",
        "\x00logement",
    ],
)
def test_named_bad_queries(client, corpus, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200


def test_ten_thousand_characters_are_cut_with_a_message(client, corpus):
    response = client.get(URL, {"q": "logement " * 1200})
    assert "Votre recherche a été raccourcie à 200 caractères." in response.content.decode()
    assert response.context["result"].total == 2


def test_punctuation_only_lists_everything(client, corpus):
    assert client.get(URL, {"q": "?!;:,."}).context["result"].total == 5


def test_api_clamps_what_code_passes(corpus):
    assert api.search(near=((45.953, 1.756), -5)).total == 1  # 1 km
    # 200 km covers every located public document (the legal page has no point).
    assert api.search(near=((45.953, 1.756), 10_000)).total == 4
    assert api.search(near=((999, 1.756), 20)).total == 5  # invalid point: ignored
    assert api.search(page=-3).page == 1
    assert len(api.search(per_page=10_000).hits) == 5
