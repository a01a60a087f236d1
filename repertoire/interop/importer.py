"""Import of data·inclusion files (structures and services, schema v1).

Every row is validated first — by the official schema's models, then by our own models'
validators (opening hours, SIRET, lengths) and against the reference communes — and the
report names the line, the field and the reason in French. Nothing is written when a row
is invalid, unless `partial`: then only valid rows are written and the others listed.

Rows are keyed by (source, id), so importing the same file again updates, never
duplicates. Schema fields we have no column for are kept in `di_extra`, which the export
writes back: an import → export round trip loses no field.
"""

from dataclasses import dataclass, field
from datetime import date

import pydantic
from data_inclusion.schema import v1 as di
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from portal.models import Commune
from repertoire.interop import writing
from repertoire.interop.mapping import KEY_FIELDS, SERVICE_FIELDS, STRUCTURE_FIELDS
from repertoire.interop.reading import LIST_FIELDS, SERVICE, STRUCTURE, FileError, read_rows
from repertoire.models import Service, Structure

__all__ = ["FileError", "ImportReport", "import_files", "import_rows"]

SCHEMAS = {STRUCTURE: di.Structure, SERVICE: di.Service}
SET_FIELDS = LIST_FIELDS - {"zone_eligibilite"}


@dataclass
class RowError:
    line: int
    kind: str
    record_id: str
    field: str
    reason: str
    file: str = ""

    def __str__(self):
        what = _("structure") if self.kind == STRUCTURE else _("service")
        where = f" ({what} {self.record_id})" if self.record_id else f" ({what})"
        prefix = f"{self.file}, " if self.file else ""
        return prefix + _("ligne %(line)d%(where)s, champ « %(field)s » : %(reason)s") % {
            "line": self.line,
            "where": where,
            "field": self.field,
            "reason": self.reason,
        }


@dataclass
class ValidRow:
    line: int
    kind: str
    source: str
    id: str
    values: dict  # model field → value
    extra: dict  # schema fields without a column
    commune_code: str = ""
    structure_id: str = ""
    file: str = ""

    @property
    def key(self):
        return (self.source, self.id)


@dataclass
class ImportReport:
    rows: int = 0
    errors: list = field(default_factory=list)
    skipped_lines: list = field(default_factory=list)
    written: bool = False
    counts: dict = field(default_factory=dict)
    structure_ids: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


# --- Validation ------------------------------------------------------------------------


def _shown(value, limit=60):
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def schema_reason(error):
    """A pydantic error of the data·inclusion models, said in French."""
    kind, ctx, shown = error["type"], error.get("ctx") or {}, _shown(error.get("input", ""))
    if kind == "missing":
        return _("champ obligatoire manquant")
    if kind == "string_too_short":
        return _("trop court (%(n)s caractères au moins)") % {"n": ctx.get("min_length")}
    if kind == "string_too_long":
        return _("trop long (%(n)s caractères au plus)") % {"n": ctx.get("max_length")}
    if kind == "string_pattern_mismatch":
        return _("format invalide : « %s »") % shown
    if kind == "enum":
        return _("valeur inconnue : « %s »") % shown
    if kind.startswith("date"):
        return _("date invalide : « %s » (attendu : AAAA-MM-JJ)") % shown
    if kind.startswith("url"):
        return _("adresse web invalide : « %s »") % shown
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return _("nombre attendu : « %s »") % shown
    if kind in ("set_type", "list_type"):
        return _("liste de valeurs attendue")
    if kind == "string_type":
        return _("texte attendu")
    if kind == "value_error" and error["loc"][:1] == ("courriel",):
        return _("adresse e-mail invalide : « %s »") % shown
    if kind == "value_error":  # the schema's own validators speak French
        return error["msg"].removeprefix("Value error, ")
    return _("valeur invalide : « %s »") % shown


def _schema_check(raw):
    """(validated record as JSON-ready dict, errors as (field, reason))."""
    schema = SCHEMAS[raw.kind]
    try:
        record = schema.model_validate(raw.data, context={"ignore_warnings": True})
    except pydantic.ValidationError as error:
        errors = error.errors()
        return None, [(str(e["loc"][0]) if e["loc"] else "-", schema_reason(e)) for e in errors]
    dumped = record.model_dump(mode="json", exclude_none=True)
    # The schema's sets come out in any order: sorted, so that re-imports compare equal.
    return {k: sorted(v) if k in SET_FIELDS else v for k, v in dumped.items()}, []


def _model_values(record, mapping, model):
    values = {}
    for schema_name, name in mapping.items():
        value = record.get(schema_name)
        if value is None:
            value = model._meta.get_field(name).get_default()
        values[name] = value
    if "last_verified_at" in values and values["last_verified_at"]:
        values["last_verified_at"] = date.fromisoformat(values["last_verified_at"])
    return values


def _model_check(model, values, mapping):
    """Our models' own validators (opening hours, SIRET, lengths), by schema field."""
    names = {v: k for k, v in mapping.items()}
    exclude = [f.name for f in model._meta.fields if f.name not in values]
    try:
        model(**values).clean_fields(exclude=exclude)
    except ValidationError as error:
        return [(names.get(f, f), " ".join(m)) for f, m in error.message_dict.items()]
    return []


def _extra(record, mapping, kind):
    return {k: v for k, v in record.items() if k not in mapping and k not in KEY_FIELDS[kind]}


def check_row(raw):
    """A `ValidRow`, or the row's errors as [(field, reason)]."""
    record, errors = _schema_check(raw)
    if errors:
        return None, errors
    mapping, model = (
        (STRUCTURE_FIELDS, Structure) if raw.kind == STRUCTURE else (SERVICE_FIELDS, Service)
    )
    values = _model_values(record, mapping, model)
    errors = _model_check(model, values, mapping)
    if errors:
        return None, errors
    extra = _extra(record, mapping, raw.kind)
    if raw.kind == STRUCTURE and record.get("code_insee"):
        extra.pop("commune", None)  # the name comes from the reference communes
    row = ValidRow(raw.line, raw.kind, record["source"], record["id"], values, extra, file=raw.file)
    row.commune_code = record.get("code_insee", "") if raw.kind == STRUCTURE else ""
    row.structure_id = record.get("structure_id", "")
    return row, []


def _known_communes(codes):
    codes, known = sorted(codes), set()
    for start in range(0, len(codes), 500):
        chunk = codes[start : start + 500]
        known |= set(Commune.objects.filter(insee_code__in=chunk).values_list("pk", flat=True))
    return known


def _existing_structure_keys(keys):
    """(source, id) of the structures already in the database among `keys`."""
    found = set()
    by_source = {}
    for source, di_id in keys:
        by_source.setdefault(source, []).append(di_id)
    for source, ids in by_source.items():
        for start in range(0, len(ids), 500):
            rows = Structure.objects.filter(di_source=source, di_id__in=ids[start : start + 500])
            found |= set(rows.values_list("di_source", "di_id"))
    return found


class _Checker:
    """Collects valid rows and errors over a whole file."""

    def __init__(self):
        self.structures, self.services, self.errors = [], [], []
        self.seen = {}

    def error(self, row, field_name, reason):
        record_id = row.id if isinstance(row, ValidRow) else str(row.data.get("id", ""))
        error = RowError(row.line, row.kind, record_id, field_name, reason, row.file)
        self.errors.append(error)

    def add(self, raw):
        row, errors = check_row(raw)
        for field_name, reason in errors:
            self.error(raw, field_name, reason)
        if row is None:
            return
        first = self.seen.setdefault((row.kind, row.key), (row.file, row.line))
        if first != (row.file, row.line):
            self.error(row, "id", _("identifiant en double (déjà ligne %d)") % first[1])
            return
        (self.structures if row.kind == STRUCTURE else self.services).append(row)

    def check_communes(self):
        known = _known_communes({r.commune_code for r in self.structures if r.commune_code})
        kept = []
        for row in self.structures:
            if row.commune_code and row.commune_code not in known:
                self.error(row, "code_insee", _("commune inconnue : code %s") % row.commune_code)
            else:
                kept.append(row)
        self.structures = kept

    def check_parents(self, failed_keys):
        """A service needs its structure: in this file (and valid) or already imported."""
        in_file = {row.key for row in self.structures}
        wanted = {(r.source, r.structure_id) for r in self.services} - in_file - failed_keys
        known = in_file | _existing_structure_keys(wanted)
        kept = []
        for row in self.services:
            parent = (row.source, row.structure_id)
            if parent in failed_keys:
                reason = _("sa structure %s est invalide") % row.structure_id
                self.error(row, "structure_id", reason)
            elif parent not in known:
                self.error(row, "structure_id", _("structure inconnue : %s") % row.structure_id)
            else:
                kept.append(row)
        self.services = kept


def validate(raw_rows):
    checker = _Checker()
    for raw in raw_rows:
        checker.add(raw)
    checker.check_communes()
    valid_keys = {row.key for row in checker.structures}
    failed = {
        (str(r.data.get("source", "")), str(r.data.get("id", "")))
        for r in raw_rows
        if r.kind == STRUCTURE
    } - valid_keys
    checker.check_parents(failed)
    checker.errors.sort(key=lambda e: (e.file, e.line))
    return checker


# --- Entry points ----------------------------------------------------------------------


def import_rows(raw_rows, *, partial=False):
    """Validate every row, then write (all valid) or (partial) the valid ones."""
    with translation.override("fr"):
        checker = validate(raw_rows)
    report = ImportReport(rows=len(raw_rows), errors=checker.errors)
    if checker.errors and not partial:
        return report
    report.skipped_lines = sorted({(e.file, e.line) for e in checker.errors})
    with transaction.atomic():
        report.counts, report.structure_ids = writing.write(checker.structures, checker.services)
    report.written = True
    return report


def import_files(paths, *, partial=False):
    """Import data·inclusion JSON or CSV files together (structures and services may come
    apart); raises `FileError` if one cannot be read."""
    rows = []
    for path in paths:
        rows += read_rows(path)
    return import_rows(rows, partial=partial)
