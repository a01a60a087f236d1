from django.core.management.base import BaseCommand

from extranet.referrals import services


class Command(BaseCommand):
    help = (
        "Relance les structures qui n'ont pas accusé réception d'une fiche de liaison et "
        "fait expirer les fiches restées sans réponse. Sans effet si relancé le même jour."
    )

    def handle(self, *args, **options):
        reminded = services.send_reminders()
        expired = services.expire_overdue()
        self.stdout.write(f"{reminded} fiche(s) relancée(s), {expired} fiche(s) expirée(s).")
