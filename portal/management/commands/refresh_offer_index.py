"""Re-index the offers whose validity began or ended recently (run it daily, e.g. cron).

An offer's public visibility in search depends on today's date (see `portal.offer_search`);
no save happens when a date passes, so this command brings the index up to date.
"""

from django.core.management.base import BaseCommand

from portal.offer_search import KIND, recently_changed_state
from portal.page_cache import new_generation
from search.tasks import index_object


class Command(BaseCommand):
    help = "Met à jour dans la recherche les offres arrivées à échéance ou entrées en vigueur."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Fenêtre en jours (défaut : 7).")

    def handle(self, *args, days, **options):
        pks = list(recently_changed_state(days=days).values_list("pk", flat=True))
        for pk in pks:
            index_object.enqueue(KIND, str(pk))
        if pks:
            new_generation()  # cached offer lists still show the expired offers
        self.stdout.write(f"{len(pks)} offre(s) remise(s) à jour dans la recherche.")
