"""Remind structure managers whose fiche was not verified for REPERTOIRE_STALE_AFTER_MONTHS.

Idempotent: one reminder per structure and verification cycle, so a daily cron is safe.
"""

from django.core.management.base import BaseCommand

from repertoire.services import send_stale_reminders


class Command(BaseCommand):
    help = "Relance les responsables des fiches non vérifiées depuis trop longtemps."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Liste sans envoyer.")

    def handle(self, *args, dry_run=False, **options):
        reminded, skipped = send_stale_reminders(dry_run=dry_run)
        for structure in reminded:
            self.stdout.write(f"- {structure.name}")
        verb = "à relancer" if dry_run else "relancée(s)"
        self.stdout.write(
            self.style.SUCCESS(f"{len(reminded)} fiche(s) {verb}, {skipped} déjà relancée(s).")
        )
