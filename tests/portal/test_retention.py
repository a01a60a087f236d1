"""The privacy page prints the retention rules the job applies, word for word."""

import datetime
import html

import pytest

from portal import retention
from portal.demo import content, site
from portal.models import HomePage, StandardPage


@pytest.fixture
def privacy_page(db):
    home = HomePage.objects.get()
    return site.upsert_page(home, *content.PAGES["privacy"])


def page_text(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_demo_privacy_page_prints_every_retention_rule(client, privacy_page):
    text = page_text(client, privacy_page)
    rules = retention.rules()
    assert {r.kind for r in rules} >= {
        "candidates",
        "referrals",
        "pathways",
        "youth_profiles",
        "relay_messages",
        "accounts",
        "audit_events",
        "outbox",
        "sessions",
        "bookings",
    }
    for rule in rules:
        row = f'<th scope="row">{rule.label}</th>'
        assert row in text, rule.kind
        after = text.split(row, 1)[1].split("</tr>", 1)[0]
        assert f"<td>{rule.duration_label}</td>" in after, rule.kind
        assert str(rule.start) in after, rule.kind
        assert str(rule.action_label).capitalize() in after, rule.kind
        assert str(rule.warning_label) in after, rule.kind
    assert "trois ans" not in text


def test_page_follows_the_settings_when_a_rule_changes(client, privacy_page, settings):
    changed = {**settings.PASSERELLES_RETENTION}
    changed["candidates"] = {**changed["candidates"], "months": 36}
    settings.PASSERELLES_RETENTION = changed
    row = f'<th scope="row">{retention.rule("candidates").label}</th>'
    after = page_text(client, privacy_page).split(row, 1)[1]
    assert "<td>3 ans</td>" in after.split("</tr>", 1)[0]


def test_reseeding_the_privacy_page_adds_no_revision(privacy_page):
    revisions = privacy_page.revisions.count()
    site.upsert_page(HomePage.objects.get(), *content.PAGES["privacy"])
    assert StandardPage.objects.get(pk=privacy_page.pk).revisions.count() == revisions


@pytest.mark.parametrize(
    ("spec", "label"),
    [({"days": 14}, "14 jours"), ({"months": 24}, "2 ans"), ({"months": 12}, "1 an")]
    + [({"months": 3}, "3 mois")],
)
def test_duration_labels(spec, label):
    rule = retention.RetentionRule(kind="x", label="x", start="x", action="delete", **spec)
    assert str(rule.duration_label) == label


def test_month_arithmetic_keeps_the_day_or_the_month_end():
    assert retention.months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert retention.months_before(datetime.date(2026, 1, 15), 24) == datetime.date(2024, 1, 15)
    assert retention.months_before(datetime.date(2024, 2, 29), -12) == datetime.date(2025, 2, 28)


def test_session_cookie_lasts_what_the_sessions_rule_says(settings):
    assert retention.rule("sessions").days * 86400 == settings.SESSION_COOKIE_AGE
