"""CSV and XLSX exports of the filtered candidate list, streamed (`portal.exports`): rows
are read from a server-side iterator, memory stays flat.
"""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from extranet import audit
from extranet.candidates.enums import CandidateSource, CandidateStatus, ProjectType
from extranet.candidates.filters import filtered
from extranet.candidates.stats import department_label, department_name
from extranet.decorators import member_required
from extranet.models import Candidate
from portal.exports import csv_response, xlsx_response

FIELDS = (
    "reference",
    "created_at",
    "status",
    "status_reason",
    "pole__name",
    "source",
    "first_name",
    "last_name",
    "email",
    "phone",
    "origin_country",
    "origin_department",
    "adults",
    "children",
    "project_type",
    "sector",
    "target_date",
    "target_commune__name",
    "needs_housing",
    "needs_partner_job",
    "needs_childcare",
    "needs_premises",
    "needs_support",
    "referent__email",
)
LABELED = {"status": CandidateStatus, "source": CandidateSource, "project_type": ProjectType}


def headers():
    return [
        _("Référence"), _("Reçu le"), _("Statut"), _("Motif"), _("Pôle"), _("Origine"),
        _("Prénom"), _("Nom"), _("E-mail"), _("Téléphone"), _("Pays"), _("Département"),
        _("Adultes"), _("Enfants"), _("Projet"), _("Secteur"), _("Installation vers"),
        _("Commune visée"), _("Logement"), _("Emploi conjoint·e"), _("Garde d'enfants"),
        _("Locaux"), _("Accompagnement"), _("Référent·e"),
    ]  # fmt: skip


def rows(candidates):
    """Plain tuples, read by chunks from the database (never the whole list at once)."""
    labels = {name: {k: str(v) for k, v in enum.choices} for name, enum in LABELED.items()}
    positions = {FIELDS.index(name): labels[name] for name in LABELED}
    tz = timezone.get_current_timezone()
    department = FIELDS.index("origin_department")
    named = candidates.annotate(department_name=department_name())
    for values in named.values_list(*FIELDS, "department_name").iterator(chunk_size=5000):
        row = list(values)
        row[1] = row[1].astimezone(tz).replace(tzinfo=None)
        name = row.pop()
        row[department] = department_label(row[department], name) if row[department] else ""
        for index, mapping in positions.items():
            row[index] = mapping.get(row[index], row[index])
        yield row


@member_required
@require_GET
def candidate_export(request, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, candidates = filtered(Candidate.objects.visible_to(request.user), request.GET)
    count = candidates.count()
    audit.record_export(
        actor=request.user, model=Candidate, label=f"export {fmt} candidats", rows=count
    )
    filename = f"candidats-{timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        return csv_response(headers(), rows(candidates), filename)
    return xlsx_response(headers(), rows(candidates), filename, _("Candidats"))
