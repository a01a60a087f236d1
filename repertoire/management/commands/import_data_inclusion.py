"""Import structures and services from data·inclusion files (JSON or CSV, schema v1).

    manage.py import_data_inclusion structures.json services.json [--partial]

Every row is checked first; with an invalid row nothing is written unless --partial.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from repertoire.interop.importer import FileError, import_files
from search import registry

KINDS = ("structure", "service")


class Command(BaseCommand):
    help = "Importe des structures et services au schéma data·inclusion (JSON ou CSV)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Fichiers JSON ou CSV")
        parser.add_argument(
            "--partial",
            action="store_true",
            help="Écrire les lignes valides, ignorer (et lister) les autres.",
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Ne pas mettre à jour l'index de recherche."
        )

    def handle(self, files, partial=False, no_index=False, **options):
        try:
            report = import_files(files, partial=partial)
        except FileError as error:
            raise CommandError(str(error)) from error
        for error in report.errors:
            self.stdout.write(f"- {error}")
        if not report.written:
            raise CommandError(
                f"Import annulé : {len(report.errors)} erreur(s) sur {report.rows} ligne(s), "
                "rien n'a été écrit (--partial pour importer les lignes valides)."
            )
        self._summary(report)
        kinds = [kind for kind in KINDS if registry.get_source(kind)]
        if not no_index and kinds:
            call_command("search_index", "update", kind=kinds, no_progress=True, stdout=self.stdout)

    def _summary(self, report):
        c = report.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Structures : {c['structures_created']} créée(s), "
                f"{c['structures_updated']} mise(s) à jour. "
                f"Services : {c['services_created']} créé(s), "
                f"{c['services_updated']} mis à jour."
            )
        )
        if report.skipped_lines:
            lines = ", ".join(f"{name} l. {line}" for name, line in report.skipped_lines)
            self.stdout.write(
                self.style.WARNING(f"{len(report.skipped_lines)} ligne(s) ignorée(s) : {lines}")
            )
