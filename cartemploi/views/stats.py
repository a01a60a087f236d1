"""Statistics for advisors (charts + table twin, CSV/XLSX) and the public observatory."""

import io
from datetime import date, timedelta

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from cartemploi.models import Conversation
from cartemploi.observatory import observatory as observatory_data
from cartemploi.stats import COLUMNS, GROUPS, columns, conversation_stats, gender_outcomes, table
from cartemploi.views.advisor import advisor_required
from portal.exports import XLSX_TYPE, csv_response, write_xlsx


class StatsForm(forms.Form):
    group = forms.ChoiceField(
        label=gettext_lazy("Regrouper par"),
        required=False,
        choices=[
            ("month", gettext_lazy("Mois")),
            ("sector", gettext_lazy("Secteur")),
            ("territory", gettext_lazy("Territoire (département)")),
            ("gender", gettext_lazy("Genre déclaré par le jeune")),
        ],
    )
    start = forms.DateField(
        label=gettext_lazy("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", gettext_lazy("La fin de période doit suivre son début."))
        return data


def _rows(request):
    form = StatsForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    group = data.get("group") or "month"
    start = data.get("start") or date.today() - timedelta(days=365)
    end = data.get("end") or date.today()
    qs = Conversation.objects.visible_to(request.user).filter(
        created_at__date__gte=start, created_at__date__lte=end
    )
    group = group if group in GROUPS else "month"
    return form, group, *table(conversation_stats(qs, group), group)


def _cell(value):
    return _("moins de 5") if value is None else value


@advisor_required
@require_GET
def advisor_stats(request):
    form, _group, rows, sums = _rows(request)
    return render(
        request,
        "cartemploi/advisor/stats.html",
        {
            "form": form,
            "rows": rows,
            "totals": sums,
            "columns": columns(),
            "query": request.GET.urlencode(),
        },
    )


@advisor_required
@require_GET
def advisor_stats_export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, group, rows, _sums = _rows(request)
    header = [_("Période / groupe"), *(str(label) for _key, label in columns())]
    lines = [[row["label"], *(_cell(row[c]) for c in COLUMNS)] for row in rows]
    if fmt == "csv":
        return csv_response(header, lines, f"cartemploi-{group}")
    buffer = io.BytesIO()  # a few dozen rows: built in memory
    write_xlsx(buffer, header, lines, _("Cartemploi"))
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="cartemploi-{group}.xlsx"'
    return response


@login_not_required
@require_GET
def observatory(request):
    return render(
        request, "cartemploi/observatory.html", {**observatory_data(), **gender_outcomes()}
    )
