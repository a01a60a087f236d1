from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from extranet.demo import DEMO_PASSWORD, DemoDataMissing, seed


class Command(BaseCommand):
    help = (
        "Construit (ou met à jour) le territoire de démonstration : pages, structures, pôles "
        "d'accueil et un compte par rôle. Refuse de tourner en production sans --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Lancer malgré des réglages de production (DEBUG=False, sans PASSERELLES_DEMO).",
        )
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Remettre le mot de passe de démonstration sur les comptes existants.",
        )

    def handle(self, *args, force, reset_passwords, **options):
        if not (settings.DEBUG or getattr(settings, "PASSERELLES_DEMO", False) or force):
            raise CommandError(
                "Réglages de production détectés (DEBUG=False et PASSERELLES_DEMO absent) : "
                "seed_demo créerait des comptes au mot de passe connu. Refusé. "
                "Relancez avec --force si c'est vraiment voulu. / Production settings "
                "detected: refusing to create demo accounts; use --force to override."
            )
        try:
            accounts = seed(reset_passwords=reset_passwords)
        except DemoDataMissing as exc:
            raise CommandError(
                f"Communes ou EPCI de démonstration absents de la base ({exc}). "
                "Chargez d'abord les communes : python manage.py load_communes"
            ) from exc
        if options["verbosity"] > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Démonstration prête : {len(accounts)} comptes (mot de passe : "
                    f"{DEMO_PASSWORD}). Liste : python manage.py demo_accounts"
                )
            )
