"""The figures the youth agency is judged on: conversations, answers, interviews, hires."""

from datetime import timedelta

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth

from cartemploi.enums import NafSection, OutcomeKind

GROUPS = {
    "month": TruncMonth("created_at"),
    "sector": F("company__sector"),
    "territory": F("youth__commune__department__name"),
}
COLUMNS = ["started", "messages", "answered_7d", "interviews", "hires"]


def conversation_stats(conversations, group="month"):
    """Rows {key, label, started, messages, answered_7d, interviews, hires}, one per group."""
    answered = Q(answered_at__isnull=False, answered_at__lte=F("created_at") + timedelta(days=7))
    rows = (
        conversations.annotate(key=GROUPS[group])
        .values("key")
        .annotate(
            started=Count("id", distinct=True),
            messages=Count("messages", filter=Q(messages__status="delivered"), distinct=True),
            answered_7d=Count("id", filter=answered, distinct=True),
            interviews=Count(
                "outcomes", filter=Q(outcomes__kind=OutcomeKind.INTERVIEW), distinct=True
            ),
            hires=Count("outcomes", filter=Q(outcomes__kind=OutcomeKind.HIRE), distinct=True),
        )
        .order_by("key")
    )
    return [{**row, "label": _label(group, row["key"])} for row in rows]


def _label(group, key):
    if key is None:
        return "—"
    if group == "month":
        return key.strftime("%m/%Y")
    if group == "sector":
        return str(NafSection(key).label) if key in NafSection.values else key
    return key


def totals(rows):
    return {column: sum(row[column] for row in rows) for column in COLUMNS}
