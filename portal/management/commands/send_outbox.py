from django.core.management.base import BaseCommand

from portal.mail.outbox import retry_due


class Command(BaseCommand):
    help = "Envoie les e-mails en attente et réessaie ceux qui ont échoué (à lancer par cron)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, limit, **options):
        sent, failed = retry_due(limit=limit)
        self.stdout.write(f"{sent} envoyé(s), {failed} en échec.")
