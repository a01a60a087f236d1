"""Statistics of referrals: by theme, target, status, and the delay to acknowledge.

Figures are computed over the referrals the user may see, in the database (GROUP BY),
except themes (a JSON list per referral) which are counted while streaming the rows. The
export lists referrals without any personal data, for evaluation in a spreadsheet.
"""

from collections import Counter

from data_inclusion.schema import v1 as di
from django import forms
from django.db.models import Avg, Count, F, Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from extranet import audit
from extranet.decorators import member_required
from extranet.models import Referral
from extranet.referrals.enums import ReferralStatus, Urgency
from portal.exports import csv_response, xlsx_response


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("Du"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=gettext_lazy("Au"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def scoped(user, params):
    form = PeriodForm(params or None)
    referrals = Referral.objects.visible_to(user)
    if form.is_valid():
        if form.cleaned_data["start"]:
            referrals = referrals.filter(created_at__date__gte=form.cleaned_data["start"])
        if form.cleaned_data["end"]:
            referrals = referrals.filter(created_at__date__lte=form.cleaned_data["end"])
    return form, referrals


def hours(delay):
    return round(delay.total_seconds() / 3600, 1) if delay is not None else None


def by_status(referrals):
    counts = dict(referrals.values_list("status").annotate(n=Count("pk")).order_by())
    return [(label, counts.get(value, 0)) for value, label in ReferralStatus.choices]


def by_target(referrals):
    """Per target structure: how many, how many still waiting, mean hours to acknowledge."""
    rows = (
        referrals.values("target_structure__name")
        .annotate(
            total=Count("pk"),
            waiting=Count("pk", filter=Q(status=ReferralStatus.SENT)),
            delay=Avg(F("acknowledged_at") - F("created_at")),
        )
        .order_by("-total", "target_structure__name")
    )
    return [
        (row["target_structure__name"], row["total"], row["waiting"], hours(row["delay"]))
        for row in rows
    ]


def by_theme(referrals):
    """Referrals per data·inclusion category (a referral counts once per category)."""
    labels = {c.value: c.label for c in di.Categorie}
    counter = Counter()
    for codes in referrals.values_list("thematiques", flat=True).iterator(chunk_size=5000):
        counter.update({code.split("--", 1)[0] for code in codes or []})
    return [(labels.get(code, code), n) for code, n in counter.most_common()]


def summary(referrals):
    figures = referrals.aggregate(
        total=Count("pk"),
        acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)),
        delay=Avg(F("acknowledged_at") - F("created_at")),
    )
    figures["delay_hours"] = hours(figures.pop("delay"))
    return figures


@require_GET
@member_required
def referral_stats(request):
    form, referrals = scoped(request.user, request.GET)
    context = {
        "form": form,
        "summary": summary(referrals),
        "by_status": by_status(referrals),
        "by_target": by_target(referrals),
        "by_theme": by_theme(referrals),
        "query": request.GET.urlencode(),
    }
    return render(request, "extranet/referrals/referral_stats.html", context)


EXPORT_FIELDS = (
    "reference",
    "created_at",
    "acknowledged_at",
    "closed_at",
    "status",
    "urgency",
    "sender_structure__name",
    "target_structure__name",
    "target_service__name",
    "thematiques",
    "decline_reason",
)


def export_headers():
    return [
        _("Référence"), _("Envoyée le"), _("Reçue le"), _("Close le"), _("État"), _("Urgence"),
        _("De"), _("À"), _("Service"), _("Thèmes"), _("Motif du refus"), _("Heures avant accusé"),
    ]  # fmt: skip


def export_rows(referrals):
    """Rows without personal data, read by chunks: memory stays flat on 100k referrals."""
    # str(): labels are lazy translations, which openpyxl cannot write
    status_labels = {value: str(label) for value, label in ReferralStatus.choices}
    urgency_labels = {value: str(label) for value, label in Urgency.choices}
    tz = timezone.get_current_timezone()
    for values in referrals.order_by("pk").values_list(*EXPORT_FIELDS).iterator(chunk_size=2000):
        row = list(values)
        created, acknowledged = row[1], row[2]
        for index in (1, 2, 3):
            row[index] = row[index].astimezone(tz).replace(tzinfo=None) if row[index] else None
        row[4], row[5] = status_labels.get(row[4], row[4]), urgency_labels.get(row[5], row[5])
        row[9] = ", ".join(row[9] or [])
        row.append(hours(acknowledged - created) if acknowledged else None)
        yield row


@require_GET
@member_required
def referral_stats_export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, referrals = scoped(request.user, request.GET)
    audit.record_export(
        actor=request.user,
        model=Referral,
        label=f"export {fmt} fiches de liaison",
        rows=referrals.count(),
    )
    filename = f"fiches-de-liaison-{timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        return csv_response(export_headers(), export_rows(referrals), filename)
    return xlsx_response(export_headers(), export_rows(referrals), filename, _("Fiches de liaison"))
