import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from data_inclusion.schema import v1 as di
from django.core.management import CommandError, call_command

from repertoire.models import Service, Structure
from tests.portal.factories import CommuneFactory
from tests.repertoire.factories import theme

DATA = Path(__file__).parent / "data"
STRUCTURES, SERVICES = DATA / "structures.json", DATA / "services.json"


@pytest.fixture
def communes(db):
    CommuneFactory(insee_code="23096", name="Guéret", latitude=46.16268, longitude=1.87093)
    CommuneFactory(insee_code="23200", name="Saint-Fiel", latitude=46.2009, longitude=1.8947)


def run(*args):
    out = StringIO()
    call_command("import_data_inclusion", *map(str, args), stdout=out)
    return out.getvalue()


def run_failing(*args):
    out = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_data_inclusion", *map(str, args), stdout=out)
    return out.getvalue(), str(error.value)


def test_round_trip_import_export_loses_no_schema_field(communes, tmp_path):
    run(STRUCTURES, SERVICES)
    call_command("export_data_inclusion", str(tmp_path), stdout=StringIO())
    for name, schema in (("structures.json", di.Structure), ("services.json", di.Service)):
        originals = json.loads((DATA / name).read_text())
        exported = {r["id"]: r for r in json.loads((tmp_path / name).read_text())}
        assert set(exported) == {r["id"] for r in originals}
        for original in originals:
            before = schema.model_validate(original)
            after = schema.model_validate(exported[original["id"]])
            for field in original:
                assert getattr(after, field) == getattr(before, field), (name, field)


def test_import_fills_the_fiche_and_its_themes(communes):
    output = run(STRUCTURES, SERVICES)
    assert "Structures : 2 créée(s), 0 mise(s) à jour. Services : 3 créé(s)" in output
    ccas = Structure.objects.get(di_source="cd23", di_id="cd23--ccas-gueret")
    assert ccas.live and ccas.commune_id == "23096" and ccas.kind == "public_service"
    assert ccas.opening_hours == "Mo-Fr 08:30-12:00,13:30-17:00; PH off"
    assert ccas.last_verified_at.isoformat() == "2025-03-14"
    assert ccas.services.get(di_id__endswith="aide-alimentaire").mobilisation_modes == [
        "se-presenter",
        "telephoner",
    ]
    creche = Structure.objects.get(di_id="cd23--creche-saint-fiel")
    assert creche.kind == "local_authority"
    assert creche in theme("garde-d-enfants").structures.all()


def test_reimporting_updates_and_never_duplicates(communes, tmp_path):
    run(STRUCTURES, SERVICES)
    records = json.loads(STRUCTURES.read_text())
    records[0]["nom"] = "CCAS de la ville de Guéret"
    changed = tmp_path / "structures.json"
    changed.write_text(json.dumps(records, ensure_ascii=False))
    output = run(changed, SERVICES)
    # Only the row that changed is rewritten.
    assert "Structures : 0 créée(s), 1 mise(s) à jour. Services : 0 créé(s), 0 mis à jour" in output
    assert Structure.objects.count() == 2 and Service.objects.count() == 3
    assert Structure.objects.get(di_id="cd23--ccas-gueret").name == "CCAS de la ville de Guéret"


def test_invalid_rows_are_reported_row_by_row_and_nothing_is_written(communes):
    output, error = run_failing(DATA / "invalid.csv")
    assert "rien n'a été écrit" in error
    assert (
        "invalid.csv, ligne 3 (structure cd23--bad-date), champ « date_maj » : "
        "date invalide : « 2025-14-01 » (attendu : AAAA-MM-JJ)" in output
    )
    assert "ligne 4 (structure cd23--atlantide), champ « code_insee » : " in output
    assert "commune inconnue : code 99999" in output
    assert "ligne 5 (structure cd23--bad-hours), champ « courriel » : adresse e-mail invalide" in (
        output
    )
    assert "ligne 2" not in output
    assert Structure.objects.count() == 0


def test_opening_hours_error_names_its_position(communes, tmp_path):
    rows = json.loads(STRUCTURES.read_text())[:1]
    rows[0]["horaires_accueil"] = "Mo-Fr 08:30-25:00"
    path = tmp_path / "hours.json"
    path.write_text(json.dumps(rows, indent=1))
    output, _error = run_failing(path)
    assert "ligne 2 (structure cd23--ccas-gueret), champ « horaires_accueil » :" in output
    assert "position" in output
    assert Structure.objects.count() == 0


def test_partial_writes_only_the_valid_rows_and_lists_the_skipped(communes):
    output = run(DATA / "invalid.csv", "--partial")
    assert list(Structure.objects.values_list("name", flat=True)) == [
        "Épicerie solidaire du Plateau"
    ]
    assert "3 ligne(s) ignorée(s) : invalid.csv l. 3, invalid.csv l. 4, invalid.csv l. 5" in output


def test_service_of_an_unknown_or_invalid_structure_is_rejected(communes, tmp_path):
    structures = json.loads(STRUCTURES.read_text())
    structures[1]["code_insee"] = "00000"
    path = tmp_path / "structures.json"
    path.write_text(json.dumps(structures, ensure_ascii=False))
    orphans = tmp_path / "orphans.csv"
    orphans.write_text(
        "source,structure_id,id,nom,description,date_maj\n"
        "cd23,cd23--nulle-part,cd23--x,Atelier CV,Un atelier pour écrire son CV.,2025-01-01\n"
    )
    output, _error = run_failing(path, SERVICES, orphans)
    assert "commune inconnue : code 00000" in output
    assert "champ « structure_id » : sa structure cd23--creche-saint-fiel est invalide" in output
    assert "orphans.csv, ligne 2 (service cd23--x), champ « structure_id » : " in output
    assert "structure inconnue : cd23--nulle-part" in output


def test_csv_copy_of_the_fixture_imports_like_the_json(communes, tmp_path):
    import csv

    records = json.loads(SERVICES.read_text())
    columns = sorted({key for record in records for key in record})
    path = tmp_path / "services.csv"
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        for record in records:
            writer.writerow(
                {k: ",".join(v) if isinstance(v, list) else v for k, v in record.items()}
            )
    shutil.copy(STRUCTURES, tmp_path / "structures.json")
    run(tmp_path / "structures.json", path)
    service = Service.objects.get(di_id="cd23--ccas-gueret--domiciliation")
    assert service.reception_modes == ["a-distance", "en-presentiel"]
    assert service.di_extra["zone_eligibilite"] == ["23"]
