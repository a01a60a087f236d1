"""Outcomes by gender where young people chose to say it (issue #15, item 5)."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from cartemploi.enums import Gender
from cartemploi.models import YouthProfile
from cartemploi.observatory import MIN_CELL, suppress_small
from cartemploi.privacy import anonymise_youth_profile
from cartemploi.services import relay
from cartemploi.stats import table
from extranet.privacy.register import REGISTER, DataClass
from tests.cartemploi.factories import CompanyProfileFactory, YouthProfileFactory
from tests.cartemploi.helpers import youth_post
from tests.portal.factories import CommuneFactory

pytestmark = pytest.mark.django_db

STATS = reverse("cartemploi:advisor_stats")
OBSERVATORY = reverse("cartemploi:observatory")


def _people(agency, gender, count, hires=0):
    """`count` young people of one gender, each in one conversation; `hires` were hired."""
    company = CompanyProfileFactory(published=True, agency=agency)
    for n in range(count):
        youth = YouthProfileFactory(published=True, agency=agency, gender=gender)
        conversation, _message, _masked = relay.start_conversation(
            sender=youth.user, youth=youth, company=company, body="Bonjour"
        )
        if n < hires:
            relay.record_outcome(
                conversation=conversation, kind="hire", occurred_on=date(2026, 1, 5), actor=None
            )


@pytest.fixture
def genders(agency):
    _people(agency, Gender.WOMAN, 7, hires=5)
    _people(agency, Gender.MAN, 6, hires=2)
    _people(agency, Gender.DECLINED, 2)
    _people(agency, "", 1)


def test_suppression_hides_small_cells_and_the_one_a_total_would_reveal():
    rows = [{"n": 9}, {"n": 6}, {"n": 2}]
    assert [r["n"] for r in suppress_small(rows, ["n"])] == [9, None, None]
    rows = [{"n": 9}, {"n": 6}, {"n": 2}, {"n": 1}]
    assert [r["n"] for r in suppress_small(rows, ["n"])] == [9, 6, None, None]
    shown, sums = table([{"started": 3, "messages": 3, "answered_7d": 0, "interviews": 0,
                          "hires": 0, "key": "woman", "label": "Femme"}], "gender")  # fmt: skip
    assert shown[0]["started"] is None and sums["started"] is None, "a total alone is a cell"


def test_advisor_stats_and_exports_by_gender(client, advisor, genders):
    client.force_login(advisor)
    response = client.get(STATS, {"group": "gender"})
    rows = {row["label"]: row for row in response.context["rows"]}
    assert list(rows) == ["Femme", "Homme", "Ne souhaite pas répondre", "Non renseigné"]
    assert rows["Femme"]["started"] == 7 and rows["Femme"]["hires"] == 5
    assert rows["Homme"]["started"] == 6 and rows["Homme"]["hires"] is None
    assert rows["Ne souhaite pas répondre"]["started"] is None
    assert response.context["totals"]["started"] == 16
    assertContains(response, "moins de 5")
    export = reverse("cartemploi:advisor_stats_export", args=["csv"])
    body = b"".join(client.get(export, {"group": "gender"}).streaming_content)
    lines = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    by_label = {line[0]: line[1:] for line in lines[1:]}
    assert by_label["Femme"][0] == "7"
    assert by_label["Homme"][4] == "moins de 5"


def test_observatory_shows_outcomes_by_gender_with_small_cells_hidden(client, agency, genders):
    response = client.get(OBSERVATORY)
    assertContains(response, "Résultats selon le genre déclaré")
    rows = {row["label"]: row for row in response.context["gender_rows"]}
    assert rows["Femme"]["hires"] == 5
    assert rows["Homme"]["hires"] is None, "two hires: hidden"
    assert rows["Non renseigné"]["started"] is None
    assert all(row[c] is None or row[c] >= MIN_CELL for row in rows.values() for c in row
               if c in ("started", "messages", "interviews", "hires"))  # fmt: skip


def test_the_young_person_says_or_changes_their_gender(client, youth_profile):
    client.force_login(youth_profile.user)
    space = reverse("cartemploi:youth_space")
    assertContains(client.get(space), "Ne souhaite pas répondre")
    commune = CommuneFactory(name="Bénévent")
    client.post(space, youth_post(commune, gender=Gender.DECLINED))
    youth_profile.refresh_from_db()
    assert youth_profile.gender == Gender.DECLINED
    client.post(space, youth_post(commune, gender="robot"))
    youth_profile.refresh_from_db()
    assert youth_profile.gender == Gender.DECLINED, "a choice outside the list is refused"


def test_unanswered_is_allowed(client, db):
    from cartemploi.services.profiles import accept_charter
    from tests.portal.factories import UserFactory

    user = UserFactory(youth=True)
    accept_charter(user=user)
    client.force_login(user)
    client.post(reverse("cartemploi:youth_space"), youth_post(CommuneFactory(name="Azérables")))
    assert YouthProfile.objects.get(user=user).gender == ""


def test_an_advisor_never_asks_it(client, advisor):
    client.force_login(advisor)
    assertNotContains(client.get(reverse("cartemploi:advisor_youth_create")), 'name="gender"')


def test_gender_is_classified_and_anonymisation_clears_it(youth_profile):
    assert REGISTER["cartemploi.YouthProfile"]["gender"] == DataClass.IDENTITY
    YouthProfile.objects.filter(pk=youth_profile.pk).update(gender=Gender.WOMAN)
    youth_profile.refresh_from_db()
    anonymise_youth_profile(youth_profile)
    assert YouthProfile.objects.get(pk=youth_profile.pk).gender == ""


def test_the_gender_is_never_public(client, youth_profile):
    YouthProfile.objects.filter(pk=youth_profile.pk).update(gender=Gender.OTHER)
    card = youth_profile.public_card
    response = client.get(reverse("cartemploi:card_detail", args=[card.pk]))
    assertNotContains(response, "Autre")
    assert "gender" not in card.data


def test_the_demo_shows_the_breakdown_with_some_cells_hidden(client, advisor):
    from cartemploi.demo.profiles import seed_cartemploi_demo
    from tests.repertoire.factories import StructureFactory

    CommuneFactory(insee_code="23096", name="Guéret", latitude=46.17, longitude=1.87)
    StructureFactory(slug="mission-locale-deux-vallees-demo", youth_agency=True, commune_id="23096")
    seed_cartemploi_demo()
    rows = client.get(OBSERVATORY).context["gender_rows"]
    cells = [row[c] for row in rows for c in ("started", "interviews", "hires")]
    assert {row["label"] for row in rows} >= {"Femme", "Homme", "Autre", "Non renseigné"}
    assert None in cells and any(cells)
    assert {row["label"]: row for row in rows}["Femme"]["hires"] >= MIN_CELL
