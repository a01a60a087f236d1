import csv
import io
import re

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from portal.models import Commune, Department, Epci, ReferenceDataset
from portal.territories import ReferenceDataError, parse_communes, read_departments

HEADER = [
    "insee_code",
    "name",
    "department_code",
    "region_code",
    "postal_codes",
    "population",
    "epci_code",
    "epci_name",
    "latitude",
    "longitude",
]
GUERET = ["23096", "Guéret", "23", "75", "23000", "12955", "200034825", "CA du Grand Guéret"]
GUERET += ["46.16667", "1.87111"]
AUBUSSON = ["23008", "Aubusson", "23", "75", "23200", "3018", "200044014", "CC Creuse Grand Sud"]
AUBUSSON += ["45.95542", "2.17361"]
LIMOGES = ["87085", "Limoges", "87", "75", "87000 87100 87280", "129937", "248719312"]
LIMOGES += ["CU Limoges Métropole", "45.85429", "1.24902"]
NOUMEA = ["98818", "Nouméa", "988", "988", "98800", "94285", "", "", "", ""]


def write_csv(path, rows, header=HEADER):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def load(path, *args):
    out = io.StringIO()
    call_command("load_communes", "--path", str(path), "--no-progress", *args, stdout=out)
    return out.getvalue()


def changed(row, **values):
    row = list(row)
    for name, value in values.items():
        row[HEADER.index(name)] = value
    return row


@pytest.mark.django_db
def test_loads_departments_epcis_and_communes(tmp_path):
    output = load(write_csv(tmp_path / "c.csv", [AUBUSSON, GUERET, LIMOGES]))

    assert "3 communes chargées (3 créées" in output
    gueret = Commune.objects.select_related("department", "epci").get(insee_code="23096")
    assert gueret.department.name == "Creuse"
    assert gueret.epci.name == "CA du Grand Guéret"
    assert gueret.population == 12955
    assert gueret.point == (46.16667, 1.87111)
    assert Commune.objects.get(insee_code="87085").postal_codes == "87000 87100 87280"
    assert Department.objects.get(code="2A").name == "Corse-du-Sud"
    assert Epci.objects.count() == 3


@pytest.mark.django_db
def test_malformed_row_names_its_line_and_writes_nothing(tmp_path):
    path = write_csv(tmp_path / "c.csv", [GUERET, changed(AUBUSSON, population="trois"), LIMOGES])

    with pytest.raises(CommandError) as error:
        load(path)

    assert "ligne 3 : population « trois » n'est pas un nombre entier" in str(error.value)
    assert not Commune.objects.exists()
    assert not Department.objects.exists()
    assert not ReferenceDataset.objects.exists()


@pytest.mark.django_db
def test_bad_last_row_after_good_rows_leaves_the_database_as_it_was(tmp_path):
    load(write_csv(tmp_path / "first.csv", [GUERET]))
    rows = [changed(GUERET, name="Guéret-Renommé"), AUBUSSON, changed(LIMOGES, latitude="145.2")]

    with pytest.raises(CommandError, match=r"ligne 4 : latitude 145.2 hors limites"):
        load(write_csv(tmp_path / "second.csv", rows))

    assert list(Commune.objects.values_list("insee_code", "name")) == [("23096", "Guéret")]


@pytest.mark.django_db
def test_every_bad_row_is_reported(tmp_path):
    rows = [
        changed(GUERET, insee_code="2309"),
        changed(AUBUSSON, department_code="99"),
        changed(LIMOGES, epci_code="24871931"),
        changed(NOUMEA, latitude="-22.27"),
        GUERET,
        GUERET,
        ["23001", "Ahun"],
    ]

    with pytest.raises(CommandError) as error:
        load(write_csv(tmp_path / "c.csv", rows))

    lines = re.findall(r"^ligne (\d+) : (.*)$", str(error.value), re.MULTILINE)
    assert [(int(n), text.split(" ")[0]) for n, text in lines] == [
        (2, "code"),
        (3, "département"),
        (4, "code"),
        (5, "latitude"),
        (7, "code"),
        (8, "2"),
    ]
    assert "déjà ligne 6" in lines[4][1]


@pytest.mark.django_db
def test_missing_column_is_reported_on_the_header_line(tmp_path):
    header = [name for name in HEADER if name != "population"]
    row = [value for name, value in zip(HEADER, GUERET, strict=True) if name != "population"]

    with pytest.raises(CommandError, match="ligne 1 : colonne.* manquante.* : population"):
        load(write_csv(tmp_path / "c.csv", [row], header=header))


@pytest.mark.django_db
def test_second_run_updates_without_duplicating(tmp_path):
    load(write_csv(tmp_path / "c.csv", [GUERET, AUBUSSON]))

    output = load(write_csv(tmp_path / "c.csv", [changed(GUERET, name="Guéret-Ville"), AUBUSSON]))
    load(tmp_path / "c.csv")

    assert "2 communes chargées (0 créées, 2 mises à jour)" in output
    assert Commune.objects.count() == 2
    assert Commune.objects.get(insee_code="23096").name == "Guéret-Ville"
    updated = changed(AUBUSSON, population="2999", epci_code="", epci_name="")
    load(write_csv(tmp_path / "c.csv", [GUERET, updated]))
    aubusson = Commune.objects.get(insee_code="23008")
    assert (aubusson.population, aubusson.epci) == (2999, None)


@pytest.mark.django_db
def test_empty_point_and_population_are_stored_as_null(tmp_path):
    load(write_csv(tmp_path / "c.csv", [changed(NOUMEA, population="")]))

    noumea = Commune.objects.get(insee_code="98818")
    assert (noumea.latitude, noumea.longitude, noumea.population) == (None, None, None)
    assert noumea.epci is None
    assert noumea.department.name == "Nouvelle-Calédonie"


@pytest.mark.django_db
def test_if_changed_skips_when_the_file_is_already_loaded(tmp_path):
    path = write_csv(tmp_path / "c.csv", [GUERET])
    load(path)
    Commune.objects.filter(insee_code="23096").update(name="Modifié à la main")

    output = load(path, "--if-changed")

    assert "déjà à jour" in output
    assert Commune.objects.get(insee_code="23096").name == "Modifié à la main"
    load(write_csv(path, [GUERET, AUBUSSON]), "--if-changed")
    assert Commune.objects.get(insee_code="23096").name == "Guéret"
    assert ReferenceDataset.objects.get(name="communes").rows == 2


@pytest.mark.django_db
def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="absent.csv : 1 erreur.*\nfichier introuvable"):
        load(tmp_path / "absent.csv")


def population_csv(junk):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([HEADER, changed(GUERET, population=junk)])
    return buffer.getvalue()


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=20))
def test_any_population_is_either_loaded_or_reported_on_its_line(junk):
    departments = read_departments()
    try:
        rows = parse_communes("c.csv", population_csv(junk), departments)
    except ReferenceDataError as error:
        assert len(error.errors) == 1
        assert error.errors[0].startswith("ligne 2 : population")
    else:
        expected = int(junk.strip()) if junk.strip() else None
        assert re.fullmatch(r"[0-9]*", junk.strip())
        assert rows[0].population == expected


@pytest.mark.slow
@pytest.mark.django_db
def test_full_reference_file():
    call_command("load_communes", "--no-progress", stdout=io.StringIO())
    call_command("load_communes", "--no-progress", stdout=io.StringIO())

    assert Commune.objects.count() == 34969
    limoges = Commune.objects.get(insee_code="87085")
    assert (limoges.name, limoges.latitude, limoges.longitude) == ("Limoges", 45.85429, 1.24902)
    gueret = Commune.objects.select_related("epci").get(name="Guéret")
    assert (gueret.department_id, gueret.epci.name) == ("23", "CA du Grand Guéret")
    assert Commune.objects.filter(latitude__isnull=True).count() == 94
    assert Department.objects.count() == 109
