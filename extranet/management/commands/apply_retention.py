import datetime

from django.core.management.base import BaseCommand

from extranet.privacy.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Applique les durées de conservation (PASSERELLES_RETENTION) : prévient 30 jours "
        "avant, puis anonymise ou supprime. Quotidien ; sans effet si relancé le même jour."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="Date du jour (AAAA-MM-JJ), pour rattraper ou vérifier un passage.",
        )

    def handle(self, *args, today=None, **options):
        for kind, counts in apply_retention(today=today).items():
            figures = ", ".join(f"{name} {value}" for name, value in counts.items())
            self.stdout.write(f"{kind}: {figures}")
