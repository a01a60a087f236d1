"""Referral statistics, exports and the dashboard panels."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook
from pytest_django.asserts import assertContains

from extranet.enums import AuditAction
from extranet.models import AuditEvent
from extranet.referrals import services
from extranet.referrals.enums import ReferralStatus
from tests.extranet.factories import ReferralFactory


def test_stats_by_status_target_and_theme(client, referral, network):
    services.change_status(
        actor=network.member_b, referral=referral, to_status=ReferralStatus.ACKNOWLEDGED
    )
    ReferralFactory(
        sender_structure=network.b,
        target_structure=network.a,
        thematiques=["sante--acces-aux-soins"],
    )
    client.force_login(network.member_a)
    response = client.get(reverse("extranet:referral_stats"))
    assert dict(response.context["by_status"])["Reçue"] == 1
    assert dict(response.context["by_theme"]) == {"Logement et hébergement": 1, "Santé": 1}
    targets = {row[0]: row[1:] for row in response.context["by_target"]}
    assert targets[network.b.name][:2] == (1, 0) and targets[network.a.name][:2] == (1, 1)


def test_stats_only_count_visible_referrals(client, referral, network):
    client.force_login(network.member_c)
    assert client.get(reverse("extranet:referral_stats")).context["summary"]["total"] == 0


def test_csv_export_has_no_personal_data_and_is_audited(client, referral, network):
    client.force_login(network.member_a)
    response = client.get(reverse("extranet:referral_stats_export", args=["csv"]))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[1][0] == referral.reference and rows[1][4] == "Envoyée"
    assert referral.person_last_name not in body and "06 00" not in body
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=network.member_a).exists()


def test_xlsx_export(client, referral, network):
    client.force_login(network.member_b)
    response = client.get(reverse("extranet:referral_stats_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.cell(2, 1).value == referral.reference
    assert client.get(reverse("extranet:referral_stats_export", args=["pdf"])).status_code == 404


def test_dashboard_panels(client, referral, network):
    client.force_login(network.member_b)
    response = client.get(reverse("extranet:dashboard"))
    assertContains(response, "Fiches de liaison à accuser réception")
    assertContains(response, referral.reference)
    services.change_status(
        actor=network.member_b, referral=referral, to_status=ReferralStatus.IN_PROGRESS
    )
    response = client.get(reverse("extranet:dashboard"))
    assertContains(response, "Aucune fiche en attente d'accusé de réception.")
    assertContains(response, referral.reference)
