"""The figures the youth agency is judged on: conversations, answers, interviews, hires."""

from datetime import timedelta

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from cartemploi.enums import Gender, NafSection, OutcomeKind
from cartemploi.models import Conversation
from cartemploi.observatory import hide_small, suppress_small

GROUPS = {
    "month": TruncMonth("created_at"),
    "sector": F("company__sector"),
    "territory": F("youth__commune__department__name"),
    "gender": F("youth__gender"),
}
# Groups that describe people: small cells are hidden as in the public observatory.
SUPPRESSED_GROUPS = {"gender"}
COLUMNS = ["started", "messages", "answered_7d", "interviews", "hires"]
COLUMN_LABELS = {
    "started": _("Conversations commencées"),
    "messages": _("Messages échangés"),
    "answered_7d": _("Réponses en moins de 7 jours"),
    "interviews": _("Entretiens"),
    "hires": _("Embauches"),
}
NOT_SAID = _("Non renseigné")


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
    rows = [{**row, "label": _label(group, row["key"])} for row in rows]
    if group == "gender":
        rows.sort(key=lambda row: _GENDER_ORDER.get(row["key"], len(_GENDER_ORDER)))
    return rows


def table(rows, group):
    """(rows, totals) as shown and exported: for a group describing people (gender), the
    observatory's small-cell suppression applies, totals included."""
    sums = {column: sum(row[column] for row in rows) for column in COLUMNS}
    if group not in SUPPRESSED_GROUPS:
        return rows, sums
    shown = suppress_small(rows, COLUMNS)
    hidden = {column for row in shown for column in COLUMNS if row[column] is None}
    return shown, {c: hide_small(v) if c in hidden else v for c, v in sums.items()}


_GENDER_ORDER = {value: n for n, value in enumerate(Gender.values)}


def _label(group, key):
    if group == "gender":
        return str(Gender(key).label) if key in Gender.values else str(NOT_SAID)
    if key is None:
        return "—"
    if group == "month":
        return key.strftime("%m/%Y")
    if group == "sector":
        return str(NafSection(key).label) if key in NafSection.values else key
    return key


def totals(rows):
    return {column: sum(row[column] for row in rows) for column in COLUMNS}


def columns():
    return [(key, COLUMN_LABELS[key]) for key in COLUMNS]


def gender_outcomes():
    """The observatory's table: every conversation since Cartemploi opened, by gender."""
    rows, sums = table(conversation_stats(Conversation.objects.all(), "gender"), "gender")
    return {"gender_rows": rows, "gender_totals": sums, "outcome_columns": columns()}
