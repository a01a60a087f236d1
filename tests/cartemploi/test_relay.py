from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from cartemploi.enums import MessageStatus
from cartemploi.models import Conversation, Message, Outcome
from cartemploi.services import relay
from extranet.models import AuditEvent
from tests.cartemploi.factories import CompanyProfileFactory, YouthProfileFactory


def _contact_url(profile):
    return reverse("cartemploi:contact", args=[profile.public_card.pk])


def _start(client, company, youth_profile, body="Bonjour, votre profil nous intéresse."):
    client.force_login(company.user)
    return client.post(_contact_url(youth_profile), {"body": body})


def test_company_writes_message_is_held_then_released(client, company, youth_profile, advisor):
    response = _start(client, company, youth_profile)
    conversation = Conversation.objects.get()
    assertRedirects(response, reverse("cartemploi:conversation", args=[conversation.pk]))
    message = conversation.messages.get()
    assert message.status == MessageStatus.HELD
    assert mail.outbox == []
    # The young person does not see the held message yet.
    client.force_login(youth_profile.user)
    url = reverse("cartemploi:conversation", args=[conversation.pk])
    assertNotContains(client.get(url), "votre profil nous intéresse")
    client.force_login(advisor)
    client.post(reverse("cartemploi:advisor_release", args=[message.pk]))
    message.refresh_from_db()
    assert message.status == MessageStatus.DELIVERED
    (sent,) = mail.outbox
    assert sent.to == [youth_profile.user.email]
    assert company.contact_email not in sent.body and company.user.email not in sent.body
    assert "votre profil nous intéresse" in sent.body
    assert url in sent.body
    assert AuditEvent.objects.for_object(message).filter(actor=advisor).exists()


def test_reply_notifies_company_without_revealing_youth(client, company, youth_profile, settings):
    settings.CARTEMPLOI_HOLD_FIRST_MESSAGES = False
    _start(client, company, youth_profile)
    conversation = Conversation.objects.get()
    client.force_login(youth_profile.user)
    url = reverse("cartemploi:conversation", args=[conversation.pk])
    client.post(url, {"body": "Avec plaisir, je suis disponible."})
    conversation.refresh_from_db()
    assert conversation.answered_at is not None
    sent = mail.outbox[-1]
    assert sent.to == [company.user.email]
    for secret in [youth_profile.user.email, youth_profile.user.last_name, "Camille"]:
        assert secret not in sent.body and secret not in sent.subject


def test_message_with_smtp_down_is_delivered_in_the_portal_and_notified_later(
    client, company, youth_profile, settings, smtp_down
):
    settings.CARTEMPLOI_HOLD_FIRST_MESSAGES = False
    response = _start(client, company, youth_profile)
    conversation = Conversation.objects.get()
    assertRedirects(response, reverse("cartemploi:conversation", args=[conversation.pk]))
    assert conversation.messages.get().status == MessageStatus.DELIVERED
    assert smtp_down.queued(youth_profile.user.email).count() == 1
    smtp_down.recover_and_retry()
    (sent,) = mail.outbox
    assert sent.to == [youth_profile.user.email]
    assert "votre profil nous intéresse" in sent.body


def test_contacts_are_masked_until_both_share(client, company, youth_profile, settings):
    settings.CARTEMPLOI_HOLD_FIRST_MESSAGES = False
    response = _start(client, company, youth_profile, "Appelez-moi au 06 12 34 56 78 ou a@b.fr")
    conversation = Conversation.objects.get()
    message = conversation.messages.get()
    assert "06 12" not in message.body and "a@b.fr" not in message.body
    assert message.was_masked
    assertContains(client.get(response.url), "nous les avons masqués")
    share = reverse("cartemploi:share_contacts", args=[conversation.pk])
    client.post(share)
    client.force_login(youth_profile.user)
    client.post(share)
    conversation.refresh_from_db()
    assert conversation.contacts_shared
    page = client.get(response.url)
    assertContains(page, company.contact_email)
    client.post(response.url, {"body": "Mon numéro : 06 98 76 54 32"})
    assert conversation.messages.last().body == "Mon numéro : 06 98 76 54 32"


def test_message_to_unpublished_profile_is_refused(client, company, youth_profile):
    youth_profile.public_card.delete()
    youth_profile.refresh_from_db()
    client.force_login(company.user)
    response = client.post(reverse("cartemploi:contact", args=[999999]), {"body": "Bonjour"})
    assert response.status_code == 404
    with pytest.raises(relay.ValidationError, match="n'est pas publié"):
        relay.start_conversation(
            sender=company.user, youth=youth_profile, company=company, body="x"
        )


def test_no_repeat_within_7_days_and_body_kept(client, company, youth_profile):
    _start(client, company, youth_profile)
    response = _start(client, company, youth_profile, "Deuxième tentative")
    assertContains(response, "moins de 7 jours")
    assertContains(response, "Deuxième tentative")
    Conversation.objects.update(created_at=timezone.now() - timedelta(days=8))
    _start(client, company, youth_profile)
    assert Conversation.objects.count() == 2


def test_daily_limit(client, company, settings):
    settings.CARTEMPLOI_MAX_NEW_CONVERSATIONS_PER_DAY = 2
    youths = [YouthProfileFactory(published=True) for _ in range(3)]
    for profile in youths[:2]:
        _start(client, company, profile)
    response = _start(client, company, youths[2])
    assertContains(response, "réessayez demain")
    assert Conversation.objects.count() == 2


def test_sender_must_be_published(client, youth_profile):
    draft = CompanyProfileFactory()
    client.force_login(draft.user)
    response = client.post(_contact_url(youth_profile), {"body": "Bonjour"})
    assertContains(response, "doit être validé par la mission locale")


def test_youth_writes_to_company(client, company, youth_profile):
    client.force_login(youth_profile.user)
    response = client.post(_contact_url(company), {"body": "Je voudrais un stage."})
    conversation = Conversation.objects.get()
    assert conversation.started_by == "youth"
    assert response.status_code == 302


def test_conversation_role_matrix(client, company, other_company, youth_profile, advisor, stranger):
    _start(client, company, youth_profile)
    conversation = Conversation.objects.get()
    url = reverse("cartemploi:conversation", args=[conversation.pk])
    client.logout()
    assert client.get(url).status_code == 302
    for user in [other_company.user, stranger]:
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"body": "intrus"}).status_code == 404
    for user in [company.user, youth_profile.user, advisor]:
        client.force_login(user)
        assert client.get(url).status_code == 200
    assert AuditEvent.objects.for_object(conversation).filter(action="read").count() == 3
    # The advisor reads but does not write in the parties' name.
    assert client.post(url, {"body": "conseil"}).status_code == 403


def test_advisor_blocks_conversation(client, company, youth_profile, advisor):
    _start(client, company, youth_profile)
    conversation = Conversation.objects.get()
    client.force_login(advisor)
    block = reverse("cartemploi:advisor_block", args=[conversation.pk])
    client.post(block, {"reason": ""})
    conversation.refresh_from_db()
    assert conversation.status == "open"
    client.post(block, {"reason": "Propos déplacés"})
    conversation.refresh_from_db()
    assert conversation.status == "blocked"
    assert conversation.messages.get().status == MessageStatus.BLOCKED
    client.force_login(company.user)
    url = reverse("cartemploi:conversation", args=[conversation.pk])
    assert client.post(url, {"body": "encore"}).status_code == 403


def test_outcomes_recorded_by_advisor(client, company, youth_profile, advisor, stranger):
    _start(client, company, youth_profile)
    conversation = Conversation.objects.get()
    url = reverse("cartemploi:record_outcome", args=[conversation.pk])
    client.force_login(stranger)
    assert client.post(url, {"kind": "interview", "occurred_on": "2026-03-02"}).status_code == 404
    client.force_login(advisor)
    client.post(url, {"kind": "interview", "occurred_on": "2026-03-02"})
    client.post(url, {"kind": "hire", "occurred_on": "2026-03-20"})
    client.post(url, {"kind": "hire", "occurred_on": "2026-03-21"})
    assert sorted(Outcome.objects.values_list("kind", flat=True)) == ["hire", "interview"]
    assert Message.objects.count() == 1
