"""Elasticsearch: the exact template and query bodies (unit), and the fallback to the
database when the configured cluster cannot be reached (real connection, no mock)."""

import logging

import pytest

from search import api, backends
from search.backends.base import Query
from search.backends.elastic_schema import build_search, index_template, source_of, suggest_body
from tests.search.corpus import CORPUS


def test_template_declares_the_french_analyzer_and_field_types():
    body = index_template("passerelles").to_dict()
    assert body["index_patterns"] == ["passerelles-*"]
    analysis = body["template"]["settings"]["analysis"]
    chain = analysis["analyzer"]["passerelles_french"]["filter"]
    assert chain == [
        "passerelles_elision",
        "lowercase",
        "passerelles_french_stop",
        "asciifolding",
        "passerelles_light_french",
    ]
    assert analysis["filter"]["passerelles_light_french"] == {
        "type": "stemmer",
        "language": "light_french",
    }
    assert "qu" in analysis["filter"]["passerelles_elision"]["articles"]
    fields = body["template"]["mappings"]["properties"]
    assert fields["point"] == {"type": "geo_point"}
    for facet in ("kind", "themes", "types", "department_code", "scopes"):
        assert fields[facet] == {"type": "keyword"}
    assert fields["title"]["analyzer"] == "passerelles_french"
    assert fields["suggest"]["type"] == "completion"
    assert fields["suggest"]["contexts"][0]["path"] == "scopes_ctx"


def test_source_of_a_restricted_document():
    source = source_of(CORPUS[5])
    assert source["scopes"] == ["structure-2", "pole-9"] and source["is_public"] is False
    assert source["scopes_ctx"] == ["structure-2", "pole-9"]
    assert source["point"] == {"lat": 45.834, "lon": 1.261}
    assert source_of(CORPUS[0])["scopes_ctx"] == ["public"]


def test_public_query_body():
    query = Query(text="Crèches Guéret", facets=("kind", "themes"), per_page=20, page=2)
    body = build_search(query, "passerelles").to_dict()
    assert body["query"]["bool"]["filter"] == [{"term": {"is_public": True}}]
    assert body["query"]["bool"]["must"] == [
        {
            "multi_match": {
                "query": "Crèches Guéret",
                "fields": ["title^10", "text"],
                "type": "cross_fields",
                "operator": "and",
            }
        }
    ]
    assert (body["from"], body["size"]) == (20, 20)
    assert body["aggs"]["kind"]["filter"] == {"match_all": {}}
    assert body["aggs"]["themes"]["aggs"]["values"]["terms"]["field"] == "themes"
    assert body["track_total_hits"] is True


def test_filtered_near_scoped_query_body():
    query = Query(
        filters={"themes": ("logement",), "kind": ("offer",)},
        facets=("kind", "themes"),
        near=(45.95, 1.75, 20.0),
        scopes=frozenset({"structure-1", "members"}),
    )
    body = build_search(query, "passerelles").to_dict()
    visibility, distance = body["query"]["bool"]["filter"]
    assert visibility["bool"]["should"][1] == {"terms": {"scopes": ["members", "structure-1"]}}
    assert distance == {
        "geo_distance": {"distance": "20.0km", "point": {"lat": 45.95, "lon": 1.75}}
    }
    # Hits obey every filter; each facet's counts ignore its own filter only.
    assert body["post_filter"] == {
        "bool": {"filter": [{"terms": {"kind": ["offer"]}}, {"terms": {"themes": ["logement"]}}]}
    }
    assert body["aggs"]["themes"]["filter"] == {
        "bool": {"filter": [{"terms": {"kind": ["offer"]}}]}
    }
    assert body["sort"][0]["_geo_distance"]["unit"] == "km"


def test_admin_query_and_suggest_bodies():
    admin = Query(scopes=frozenset({"*"}))
    assert build_search(admin, "p").to_dict()["query"]["bool"]["filter"] == [{"match_all": {}}]
    body = suggest_body("cre", frozenset({"structure-1"}), 8)
    assert body["suggest"]["complete"]["completion"]["contexts"] == {
        "scope": ["public", "structure-1"]
    }
    assert (
        "fuzzy"
        in suggest_body("boulangrie", frozenset(), 3, fuzzy=True)["suggest"]["complete"][
            "completion"
        ]
    )
    assert (
        "contexts"
        not in suggest_body("x", frozenset({"*"}), 3)["suggest"]["complete"]["completion"]
    )


@pytest.fixture
def unreachable_elasticsearch(db, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # discard port: connection refused
    settings.SEARCH_ELASTICSEARCH_TIMEOUT = 1
    backends.reset()
    yield
    backends.reset()


def test_unreachable_elasticsearch_falls_back_to_the_database_with_one_warning(
    unreachable_elasticsearch, caplog
):
    backends.database_backend().index(CORPUS)
    with caplog.at_level(logging.WARNING, logger="search"):
        first = api.search("crèche")
        second = api.search("logement")
        completions = api.suggest("cre")
    assert [h.id for h in first.hits] == ["1"]
    assert {h.id for h in second.hits} == {"2", "3"}
    assert completions == ["Crèche Les P'tits Loups"]
    warnings = [r for r in caplog.records if r.name == "search" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "127.0.0.1:9" in warnings[0].getMessage()
    assert backends.get_backend().name == "database"
