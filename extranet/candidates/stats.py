"""Statistics of the welcome network: each table is the data twin of a chart.

Every figure is a GROUP BY in the database over the candidates the user may see, filtered
by period and pole; the same tables are exported as CSV or XLSX.
"""

from django import forms
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from extranet import audit
from extranet.candidates.enums import CandidateStatus, ProjectType
from extranet.decorators import member_required
from extranet.models import Candidate, CandidateContact, WelcomePole
from portal.exports import csv_response, xlsx_response
from portal.models import Department


class StatsFilterForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    pole = forms.ModelChoiceField(
        label=gettext_lazy("Pôle"),
        queryset=WelcomePole.objects.all(),
        required=False,
        empty_label=gettext_lazy("Tous"),
    )


def _scoped(user, data):
    candidates = Candidate.objects.visible_to(user)
    if data.get("start"):
        candidates = candidates.filter(created_at__date__gte=data["start"])
    if data.get("end"):
        candidates = candidates.filter(created_at__date__lte=data["end"])
    if data.get("pole"):
        candidates = candidates.filter(pole=data["pole"])
    return candidates


def _count_by(candidates, field, labels=None):
    rows = candidates.order_by().values(field).annotate(n=Count("pk")).order_by("-n", field)
    labels = labels or {}
    return [(str(labels.get(r[field], r[field]) or _("Non renseigné")), r["n"]) for r in rows]


def department_name():
    """The name of the candidate's département of origin, read in the same query."""
    return Subquery(
        Department.objects.filter(code=OuterRef("origin_department")).values("name")[:1]
    )


def _by_department(candidates):
    """ "Gironde (33)", never a bare code."""
    rows = (
        candidates.order_by()
        .values("origin_department")
        .annotate(n=Count("pk"), name=department_name())
        .order_by("-n", "origin_department")
    )
    return [(department_label(r["origin_department"], r["name"]), r["n"]) for r in rows]


def department_label(code, name):
    if not code:
        return _("Non renseigné")
    return f"{name} ({code})" if name else code


def _by_month(queryset, date_field):
    rows = (
        queryset.order_by()
        .annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return [(f"{r['month']:%m/%Y}", r["n"]) for r in rows if r["month"]]


def compute(user, data):
    """A list of (key, title, [(label, value)…]) tables."""
    candidates = _scoped(user, data)
    contacts = CandidateContact.objects.filter(candidate__in=candidates.values("pk"))
    total = candidates.count()
    settled = candidates.filter(status=CandidateStatus.SETTLED).count()
    status_labels = dict(CandidateStatus.choices)
    return total, [
        ("status", _("Candidats par statut"), _count_by(candidates, "status", status_labels)),
        (
            "project",
            _("Candidats par type de projet"),
            _count_by(candidates, "project_type", dict(ProjectType.choices)),
        ),
        ("pole", _("Candidats par pôle"), _count_by(candidates, "pole__name")),
        (
            "origin",
            _("Candidats par département d'origine"),
            _by_department(candidates)[:20],
        ),
        ("country", _("Candidats par pays de résidence"), _count_by(candidates, "origin_country")),
        ("month", _("Candidats reçus par mois"), _by_month(candidates, "created_at")),
        (
            "contacts",
            _("Activité des pôles : contacts par mois"),
            _by_month(contacts, "happened_on"),
        ),
        (
            "settled",
            _("Taux d'installation"),
            [(_("Installé·es"), settled), (_("Total"), total)],
        ),
    ]


def _form(request):
    form = StatsFilterForm(request.GET or None)
    form.is_valid()
    return form, getattr(form, "cleaned_data", {})


@member_required
@require_GET
def candidate_stats(request):
    form, data = _form(request)
    total, tables = compute(request.user, data)
    rate = None
    settled = dict(tables[-1][2])
    if total:
        rate = round(100 * settled[_("Installé·es")] / total, 1)
    context = {
        "form": form,
        "total": total,
        "rate": rate,
        "tables": tables,
        "query": request.GET.urlencode(),
    }
    return render(request, "extranet/candidates/candidate_stats.html", context)


@member_required
@require_GET
def candidate_stats_export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form_, data = _form(request)
    _total, tables = compute(request.user, data)
    rows = [(title, label, value) for _key, title, table in tables for label, value in table]
    audit.record_export(
        actor=request.user, model=Candidate, label=f"statistiques {fmt}", rows=len(rows)
    )
    header = [_("Tableau"), _("Valeur"), _("Nombre")]
    filename = f"statistiques-accueil-{timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        return csv_response(header, rows, filename)
    return xlsx_response(header, rows, filename, _("Statistiques"))
