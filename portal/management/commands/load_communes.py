import sys

from django.core.management.base import BaseCommand, CommandError

from portal.territories import (
    COMMUNES_CSV,
    DEPARTMENTS_CSV,
    ReferenceDataError,
    load_communes,
)


class Command(BaseCommand):
    help = (
        "Charge ou met à jour les départements, EPCI et communes depuis le fichier de "
        "référence (portal/data/communes.csv). Chaque ligne est vérifiée avant toute écriture."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(COMMUNES_CSV), help="Fichier CSV des communes.")
        parser.add_argument(
            "--departments-path",
            default=str(DEPARTMENTS_CSV),
            help="Fichier CSV des départements (code,name).",
        )
        parser.add_argument(
            "--if-changed",
            action="store_true",
            help="Ne rien faire si la base contient déjà exactement ce fichier.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Ne pas afficher la barre de progression."
        )

    def handle(self, *args, path, departments_path, if_changed, no_progress, **options):
        verbosity = options["verbosity"]
        progress = not no_progress and verbosity > 0 and sys.stderr.isatty()
        try:
            report = load_communes(
                path=path,
                departments_path=departments_path,
                if_changed=if_changed,
                progress=progress,
            )
        except ReferenceDataError as exc:
            raise CommandError(exc.message()) from exc
        if verbosity > 0:
            self.stdout.write(self.style.SUCCESS(report.summary()))
