import json

from data_inclusion.schema import v1 as di
from django.core.management import call_command

from tests.repertoire.factories import ServiceFactory, StructureFactory


def test_api_exports_validate_against_the_official_schema(client, db):
    structure = StructureFactory(complete=True, siret="13003013300016")
    ServiceFactory(structure=structure, publics=["familles", "seniors"])
    StructureFactory(live=False)
    structures = client.get("/api/repertoire/structures").json()
    services = client.get("/api/repertoire/services").json()
    assert len(structures) == 1 and len(services) == 1
    checked = di.Structure.model_validate(structures[0], context={"ignore_warnings": False})
    assert checked.horaires_accueil == structure.opening_hours
    assert checked.code_insee == structure.commune_id
    service = di.Service.model_validate(services[0], context={"ignore_warnings": False})
    assert service.structure_id == checked.id
    assert {p.value for p in service.publics} == {"familles", "seniors"}


def test_openapi_describes_the_endpoints(client, db):
    schema = client.get("/api/openapi.json").json()
    assert "/api/repertoire/structures" in schema["paths"]


def test_export_command_writes_valid_files(db, tmp_path):
    ServiceFactory(structure=StructureFactory(complete=True))
    call_command("export_data_inclusion", str(tmp_path))
    for name, model in (("structures.json", di.Structure), ("services.json", di.Service)):
        records = json.loads((tmp_path / name).read_text())
        assert records
        for record in records:
            model.model_validate(record)
