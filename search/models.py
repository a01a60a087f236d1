"""The database backend's index: one row per document, with its facet values and its
completion entries in side tables so that filters and facet counts are plain SQL.

Full text lives beside it, created by migration 0002 for the database in use: an FTS5
table kept in sync by triggers on SQLite, a generated `tsvector` column with a GIN index
on PostgreSQL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexEntry(models.Model):
    kind = models.CharField(_("nature"), max_length=40)
    object_id = models.CharField(_("identifiant"), max_length=64)
    title = models.CharField(_("titre"), max_length=500)
    text = models.TextField(_("texte"), blank=True)
    url = models.CharField(_("adresse"), max_length=500)
    themes = models.JSONField(_("thèmes"), default=list, blank=True)
    types = models.JSONField(_("types"), default=list, blank=True)
    commune_code = models.CharField(_("commune"), max_length=10, blank=True)
    department_code = models.CharField(_("département"), max_length=3, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    visibility = models.CharField(_("visibilité"), max_length=500, default="public")
    is_public = models.BooleanField(_("public"), default=True)
    updated_at = models.DateTimeField(_("mis à jour le"), null=True, blank=True)
    # Normalised terms (see search.text) that the SQLite FTS5 table indexes.
    title_terms = models.TextField(blank=True)
    text_terms = models.TextField(blank=True)

    class Meta:
        verbose_name = _("entrée d'index")
        verbose_name_plural = _("entrées d'index")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_unique_document")
        ]
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="search_point_idx"),
            models.Index(fields=["is_public", "kind"], name="search_public_kind_idx"),
            models.Index(fields=["updated_at"], name="search_updated_idx"),
            # Facet counts read only these columns of the matching entries: from this
            # index, not from the rows and their texts (2.5 times faster at 100k).
            models.Index(
                fields=[
                    "id",
                    "is_public",
                    "kind",
                    "types",
                    "department_code",
                    "themes",
                    "commune_code",
                ],
                name="search_facet_cover_idx",
            ),
        ]

    def __str__(self):
        return f"{self.kind}:{self.object_id} {self.title}"


class IndexFacet(models.Model):
    """One facet value of an entry (field "themes", value "logement"…); "scopes" rows
    hold the scope keys that open a restricted entry."""

    entry = models.ForeignKey(IndexEntry, on_delete=models.CASCADE, related_name="facets")
    field = models.CharField(max_length=32)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [
            models.Index(fields=["field", "value", "entry"], name="search_facet_value_idx"),
            models.Index(fields=["entry", "field", "value"], name="search_facet_entry_idx"),
        ]

    def __str__(self):
        return f"{self.field}={self.value}"


class IndexSuggestion(models.Model):
    """A completion entry: the text shown and its folded form matched by prefix."""

    entry = models.ForeignKey(IndexEntry, on_delete=models.CASCADE, related_name="suggestions")
    text = models.CharField(max_length=200)
    folded = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["folded"], name="search_suggest_folded_idx")]

    def __str__(self):
        return self.text


class FtsMatchField(models.TextField):
    """The FTS5 table-named column; `__match` compiles to `MATCH`."""


@FtsMatchField.register_lookup
class Match(models.Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class FtsRow(models.Model):
    """The SQLite FTS5 table (created by migration 0002), joined on rowid = entry id.

    Unmanaged: Django never creates or writes it; triggers keep it in sync.
    """

    entry = models.OneToOneField(
        IndexEntry,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        related_name="fts",
    )
    # FTS5's hidden columns: the table-named column takes MATCH, `rank` is bm25.
    document = FtsMatchField(db_column="search_fts")
    rank = models.FloatField(db_column="rank")

    class Meta:
        managed = False
        db_table = "search_fts"

    def __str__(self):
        return str(self.entry_id)
