"""Statistics, CSV/XLSX exports and dashboard panels of the candidate pipeline."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pytest_django.asserts import assertContains, assertNotContains

from extranet.enums import AuditAction
from extranet.models import AuditEvent
from tests.extranet.factories import CandidateFactory, WelcomePoleFactory
from tests.portal.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(db):
    user = UserFactory()
    pole = WelcomePoleFactory(name="Pôle du Plateau", officers=[user])
    CandidateFactory(pole=pole, last_name="Installée", status="settled", origin_department="69")
    CandidateFactory(pole=pole, last_name="Nouvelle", status="new", project_type="job")
    CandidateFactory(last_name="Hors-Perimetre")  # another pole
    return user


def _body(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_csv_export_is_streamed_scoped_filtered_and_audited(client, officer):
    client.force_login(officer)
    response = client.get(reverse("extranet:candidate_export", args=["csv"]), {"status": "new"})
    assert response.streaming
    rows = list(csv.reader(io.StringIO(_body(response)), delimiter=";"))
    assert rows[0][0] == "Référence"
    assert [row[7] for row in rows[1:]] == ["Nouvelle"]
    assert rows[1][14] == "Trouver un emploi salarié"
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=officer).exists()


def test_xlsx_export(client, officer):
    client.force_login(officer)
    response = client.get(reverse("extranet:candidate_export", args=["xlsx"]))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    names = sorted(row[7] for row in list(workbook.active.iter_rows(values_only=True))[1:])
    assert names == ["Installée", "Nouvelle"]


def test_unknown_export_format_is_404(client, officer):
    client.force_login(officer)
    assert client.get(reverse("extranet:candidate_export", args=["pdf"])).status_code == 404


def test_statistics_page_has_tables_twins_and_settled_rate(client, officer):
    client.force_login(officer)
    response = client.get(reverse("extranet:candidate_stats"))
    assertContains(response, "Taux d'installation : 50,0 %")
    assertContains(response, 'data-chart-for="table-status"')
    assertContains(response, '<th scope="row">Installé·e</th>', html=False)
    assertContains(response, "vendor/chart.js/chart.umd.js")
    assertNotContains(response, "Hors-Perimetre")


def test_statistics_period_filter_and_export(client, officer):
    client.force_login(officer)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.get(reverse("extranet:candidate_stats"), {"start": tomorrow})
    assert response.context["total"] == 0
    export = client.get(reverse("extranet:candidate_stats_export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(_body(export)), delimiter=";"))
    assert ["Candidats par statut", "Installé·e", "1"] in rows


def test_dashboard_shows_new_candidates_and_due_contacts(client, officer):
    pole = officer.welcome_poles.get()
    CandidateFactory(
        pole=pole, last_name="ARelancer", status="contacted",
        next_action_on=timezone.localdate() - datetime.timedelta(days=1),
    )  # fmt: skip
    client.force_login(officer)
    response = client.get(reverse("extranet:dashboard"))
    assertContains(response, "Nouveaux candidats de mon pôle")
    assertContains(response, "Nouvelle")
    assertContains(response, "Relances à faire")
    assertContains(response, "ARelancer")
    assertNotContains(response, "Hors-Perimetre")


def test_editors_see_offers_awaiting_moderation(client, editor, member):
    client.force_login(editor)
    response = client.get(reverse("extranet:dashboard"))
    assertContains(response, "Offres en attente de modération")
    client.force_login(member)
    assertNotContains(client.get(reverse("extranet:dashboard")), "Offres en attente")


def test_exports_neutralise_a_formula_typed_into_a_name(client, officer):
    """A surname typed as a spreadsheet formula (CSV injection, trust #14 finding 3) comes
    out as text: behind an apostrophe in CSV, as a text cell in XLSX."""
    formula = '=HYPERLINK("http://x","y")'
    CandidateFactory(pole=officer.welcome_poles.get(), last_name=formula)
    client.force_login(officer)
    response = client.get(reverse("extranet:candidate_export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(_body(response)), delimiter=";"))
    assert f"'{formula}" in [row[7] for row in rows[1:]]
    response = client.get(reverse("extranet:candidate_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cell = next(row[7] for row in sheet.iter_rows(min_row=2) if row[7].value == formula)
    assert cell.data_type != "f"


def test_exports_and_statistics_name_departments_and_say_yes_or_no(client, officer):
    """ "Rhône (69)" and "oui"/"non", never a bare code or True/False (#12 finding 6)."""
    DepartmentFactory(code="69", name="Rhône")
    client.force_login(officer)
    response = client.get(reverse("extranet:candidate_export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(_body(response)), delimiter=";"))
    settled = next(row for row in rows if row[7] == "Installée")
    assert settled[11] == "Rhône (69)"
    assert set(settled[18:23]) <= {"oui", "non"}
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", settled[1])
    assertContains(client.get(reverse("extranet:candidate_stats")), "Rhône (69)")
