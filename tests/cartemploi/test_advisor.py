import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from cartemploi.enums import ValidationStatus
from cartemploi.models import PublicCard, YouthProfile
from cartemploi.services.profiles import accept_charter
from extranet.models import AuditEvent
from tests.cartemploi.factories import JobOfferFactory, YouthProfileFactory
from tests.cartemploi.helpers import youth_post
from tests.extranet.factories import MembershipFactory
from tests.portal.factories import CommuneFactory

QUEUE = reverse("cartemploi:advisor_queue")


@pytest.fixture
def pending(agency):
    profile = YouthProfileFactory(status=ValidationStatus.PENDING, agency=agency)
    accept_charter(user=profile.user)
    return profile


def _review(profile):
    return reverse("cartemploi:advisor_review", args=["jeune", profile.pk])


def test_role_matrix_on_review(client, pending, advisor, youth, stranger, member):
    url = _review(pending)
    assert client.get(url).status_code == 302
    for user in [youth, stranger, member]:
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.get(QUEUE).status_code == 403
    other_advisor = MembershipFactory(structure__youth_agency=True).user
    other_advisor.groups.add(*advisor.groups.all())
    client.force_login(other_advisor)
    assert client.get(url).status_code == 404
    client.force_login(advisor)
    assertContains(client.get(QUEUE), str(pending))
    assertContains(client.get(url), pending.first_name)
    assert AuditEvent.objects.for_object(pending).filter(actor=advisor, action="read").exists()


def test_validate_publishes_and_emails(client, pending, advisor):
    client.force_login(advisor)
    assertRedirects(client.post(_review(pending), {"action": "publish"}), QUEUE)
    pending.refresh_from_db()
    assert pending.status == ValidationStatus.PUBLISHED
    assert PublicCard.objects.filter(youth=pending).exists()
    assert mail.outbox[0].to == [pending.user.email]
    assert "en ligne" in mail.outbox[0].subject


def test_unpublish_needs_reason_and_emails_it(client, youth_profile, advisor):
    client.force_login(advisor)
    url = _review(youth_profile)
    response = client.post(url, {"action": "unpublish", "reason": ""})
    assertContains(response, "Indiquez un motif.")
    assert PublicCard.objects.filter(youth=youth_profile).exists()
    client.post(url, {"action": "unpublish", "reason": "Photo inadaptée"})
    youth_profile.refresh_from_db()
    assert youth_profile.status == ValidationStatus.UNPUBLISHED
    assert not PublicCard.objects.filter(youth=youth_profile).exists()
    assert "Photo inadaptée" in mail.outbox[-1].body


def test_cannot_publish_without_charter(client, agency, advisor):
    profile = YouthProfileFactory(status=ValidationStatus.PENDING, agency=agency)
    client.force_login(advisor)
    response = client.post(_review(profile), {"action": "publish"}, follow=True)
    assertContains(response, "pas encore accepté la charte")


def test_offer_waits_for_company(client, advisor, agency):
    offer = JobOfferFactory(company__status=ValidationStatus.PENDING, company__agency=agency)
    accept_charter(user=offer.company.user)
    offer.status = "pending"
    offer.save()
    client.force_login(advisor)
    url = reverse("cartemploi:advisor_review", args=["offre", offer.pk])
    response = client.post(url, {"action": "publish"}, follow=True)
    assertContains(response, "L&#x27;entreprise doit être validée avant ses offres.")


def test_advisor_creates_profile_with_young_person(client, advisor):
    commune = CommuneFactory(name="Ahun")
    client.force_login(advisor)
    url = reverse("cartemploi:advisor_youth_create")
    data = youth_post(commune)
    data.update({"account-email": "nouvelle@exemple.fr", "account-last_name": "Secret"})
    response = client.post(url, data)
    assertContains(response, "La charte doit être acceptée par le ou la jeune.")
    data["account-charter_read"] = "on"
    response = client.post(url, data)
    profile = YouthProfile.objects.get(user__email="nouvelle@exemple.fr")
    assertRedirects(response, _review(profile))
    assert profile.created_by == advisor
    assert profile.status == ValidationStatus.PENDING
    assert profile.user.charter_acceptances.get().recorded_by == advisor
