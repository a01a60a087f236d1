"""The default backend: the index tables of `search.models`, queried with SQL.

Full text is SQLite FTS5 or PostgreSQL's `tsvector` (see migration 0002); everything
else — visibility, facet filters and counts, distance — is portable ORM.
"""

import difflib
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Count

from search.backends import db_query
from search.backends.base import BaseBackend, SearchResult, page_count
from search.documents import PUBLIC
from search.models import IndexEntry, IndexFacet, IndexSuggestion
from search.text import fold, terms

BATCH_SIZE = 500
MAX_SPELLING_CANDIDATES = 2000
CLOSE_ENOUGH = 0.75  # difflib ratio of a did-you-mean suggestion
MULTI_FIELDS = ("themes", "types")
SINGLE_FIELDS = ("kind", "department_code", "commune_code")


def _entry(doc):
    lat, lon = doc.point if doc.point else (None, None)
    return IndexEntry(
        kind=doc.kind,
        object_id=str(doc.id),
        title=doc.title[:500],
        text=doc.text or "",
        url=doc.url[:500],
        themes=list(doc.themes),
        types=list(doc.types),
        commune_code=doc.commune_code or "",
        department_code=doc.department_code or "",
        latitude=lat,
        longitude=lon,
        visibility=doc.visibility,
        is_public=doc.visibility == PUBLIC,
        updated_at=doc.updated_at,
        title_terms=" ".join(terms(doc.title)),
        text_terms=" ".join(terms(doc.text)),
    )


def _side_rows(entry_id, entry, doc):
    """(facet rows, suggestion rows) of an entry, as tuples for `executemany`."""
    facets = [(entry_id, f, getattr(entry, f)) for f in SINGLE_FIELDS]
    for f in MULTI_FIELDS:
        facets += [(entry_id, f, v[:200]) for v in dict.fromkeys(getattr(doc, f))]
    facets += [(entry_id, "scopes", s[:200]) for s in doc.scopes]
    suggestions = [(entry_id, s[:200], fold(s)[:200]) for s in doc.suggestions]
    return [f for f in facets if f[2]], suggestions


def _insert_rows(model, columns, rows):
    """Plain `executemany`: side rows are many, and need no model instance."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


class DatabaseBackend(BaseBackend):
    name = "database"

    def index(self, documents):
        documents = list(documents)
        for start in range(0, len(documents), BATCH_SIZE):
            self._write_batch(documents[start : start + BATCH_SIZE])
        return len(documents)

    @transaction.atomic
    def _write_batch(self, docs):
        docs = list({d.key: d for d in docs}.values())  # last version of a key wins
        by_kind = {}
        for doc in docs:
            by_kind.setdefault(doc.kind, []).append(str(doc.id))
        for kind, ids in by_kind.items():
            self.delete(kind, ids)
        entries = IndexEntry.objects.bulk_create([_entry(d) for d in docs])
        facets, suggestions = [], []
        for entry, doc in zip(entries, docs, strict=True):
            more_facets, more_suggestions = _side_rows(entry.pk, entry, doc)
            facets += more_facets
            suggestions += more_suggestions
        _insert_rows(IndexFacet, ("entry_id", "field", "value"), facets)
        _insert_rows(IndexSuggestion, ("entry_id", "text", "folded"), suggestions)
        db_query.index_changed()

    def delete(self, kind, ids):
        ids = [str(i) for i in ids]
        entries = list(
            IndexEntry.objects.filter(kind=kind, object_id__in=ids).values_list("id", flat=True)
        )
        if not entries:  # a rebuild writes new keys only: one cheap lookup per batch
            return
        IndexFacet.objects.filter(entry__in=entries).delete()
        IndexSuggestion.objects.filter(entry__in=entries).delete()
        IndexEntry.objects.filter(id__in=entries).delete()
        db_query.index_changed()

    def clear(self, kind=None):
        entries = IndexEntry.objects.all() if kind is None else IndexEntry.objects.filter(kind=kind)
        IndexFacet.objects.filter(entry__in=entries.values("id")).delete()
        IndexSuggestion.objects.filter(entry__in=entries.values("id")).delete()
        entries.delete()
        db_query.index_changed()

    @contextmanager
    def rebuilding(self, kinds=None):
        # Rebuilt in place, so readers see it fill (docs/decisions/0005-search-index.md).
        for kind in kinds or [None]:
            self.clear(kind)
        yield self
        self.refresh()

    def refresh(self):
        """Planner statistics of the index tables. Without them SQLite takes `is_public = 1`
        for a selective filter and scans most of the index for every query (ten times
        slower at 100k documents); run after a rebuild, and cheap (< 1 s at 100k)."""
        tables = [m._meta.db_table for m in (IndexEntry, IndexFacet, IndexSuggestion)]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"ANALYZE {', '.join(tables)}")
            else:
                for table in tables:
                    cursor.execute(f"ANALYZE {table}")

    def counts(self):
        rows = IndexEntry.objects.values("kind").annotate(n=Count("id")).order_by("kind")
        return {row["kind"]: row["n"] for row in rows}

    def kind_ids(self, kind):
        return set(IndexEntry.objects.filter(kind=kind).values_list("object_id", flat=True))

    def search(self, query):
        base = db_query.filtered(query)
        facets, total = db_query.facet_counts(query)
        if total is None:
            total = base.count()
        pages = page_count(total, query.per_page)
        hits = db_query.hits(query, base, total) if total else []
        return SearchResult(hits, total, facets, query.page, pages)

    def suggest(self, prefix, scopes, limit):
        folded = fold(" ".join(prefix.split()))[:200]
        if not folded:
            return []
        rows = db_query.visible_suggestions(scopes).filter(
            folded__gte=folded, folded__lt=folded + "\uffff"
        )
        return _distinct(rows.order_by("folded").values_list("text", flat=True)[: limit * 3], limit)

    def did_you_mean(self, text, scopes, limit):
        """Suggestions spelled like `text` (same first two letters), closest first. Each
        distinct spelling is scored once, cheap upper bounds first (as difflib's
        `get_close_matches`): a thousand candidates cost a few milliseconds."""
        folded = fold(" ".join(text.split()))[:200]
        if len(folded) < 3:
            return []
        rows = db_query.visible_suggestions(scopes).filter(
            folded__gte=folded[:2], folded__lt=folded[:2] + "\uffff"
        )
        spellings = {}
        for shown, cand in rows.values_list("text", "folded")[:MAX_SPELLING_CANDIDATES]:
            spellings.setdefault(cand[: len(folded) + 2], shown)
        matcher = difflib.SequenceMatcher(b=folded)
        scored = []
        for cand, shown in spellings.items():
            matcher.set_seq1(cand)
            if (
                cand != folded
                and matcher.real_quick_ratio() >= CLOSE_ENOUGH
                and matcher.quick_ratio() >= CLOSE_ENOUGH
                and (ratio := matcher.ratio()) >= CLOSE_ENOUGH
            ):
                scored.append((-ratio, shown))
        return _distinct([shown for _, shown in sorted(scored)], limit)


def _distinct(values, limit):
    return list(dict.fromkeys(values))[:limit]
