import io
from datetime import date

from django.urls import reverse
from openpyxl import load_workbook
from pytest_django.asserts import assertContains, assertNotContains

from cartemploi.demo.profiles import seed_cartemploi_demo
from cartemploi.enums import SkillLevel
from cartemploi.models import CompanyProfile, Conversation, YouthProfile
from cartemploi.services import relay
from extranet.dashboard import panels_for
from tests.cartemploi.factories import CompanyProfileFactory, YouthProfileFactory

STATS = reverse("cartemploi:advisor_stats")


def _conversation(company, youth_profile):
    conversation, message, _masked = relay.start_conversation(
        sender=company.user, youth=youth_profile, company=company, body="Bonjour"
    )
    return conversation, message


def test_stats_count_conversations_interviews_hires(client, company, youth_profile, advisor):
    conversation, message = _conversation(company, youth_profile)
    relay.release(message=message, advisor=advisor)
    relay.post_message(conversation=conversation, sender=youth_profile.user, body="Oui !")
    relay.record_outcome(
        conversation=conversation, kind="interview", occurred_on=date(2026, 1, 5), actor=advisor
    )
    relay.record_outcome(
        conversation=conversation, kind="hire", occurred_on=date(2026, 1, 20), actor=advisor
    )
    client.force_login(advisor)
    for group in ["month", "sector", "territory"]:
        response = client.get(STATS, {"group": group})
        assert response.context["totals"] == {
            "started": 1,
            "messages": 2,
            "answered_7d": 1,
            "interviews": 1,
            "hires": 1,
        }
    assertContains(client.get(STATS, {"group": "sector"}), "Industrie manufacturière")
    csv_body = b"".join(
        client.get(reverse("cartemploi:advisor_stats_export", args=["csv"])).streaming_content
    )
    assert "Embauches" in csv_body.decode("utf-8-sig")
    response = client.get(reverse("cartemploi:advisor_stats_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[1][1:] == (1, 2, 1, 1, 1)
    assert client.get(reverse("cartemploi:advisor_stats_export", args=["pdf"])).status_code == 404


def test_stats_are_advisors_only(client, company, youth_profile, stranger):
    assert client.get(STATS).status_code == 302
    client.force_login(company.user)
    assert client.get(STATS).status_code == 403


def test_stats_bad_period_keeps_input(client, advisor):
    client.force_login(advisor)
    response = client.get(STATS, {"start": "2026-05-01", "end": "2026-01-01"})
    assertContains(response, "La fin de période doit suivre son début.")
    assertContains(response, 'value="2026-05-01"')


def test_observatory_hides_cells_under_five(client, db):
    for _ in range(5):
        YouthProfileFactory(published=True, skills=[("Maraîchage", SkillLevel.DECLARED)])
    for _ in range(2):
        YouthProfileFactory(published=True, skills=[("Jonglage", SkillLevel.DECLARED)])
    CompanyProfileFactory(published=True, trade="Tonnelier")
    response = client.get(reverse("cartemploi:observatory"))
    assertContains(response, "Maraîchage")
    assertNotContains(response, "Jonglage")
    assertNotContains(response, "Tonnelier")
    assertContains(response, "moins de 5")
    sectors = {row["label"]: row for row in response.context["sectors"]}
    assert sectors["Hébergement et restauration"]["youths"] == 7
    assert sectors["Industrie manufacturière"]["companies"] is None


def test_dashboard_panels_for_advisor(rf, advisor, member, company, youth_profile):
    _conversation(company, youth_profile)
    request = rf.get("/")
    request.user = advisor
    panels = {panel.key: ctx for panel, ctx in panels_for(request)}
    assert panels["cartemploi_held"]["count"] == 1
    assert panels["cartemploi_waiting"]["count"] == 1
    assert panels["cartemploi_validate"]["count"] == 0
    request.user = member
    assert not any(p.key.startswith("cartemploi") for p, _ in panels_for(request))


def test_dashboard_page_shows_panels(client, advisor):
    client.force_login(advisor)
    assertContains(client.get(reverse("extranet:dashboard")), "Messages retenus pour modération")


def test_demo_is_idempotent(db, advisor):
    from tests.portal.factories import CommuneFactory
    from tests.repertoire.factories import StructureFactory

    CommuneFactory(insee_code="23096", name="Guéret", latitude=46.17, longitude=1.87)
    StructureFactory(slug="mission-locale-deux-vallees-demo", youth_agency=True, commune_id="23096")
    seed_cartemploi_demo()
    seed_cartemploi_demo()
    # 40 young people and 20 companies, plus the two printed demo accounts' profiles.
    assert YouthProfile.objects.count() == 41
    assert CompanyProfile.objects.count() == 21
    assert Conversation.objects.exists()


def test_search_source_documents_are_anonymous(youth_profile):
    from search import registry

    source = registry.get_source("cartemploi_youth")
    (card,) = source.get_queryset()
    document = source.to_document(card)
    text = f"{document.title} {document.text} {document.suggest}"
    for secret in [youth_profile.user.last_name, youth_profile.user.email, "Camille"]:
        assert secret not in text
