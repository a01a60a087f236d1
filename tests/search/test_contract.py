"""The search contract, run against every backend that can run here.

The database backend always runs (SQLite locally, PostgreSQL in CI with DATABASE_URL);
Elasticsearch runs when ELASTICSEARCH_URL is set. Same corpus, same expectations.
"""

import os
import uuid

import pytest

from search import api, backends
from search.documents import Document
from tests.search.corpus import BOURGANEUF, CORPUS, PUBLIC_IDS

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.fixture(
    params=[
        "database",
        pytest.param(
            "elasticsearch",
            marks=pytest.mark.skipif(
                not ES_URL,
                reason="ELASTICSEARCH_URL n'est pas défini : contrat Elasticsearch non exécuté",
            ),
        ),
    ]
)
def engine(request, db, settings):
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
        backends.reset()
        backend = backends.database_backend()
        backend.index(CORPUS)
    else:
        settings.ELASTICSEARCH_URL = ES_URL
        settings.SEARCH_ELASTICSEARCH_INDEX = f"passerelles-test-{uuid.uuid4().hex[:8]}"
        backends.reset()
        backend = backends.elastic_backend()
        with backend.rebuilding():
            backend.index(CORPUS)
        backend.refresh()
    assert backends.get_backend().name == request.param
    yield backend
    if request.param == "elasticsearch":
        backend.drop()
    backends.reset()


def ids(result):
    return {hit.id for hit in result.hits}


def test_empty_query_lists_every_public_document(engine):
    result = api.search()
    assert ids(result) == PUBLIC_IDS
    assert result.total == len(PUBLIC_IDS)
    assert (result.page, result.pages) == (1, 1)


@pytest.mark.parametrize("text", ["creche", "CRÈCHE", "crèches", "Creches"])
def test_accents_case_and_plural_never_matter(engine, text):
    assert ids(api.search(text)) == {"1"}


@pytest.mark.parametrize("text", ["logement", "logements", "LOGEMENTS"])
def test_plural_finds_singular(engine, text):
    assert ids(api.search(text)) == {"2", "3"}


def test_every_term_must_match(engine):
    assert ids(api.search("boulangerie logement")) == {"3"}
    assert ids(api.search("boulangerie crèche")) == set()


def test_elision_and_stop_words(engine):
    assert ids(api.search("garde d'enfants")) == {"1"}
    assert ids(api.search("l'emploi des jeunes")) == {"8"}


def test_hits_carry_the_document_and_a_safe_highlight(engine):
    [hit] = api.search("boulangeries").hits
    assert (hit.kind, hit.title, hit.url) == (
        "offer",
        "Reprise de boulangerie à Felletin",
        "/offres/boulangerie/",
    )
    assert hit.themes == ["emploi", "logement"] and hit.department_code == "23"
    assert hit.point == pytest.approx((45.883, 2.174))
    assert "<mark>Boulangerie</mark>" in hit.highlight
    [page] = api.search("juridiques").hits
    assert "<script>" not in page.highlight and "&lt;script&gt;" in page.highlight


def test_facet_counts(engine):
    facets = api.search().facets
    assert dict(facets["kind"]) == {"structure": 3, "offer": 1, "page": 1}
    assert dict(facets["themes"]) == {"emploi": 2, "logement": 2, "famille": 1, "garde-enfants": 1}
    assert dict(facets["department_code"]) == {"23": 3, "19": 1}
    assert facets["themes"][0][1] == 2  # most frequent first


def test_filters_and_disjunctive_counts(engine):
    result = api.search(filters={"themes": ["logement"]})
    assert ids(result) == {"2", "3"}
    # A checked facet keeps showing its other values, with their own counts…
    assert dict(result.facets["themes"])["famille"] == 1
    # …while the other facets count within the filtered hits.
    assert dict(result.facets["kind"]) == {"structure": 1, "offer": 1}
    assert ids(api.search(filters={"themes": ["famille", "emploi"]})) == {"1", "3", "8"}
    assert ids(api.search(filters={"themes": ["emploi"], "department_code": ["19"]})) == {"8"}


def test_unknown_facet_value_or_field_is_harmless(engine):
    assert api.search(filters={"themes": ["n'existe-pas"]}).total == 0
    assert api.search(filters={"colour": ["red"]}).total == len(PUBLIC_IDS)


def test_near_filters_and_sorts_by_distance(engine):
    assert ids(api.search(near=(BOURGANEUF, 20))) == {"1"}
    result = api.search(near=(BOURGANEUF, 30))
    assert [h.id for h in result.hits] == ["1", "2"]
    assert result.hits[0].distance_km == pytest.approx(0, abs=0.1)
    assert result.hits[1].distance_km == pytest.approx(25.8, abs=0.5)
    assert [h.id for h in api.search("logement", near=(BOURGANEUF, 40)).hits] == ["2", "3"]
    assert dict(api.search(near=(BOURGANEUF, 40)).facets["kind"]) == {"structure": 2, "offer": 1}


def test_pagination(engine):
    first = api.search(per_page=2)
    assert (len(first.hits), first.total, first.pages) == (2, 5, 3)
    seen = ids(first) | ids(api.search(per_page=2, page=2)) | ids(api.search(per_page=2, page=3))
    assert seen == PUBLIC_IDS
    beyond = api.search(per_page=2, page=99)
    assert beyond.page == 3 and len(beyond.hits) == 1


def test_browsing_themes_page_by_page_lists_newest_first(engine):
    """One hit a page (the database backend then reads the index newest first and keeps
    the matching rows) gives the same order as one long page (it sorts the matches)."""
    themes = {"themes": ["logement", "emploi"]}
    whole = [h.id for h in api.search(filters=themes, per_page=50).hits]
    assert whole == ["2", "3", "8"]
    walked = [
        h.id
        for page in range(1, len(whole) + 1)
        for h in api.search(filters=themes, per_page=1, page=page).hits
    ]
    assert walked == whole
    updated = {doc.id: doc.updated_at for doc in CORPUS}
    assert [updated[i] for i in whole] == sorted((updated[i] for i in whole), reverse=True)


def test_restricted_documents_follow_scopes(engine, scoped_users):
    assert "5" not in ids(api.search("logement"))
    member_of_1 = scoped_users({"members", "structure-1"})
    assert ids(api.search("logement", user=member_of_1)) == {"2", "3", "5", "7"}
    assert ids(api.search("logement", user=scoped_users({"pole-9"}))) == {"2", "3", "6"}
    everything = api.search(user=scoped_users({"*"}))
    assert everything.total == len(CORPUS)
    assert dict(everything.facets["kind"])["candidate"] == 2


def test_suggest_completes_what_the_user_may_see(engine, scoped_users):
    assert api.suggest("cre") == ["Crèche Les P'tits Loups"]
    assert api.suggest("CRÈ") == ["Crèche Les P'tits Loups"]
    assert api.suggest("fam") == []
    assert api.suggest("fam", user=scoped_users({"structure-1"})) == ["Famille Martin"]
    assert api.suggest("") == []


def test_zero_results_suggest_a_spelling(engine):
    result = api.search("boulangrie")
    assert result.total == 0
    assert "Boulangerie" in result.suggestions


@pytest.mark.parametrize(
    "text", ['"', "*", "NEAR(a b)", "a:b", "a & b", "!", "( ) -", "' OR 1=1 --"]
)
def test_query_syntax_is_never_interpreted(engine, text):
    api.search(text)  # no exception is the assertion
    assert api.suggest(text) is not None


def test_reindexing_replaces_and_delete_removes(engine):
    changed = CORPUS[0].__class__(**{**CORPUS[0].__dict__, "title": "Micro-crèche du Moulin"})
    engine.index([changed])
    engine.refresh()
    assert [h.title for h in api.search("creche").hits] == ["Micro-crèche du Moulin"]
    engine.delete("structure", ["1"])
    engine.refresh()
    assert api.search("creche").total == 0
    assert engine.counts()["structure"] == 2


def test_counts_follow_writes(engine):
    before = dict(api.search().facets["kind"])
    engine.index([Document(kind="page", id="99", title="Nouvelle page", text="", url="/n/")])
    engine.refresh()
    after = api.search()
    assert dict(after.facets["kind"])["page"] == before["page"] + 1
    assert after.total == len(PUBLIC_IDS) + 1
