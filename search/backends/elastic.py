"""Elasticsearch backend (elasticsearch-dsl): bulk writes, one request per search, and
zero-downtime rebuilds into a fresh index that an alias then points to."""

from contextlib import contextmanager

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, helpers

from search.backends import elastic_schema as schema
from search.backends.base import BackendUnavailable, BaseBackend, SearchResult, page_count
from search.documents import Hit
from search.highlight import best_highlight


class ElasticBackend(BaseBackend):
    name = "elasticsearch"

    def __init__(self, url):
        self.client = Elasticsearch(
            url,
            request_timeout=settings.SEARCH_ELASTICSEARCH_TIMEOUT,
            max_retries=0,
            retry_on_timeout=False,
        )
        self.alias = settings.SEARCH_ELASTICSEARCH_INDEX
        self.target = self.alias

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except TransportError as error:  # connection refused, timeout, TLS…
            raise BackendUnavailable(str(error)) from error
        except ApiError as error:
            if error.meta.status >= 500:
                raise BackendUnavailable(str(error)) from error
            raise

    def check(self):
        self._call(self.client.info)

    def _new_index(self):
        self._call(schema.index_template(self.alias).save, using=self.client)
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        self._call(self.client.indices.create, index=name)
        return name

    def _ensure_index(self):
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            name = self._new_index()
            self._call(self.client.indices.put_alias, index=name, name=self.alias)

    def index(self, documents):
        if self.target == self.alias:
            self._ensure_index()
        actions = (
            {"_index": self.target, "_id": d.key, "_source": schema.source_of(d)} for d in documents
        )
        written, _errors = self._call(helpers.bulk, self.client, actions, chunk_size=500)
        return written

    def delete(self, kind, ids):
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": f"{kind}:{i}"} for i in ids]
        self._call(helpers.bulk, self.client, actions, raise_on_error=False)

    def refresh(self):
        self._call(self.client.indices.refresh, index=self.alias)

    @contextmanager
    def rebuilding(self, kinds=None):
        if kinds:  # a partial rebuild stays in the live index
            self._ensure_index()
            query = {"terms": {"kind": list(kinds)}}
            self._call(self.client.delete_by_query, index=self.alias, query=query)
            yield self
            return
        old = self._indices()
        self.target = self._new_index()
        try:
            yield self
            self._call(self.client.indices.refresh, index=self.target)
            actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
            actions.append({"add": {"index": self.target, "alias": self.alias}})
            self._call(self.client.indices.update_aliases, actions=actions)
            for name in old:
                self._call(self.client.indices.delete, index=name)
        finally:
            self.target = self.alias

    def _indices(self):
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            return []
        return list(self._call(self.client.indices.get_alias, name=self.alias).body)

    def drop(self):
        for name in self._indices():
            self._call(self.client.indices.delete, index=name)

    def counts(self):
        if not self._indices():
            return {}
        body = {"size": 0, "aggs": {"kinds": {"terms": {"field": "kind", "size": 200}}}}
        response = self._call(self.client.search, index=self.alias, body=body)
        return {b["key"]: b["doc_count"] for b in response["aggregations"]["kinds"]["buckets"]}

    def kind_ids(self, kind):
        query = {"query": {"term": {"kind": kind}}, "_source": ["object_id"]}
        hits = self._call(list, helpers.scan(self.client, query=query, index=self.alias))
        return {h["_source"]["object_id"] for h in hits}

    def search(self, query):
        self._ensure_index()
        s = schema.build_search(query, self.alias).using(self.client)
        response = self._call(s.execute)
        total = response.hits.total.value
        facets = {
            name: [(b.key, b.doc_count) for b in response.aggregations[name]["values"].buckets]
            for name in query.facets
        }
        hits = [_hit(h, query) for h in response.hits]
        return SearchResult(hits, total, facets, query.page, page_count(total, query.per_page))

    def _suggest(self, prefix, scopes, limit, fuzzy):
        self._ensure_index()
        body = schema.suggest_body(prefix, scopes, limit, fuzzy=fuzzy)
        response = self._call(self.client.search, index=self.alias, body=body)
        options = response["suggest"]["complete"][0]["options"]
        return list(dict.fromkeys(o["text"] for o in options))[:limit]

    def suggest(self, prefix, scopes, limit):
        return self._suggest(prefix, scopes, limit, fuzzy=False)

    def did_you_mean(self, text, scopes, limit):
        return self._suggest(text[:50], scopes, limit, fuzzy=True)


def _hit(h, query):
    source = h.to_dict()
    point = source.get("point")
    distance = h.meta.sort[0] if query.near and "sort" in h.meta else None
    return Hit(
        kind=source["kind"],
        id=source["object_id"],
        title=source["title"],
        text=source.get("text") or "",
        url=source["url"],
        themes=list(source.get("themes") or []),
        types=list(source.get("types") or []),
        commune_code=source.get("commune_code") or "",
        department_code=source.get("department_code") or "",
        point=(point["lat"], point["lon"]) if point else None,
        visibility=source.get("visibility", "public"),
        updated_at=parse_datetime(source["updated_at"]) if source.get("updated_at") else None,
        highlight=best_highlight(source["title"], source.get("text") or "", query.terms),
        distance_km=distance,
    )
