"""Reading data·inclusion files (JSON lists or CSV) into rows that remember their line.

A row with a `structure_id` is a service, any other a structure, so one file may hold
both (the export writes them apart: structures.json and services.json).
"""

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

# Fields the schema defines as sets or lists: CSV cells hold them as "a,b" or '["a", "b"]'.
LIST_FIELDS = {
    "reseaux_porteurs",
    "thematiques",
    "publics",
    "modes_accueil",
    "modes_mobilisation",
    "mobilisable_par",
    "zone_eligibilite",
}
STRUCTURE = "structure"
SERVICE = "service"


class FileError(Exception):
    """The file cannot be read at all (not JSON nor CSV, not a list…)."""


@dataclass
class RawRow:
    line: int
    data: dict
    file: str = ""

    @property
    def kind(self):
        return SERVICE if "structure_id" in self.data else STRUCTURE


def read_rows(path):
    """Rows of a JSON (a list of records) or CSV file, with the line each starts on."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise FileError(_("Lecture impossible : %s") % error) from error
    rows = _json_rows(text) if text.lstrip().startswith("[") else _csv_rows(text)
    for row in rows:
        row.file = Path(path).name
    return rows


def _json_rows(text):
    """Records of a JSON list, decoded one by one so each keeps its line number."""
    decoder = json.JSONDecoder()
    position = text.index("[") + 1
    rows, line, counted = [], 1, 0
    try:
        while True:
            position = _skip_blank_and_commas(text, position)
            if text[position] == "]":
                return rows
            record, end = decoder.raw_decode(text, position)
            line += text.count("\n", counted, position)  # counted once: linear in the file
            counted = position
            if not isinstance(record, dict):
                raise FileError(_("Ligne %d : un objet JSON est attendu.") % line)
            rows.append(RawRow(line, record))
            position = end
    except (json.JSONDecodeError, IndexError) as error:
        raise FileError(_("JSON invalide : %s") % error) from error


def _skip_blank_and_commas(text, position):
    while text[position] in " \t\r\n,":
        position += 1
    return position


def _csv_rows(text):
    reader = csv.DictReader(io.StringIO(text), dialect=_dialect(text))
    if not reader.fieldnames or not {"id", "nom"} <= set(reader.fieldnames):
        raise FileError(_("Ni JSON ni CSV au schéma data·inclusion (colonnes id et nom)."))
    rows = []
    for record in reader:
        # The header is line 1; line_num counts physical lines, quoted newlines included.
        values = {key: _csv_value(key, value) for key, value in record.items() if key}
        rows.append(RawRow(reader.line_num, {k: v for k, v in values.items() if v is not None}))
    return rows


def _dialect(text):
    header = text.split("\n", 1)[0]
    return "excel-semicolon" if header.count(";") > header.count(",") else "excel"


class _Semicolon(csv.excel):
    delimiter = ";"


csv.register_dialect("excel-semicolon", _Semicolon)


def _csv_value(key, value):
    value = (value or "").strip()
    if not value:
        return None
    if key in LIST_FIELDS:
        if value.startswith("["):
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                return value  # the schema validation reports it
        return [part.strip() for part in value.split(",") if part.strip()]
    return value
