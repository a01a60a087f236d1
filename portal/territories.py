"""Load the reference communes file into `Department`, `Epci` and `Commune`.

The file is validated as a whole before anything is written: one bad row and the
database is left untouched. Then everything is upserted in one transaction, so a
second run updates rows in place and never duplicates them. Communes that are no
longer in the file are kept (structures and candidates point at them).
"""

import csv
import hashlib
import io
import itertools
import math
import re
import time
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from tqdm import tqdm

from portal.models import Commune, Department, Epci, ReferenceDataset

DATA_DIR = Path(__file__).resolve().parent / "data"
COMMUNES_CSV = DATA_DIR / "communes.csv"
DEPARTMENTS_CSV = DATA_DIR / "departements.csv"
COMMUNES_DATASET = "communes"
DEPARTMENTS_DATASET = "departements"
BATCH_SIZE = 2000

COMMUNE_COLUMNS = (
    "insee_code",
    "name",
    "department_code",
    "postal_codes",
    "population",
    "epci_code",
    "epci_name",
    "latitude",
    "longitude",
)
COMMUNE_UPDATE_FIELDS = [
    "name",
    "department",
    "epci",
    "postal_codes",
    "population",
    "latitude",
    "longitude",
]
INSEE_CODE_RE = re.compile(r"(?:\d{2}|2A|2B)\d{3}")
DEPARTMENT_CODE_RE = re.compile(r"\d{2,3}|2A|2B")
EPCI_CODE_RE = re.compile(r"\d{9}")
POPULATION_RE = re.compile(r"\d{1,9}")


class ReferenceDataError(Exception):
    """The file cannot be loaded; `errors` holds one "ligne N : …" message per bad row."""

    def __init__(self, path, errors):
        self.path = path
        self.errors = errors
        super().__init__(self.message())

    def message(self):
        count = len(self.errors)
        head = f"{self.path} : {count} erreur(s), rien n'a été écrit."
        return "\n".join([head, *self.errors])


@dataclass(frozen=True)
class CommuneRow:
    insee_code: str
    name: str
    department_code: str
    postal_codes: str
    population: int | None
    epci_code: str
    epci_name: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class LoadReport:
    skipped: bool
    communes: int = 0
    created: int = 0
    epcis: int = 0
    departments: int = 0
    seconds: float = 0.0

    def summary(self):
        if self.skipped:
            return "Communes déjà à jour : fichier inchangé, rien à faire."
        return (
            f"{self.communes} communes chargées ({self.created} créées, "
            f"{self.communes - self.created} mises à jour), {self.epcis} EPCI, "
            f"{self.departments} départements en {self.seconds:.1f} s."
        )


# --- reading -------------------------------------------------------------------------------


def read_text(path):
    """The file's bytes and decoded text; a decoding error names its line."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise ReferenceDataError(path, ["fichier introuvable"]) from exc
    except OSError as exc:
        raise ReferenceDataError(path, [f"fichier illisible ({exc.strerror})"]) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReferenceDataError(path, [f"ligne {line} : texte non encodé en UTF-8"]) from exc
    return data, text.removeprefix("\ufeff")


def iter_records(path, text, columns):
    """Yield (line number, {column: value}) for each non-blank row, header = line 1."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip() for name in next(reader, [])]
    missing = [name for name in columns if name not in header]
    if missing:
        names = ", ".join(missing)
        raise ReferenceDataError(path, [f"ligne 1 : colonne(s) manquante(s) : {names}"])
    start = reader.line_num + 1
    for values in reader:
        line, start = start, reader.line_num + 1
        if not values:
            continue
        if len(values) != len(header):
            yield line, f"{len(values)} champs au lieu de {len(header)}"
            continue
        yield line, {name: value.strip() for name, value in zip(header, values, strict=True)}


def read_departments(path=DEPARTMENTS_CSV):
    """{code: name} of the departments file; raises `ReferenceDataError` if malformed."""
    _, text = read_text(path)
    departments, errors = {}, []
    for line, record in iter_records(path, text, ("code", "name")):
        if isinstance(record, str):
            errors.append(f"ligne {line} : {record}")
        elif not DEPARTMENT_CODE_RE.fullmatch(record["code"]) or not record["name"]:
            errors.append(f"ligne {line} : code « {record['code']} » ou nom invalide")
        else:
            departments[record["code"]] = record["name"]
    if errors:
        raise ReferenceDataError(path, errors)
    return departments


def parse_communes(path, text, department_codes):
    """Every row of the communes file as a `CommuneRow`, or `ReferenceDataError` listing
    every bad row (duplicates included)."""
    rows, errors, seen = [], [], {}
    for line, record in iter_records(path, text, COMMUNE_COLUMNS):
        problems = [record] if isinstance(record, str) else row_problems(record, department_codes)
        if not problems:
            code = record["insee_code"]
            if code in seen:
                problems = [f"code INSEE {code} en double (déjà ligne {seen[code]})"]
            seen.setdefault(code, line)
        if problems:
            errors.append(f"ligne {line} : {' ; '.join(problems)}")
        else:
            rows.append(build_row(record))
    if errors:
        raise ReferenceDataError(path, errors)
    return rows


# --- validation ----------------------------------------------------------------------------


def row_problems(record, department_codes):
    """What is wrong with one row of the communes file, in French (empty when valid)."""
    problems = []
    code, department = record["insee_code"], record["department_code"]
    if not INSEE_CODE_RE.fullmatch(code):
        problems.append(f"code INSEE « {code} » invalide (5 caractères attendus, ex. 01001, 2A004)")
    if department not in department_codes:
        problems.append(f"département « {department} » inconnu")
    elif INSEE_CODE_RE.fullmatch(code) and not code.startswith(department):
        problems.append(f"le code INSEE {code} n'appartient pas au département {department}")
    if not record["name"]:
        problems.append("nom vide")
    if record["population"] and not POPULATION_RE.fullmatch(record["population"]):
        problems.append(f"population « {record['population']} » n'est pas un nombre entier")
    problems.extend(epci_problems(record["epci_code"], record["epci_name"]))
    problems.extend(point_problems(record["latitude"], record["longitude"]))
    return problems


def epci_problems(code, name):
    if not code:
        return []
    if not EPCI_CODE_RE.fullmatch(code):
        return [f"code EPCI « {code} » invalide (9 chiffres ou vide)"]
    return [] if name else [f"nom de l'EPCI {code} vide"]


def point_problems(latitude, longitude):
    if not latitude and not longitude:
        return []
    if not latitude or not longitude:
        return ["latitude et longitude doivent être toutes deux renseignées ou toutes deux vides"]
    problems = []
    for label, value, limit in (("latitude", latitude, 90), ("longitude", longitude, 180)):
        number = to_float(value)
        if number is None:
            problems.append(f"{label} « {value} » n'est pas un nombre décimal")
        elif not -limit <= number <= limit:
            problems.append(f"{label} {value} hors limites (entre -{limit} et {limit})")
    return problems


def to_float(value):
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def build_row(record):
    latitude, longitude = record["latitude"], record["longitude"]
    return CommuneRow(
        insee_code=record["insee_code"],
        name=record["name"],
        department_code=record["department_code"],
        postal_codes=" ".join(record["postal_codes"].split()),
        population=int(record["population"]) if record["population"] else None,
        epci_code=record["epci_code"],
        epci_name=record["epci_name"],
        latitude=float(latitude) if latitude else None,
        longitude=float(longitude) if longitude else None,
    )


# --- writing -------------------------------------------------------------------------------


def sha256_of(data):
    return hashlib.sha256(data).hexdigest()


def is_current(*, communes_sha, departments_sha):
    """True when the database holds exactly these two files (and all their communes)."""
    datasets = dict(ReferenceDataset.objects.values_list("name", "sha256"))
    if datasets.get(COMMUNES_DATASET) != communes_sha:
        return False
    if datasets.get(DEPARTMENTS_DATASET) != departments_sha:
        return False
    rows = ReferenceDataset.objects.get(name=COMMUNES_DATASET).rows
    return Commune.objects.count() >= rows


def load_communes(
    *, path=COMMUNES_CSV, departments_path=DEPARTMENTS_CSV, if_changed=False, progress=False
):
    """Validate the communes file entirely, then upsert departments, EPCIs and communes.

    Raises `ReferenceDataError` (nothing written) when a row is malformed. With
    `if_changed`, returns at once when the database already holds these exact files.
    """
    started = time.perf_counter()
    departments_data, _ = read_text(departments_path)
    data, text = read_text(path)
    shas = {"communes_sha": sha256_of(data), "departments_sha": sha256_of(departments_data)}
    if if_changed and is_current(**shas):
        return LoadReport(skipped=True)
    departments = read_departments(departments_path)
    rows = parse_communes(path, text, departments)
    created = write_all(rows, departments, progress=progress, **shas)
    return LoadReport(
        skipped=False,
        communes=len(rows),
        created=created,
        epcis=len({row.epci_code for row in rows if row.epci_code}),
        departments=len(departments),
        seconds=time.perf_counter() - started,
    )


@transaction.atomic
def write_all(rows, departments, *, progress, communes_sha, departments_sha):
    """Upsert everything in one transaction; returns how many communes were new."""
    Department.objects.bulk_create(
        [Department(code=code, name=name) for code, name in departments.items()],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name"],
    )
    epcis = {row.epci_code: row.epci_name for row in rows if row.epci_code}
    Epci.objects.bulk_create(
        [Epci(code=code, name=name) for code, name in epcis.items()],
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name"],
    )
    existing = set(Commune.objects.values_list("insee_code", flat=True))
    write_communes(rows, progress=progress)
    ReferenceDataset.objects.update_or_create(
        name=COMMUNES_DATASET, defaults={"sha256": communes_sha, "rows": len(rows)}
    )
    ReferenceDataset.objects.update_or_create(
        name=DEPARTMENTS_DATASET, defaults={"sha256": departments_sha, "rows": len(departments)}
    )
    return sum(1 for row in rows if row.insee_code not in existing)


def write_communes(rows, *, progress):
    with tqdm(total=len(rows), unit=" communes", desc="Communes", disable=not progress) as bar:
        for batch in itertools.batched(rows, BATCH_SIZE):
            Commune.objects.bulk_create(
                [commune_from(row) for row in batch],
                update_conflicts=True,
                unique_fields=["insee_code"],
                update_fields=COMMUNE_UPDATE_FIELDS,
            )
            bar.update(len(batch))


def commune_from(row):
    return Commune(
        insee_code=row.insee_code,
        name=row.name,
        department_id=row.department_code,
        epci_id=row.epci_code or None,
        postal_codes=row.postal_codes,
        population=row.population,
        latitude=row.latitude,
        longitude=row.longitude,
    )
