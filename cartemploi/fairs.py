"""Companies attending a job fair: what an event's public page shows (a section registered
with `repertoire.events.extensions` by `CartemploiConfig.ready`) and the advisors' choice
of companies (`views/fairs.py`). Only published companies are shown, as their public card."""

from collections import defaultdict

from django.db.models import F

from cartemploi.enums import CardKind
from cartemploi.models import PublicCard

SECTION = "cartemploi/includes/event_companies.html"


def companies_at(events):
    """{event pk: [public cards of the published companies attending]}, in one query."""
    pks = [event.pk for event in events]
    cards = (
        PublicCard.objects.filter(kind=CardKind.COMPANY, company__fairs__event_id__in=pks)
        .select_related("commune")
        .annotate(fair_event_id=F("company__fairs__event_id"))
        .order_by("title", "pk")
    )
    found = defaultdict(list)
    for card in cards:
        found[card.fair_event_id].append(card)
    return dict(found)


def register():
    from repertoire.events.extensions import register_event_section

    register_event_section(SECTION, companies_at)
