"""Elasticsearch index template and query bodies, as pure functions of a `Query`.

Kept apart from the client code so that unit tests check the exact bodies sent.
"""

from elasticsearch_dsl import (
    A,
    Boolean,
    Completion,
    Date,
    GeoPoint,
    Index,
    InnerDoc,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)

from search.backends.base import MAX_FACET_VALUES
from search.documents import ALL_SCOPES, PUBLIC

ELISIONS = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]
french = analyzer(
    "passerelles_french",
    tokenizer="standard",
    filter=[
        token_filter("passerelles_elision", "elision", articles=ELISIONS, articles_case=True),
        "lowercase",
        token_filter("passerelles_french_stop", "stop", stopwords="_french_"),
        "asciifolding",
        token_filter("passerelles_light_french", "stemmer", language="light_french"),
    ],
)
folding = analyzer(
    "passerelles_folding", tokenizer="standard", filter=["lowercase", "asciifolding"]
)
PUBLIC_CONTEXT = "public"


class SearchMapping(InnerDoc):
    kind = Keyword()
    object_id = Keyword()
    title = Text(analyzer=french, fields={"raw": Keyword()})
    text = Text(analyzer=french)
    url = Keyword(index=False)
    themes = Keyword()
    types = Keyword()
    commune_code = Keyword()
    department_code = Keyword()
    point = GeoPoint()
    visibility = Keyword(index=False)
    is_public = Boolean()
    scopes = Keyword()
    updated_at = Date()
    suggest = Completion(
        analyzer=folding, contexts=[{"name": "scope", "type": "category", "path": "scopes_ctx"}]
    )
    scopes_ctx = Keyword()


def index_template(alias, replicas=1):
    """The composable template every `<alias>-*` index is created from."""
    index = Index(f"{alias}-*")
    index.settings(number_of_shards=1, number_of_replicas=replicas)
    index.analyzer(french)
    index.analyzer(folding)
    index.mapping(SearchMapping._doc_type.mapping)
    return index.as_composable_template(f"{alias}-template", pattern=f"{alias}-*", priority=100)


def source_of(doc):
    """The `_source` stored for a document."""
    scopes = doc.scopes
    return {
        "kind": doc.kind,
        "object_id": str(doc.id),
        "title": doc.title,
        "text": doc.text,
        "url": doc.url,
        "themes": list(doc.themes),
        "types": list(doc.types),
        "commune_code": doc.commune_code,
        "department_code": doc.department_code,
        "point": {"lat": doc.point[0], "lon": doc.point[1]} if doc.point else None,
        "visibility": doc.visibility,
        "is_public": doc.visibility == PUBLIC,
        "scopes": scopes,
        "updated_at": doc.updated_at.isoformat() if doc.updated_at else None,
        "suggest": {"input": doc.suggestions},
        "scopes_ctx": scopes or [PUBLIC_CONTEXT],
    }


def visibility_filter(scopes):
    if ALL_SCOPES in scopes:
        return Q("match_all")
    if not scopes:
        return Q("term", is_public=True)
    return Q(
        "bool",
        should=[Q("term", is_public=True), Q("terms", scopes=sorted(scopes))],
        minimum_should_match=1,
    )


def _facet_filter(filters):
    clauses = [Q("terms", **{name: list(values)}) for name, values in sorted(filters.items())]
    return Q("bool", filter=clauses) if clauses else Q("match_all")


def _base(query, index):
    s = Search(index=index).extra(track_total_hits=True)
    s = s.filter(visibility_filter(query.scopes))
    if query.terms:
        s = s.query(
            "multi_match",
            query=query.text,
            fields=["title^10", "text"],
            type="cross_fields",
            operator="and",
        )
    if query.near:
        lat, lon, km = query.near
        s = s.filter("geo_distance", distance=f"{km}km", point={"lat": lat, "lon": lon})
    return s


def _sort(query):
    order = []
    if query.near:
        lat, lon, _km = query.near
        order.append(
            {"_geo_distance": {"point": {"lat": lat, "lon": lon}, "order": "asc", "unit": "km"}}
        )
    if query.terms:
        order.append({"_score": {"order": "desc"}})
    return [*order, {"updated_at": {"order": "desc", "missing": "_last"}}, "title.raw", "object_id"]


def build_search(query, index):
    """Hits, total and disjunctive facet counts of a `Query` in one request."""
    s = _base(query, index)
    if query.filters:
        s = s.post_filter(_facet_filter(query.filters))
    for name in query.facets:
        agg = A("filter", filter=_facet_filter(query.filters_without(name)))
        values = A(
            "terms", field=name, size=MAX_FACET_VALUES, order=[{"_count": "desc"}, {"_key": "asc"}]
        )
        agg.bucket("values", values)
        s.aggs.bucket(name, agg)
    s = s.sort(*_sort(query))
    return s[query.offset : query.offset + query.per_page]


def suggest_body(prefix, scopes, limit, fuzzy=False):
    completion = {"field": "suggest", "size": limit, "skip_duplicates": True}
    if ALL_SCOPES not in scopes:
        completion["contexts"] = {"scope": [PUBLIC_CONTEXT, *sorted(scopes)]}
    if fuzzy:
        completion["fuzzy"] = {"fuzziness": "AUTO"}
    return {"suggest": {"complete": {"prefix": prefix, "completion": completion}}, "_source": False}
