"""Write the published répertoire as data·inclusion JSON files (structures.json, services.json)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from repertoire.interop.export import (
    permanence_to_di,
    published_permanences,
    published_services,
    published_structures,
    service_to_di,
    structure_to_di,
)


class Command(BaseCommand):
    help = "Exporte les structures et services publiés au schéma data·inclusion (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Dossier où écrire structures.json et services.json")

    def handle(self, directory, **options):
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        rows = {
            "structures.json": [structure_to_di(s) for s in published_structures().iterator()],
            "services.json": [service_to_di(s) for s in published_services().iterator()]
            + [permanence_to_di(p) for p in published_permanences().iterator()],
        }
        for name, records in rows.items():
            (folder / name).write_text(json.dumps(records, ensure_ascii=False, indent=1))
            self.stdout.write(f"{name} : {len(records)} enregistrement(s)")
