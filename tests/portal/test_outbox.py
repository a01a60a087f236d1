"""The e-mail outbox: stored with the change, sent after commit, retried when SMTP fails."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertRedirects

from portal.mail import outbox
from portal.mail.enums import EmailStatus
from portal.models import OutboundEmail, User
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def queue(to="camille@exemple.fr", subject="Votre demande", **kwargs):
    return outbox.enqueue_rendered(to=[to], subject=subject, text="Bonjour.", **kwargs)


def test_nothing_leaves_before_commit_and_a_rolled_back_change_sends_nothing():
    with transaction.atomic():
        queue()
        assert OutboundEmail.objects.get().status == EmailStatus.PENDING
        assert mail.outbox == []
    assert [m.to for m in mail.outbox] == [["camille@exemple.fr"]]
    assert OutboundEmail.objects.get().status == EmailStatus.SENT

    with pytest.raises(RuntimeError), transaction.atomic():
        queue(to="dominique@exemple.fr")
        raise RuntimeError("the change fails")
    assert len(mail.outbox) == 1
    assert not OutboundEmail.objects.filter(to="dominique@exemple.fr").exists()


def test_one_message_per_address_duplicates_and_blanks_dropped():
    messages = outbox.enqueue_rendered(
        to=["a@exemple.fr", "", "b@exemple.fr", "a@exemple.fr"], subject="Objet", text="Texte"
    )
    assert [m.to for m in messages] == ["a@exemple.fr", "b@exemple.fr"]
    assert sorted(m.to[0] for m in mail.outbox) == ["a@exemple.fr", "b@exemple.fr"]


def test_templated_messages_carry_the_site_prefix_rendered_ones_are_sent_as_given(settings):
    settings.ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Passerelles] "
    outbox.enqueue(
        to=["a@exemple.fr"],
        subject="Fiche de liaison",
        template="extranet/emails/referral_notification",
        context={"referral": {"reference": "OR-1"}, "headline": "Bonjour", "detail_url": "/x/"},
    )
    queue(to="b@exemple.fr", subject="[Répertoire] Erreur signalée")
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "a@exemple.fr": "[Passerelles] Fiche de liaison",
        "b@exemple.fr": "[Répertoire] Erreur signalée",
    }
    assert mail.outbox[0].alternatives[0][1] == "text/html"


def test_a_delivery_run_twice_sends_once():
    (message,) = queue()
    outbox.send_messages.call([message.pk])
    assert len(mail.outbox) == 1


def test_failures_back_off_then_are_abandoned(smtp_down, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    (message,) = queue()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (EmailStatus.FAILED, 1)
    assert "SMTPException" in message.last_error
    assert message.next_attempt_at > timezone.now()
    assert outbox.retry_due() == (0, 0)  # not due yet
    assert outbox.retry_due(now=message.next_attempt_at) == (0, 1)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (EmailStatus.ABANDONED, 2)
    assert outbox.retry_due(now=timezone.now() + datetime.timedelta(days=1)) == (0, 0)


def test_smtp_connections_give_up_after_email_timeout(settings):
    """Django's default is no timeout: a silent server held an intake request ~120 s."""
    assert settings.EMAIL_TIMEOUT == 10


def test_signup_with_smtp_down_answers_and_the_verification_is_sent_later(client, smtp_down):
    response = client.post(
        reverse("account_signup"),
        {
            "first_name": "Zoé",
            "last_name": "Marchand",
            "email": "zoe.marchand@exemple.fr",
            "kind": "youth",
            "password1": "une phrase de passe solide",
            "password2": "une phrase de passe solide",
        },
    )
    assertRedirects(response, reverse("account_email_verification_sent"))
    assert User.objects.filter(email="zoe.marchand@exemple.fr").exists()
    assert smtp_down.queued("zoe.marchand@exemple.fr").count() == 1
    assert mail.outbox == []

    smtp_down.recover_and_retry()
    (sent,) = mail.outbox
    assert sent.to == ["zoe.marchand@exemple.fr"]
    assert sent.subject.startswith("[Passerelles] ")
    assert "/comptes/confirm-email/" in sent.body


def test_password_reset_with_smtp_down_answers_and_the_link_is_sent_later(client, smtp_down):
    user = UserFactory()
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assertRedirects(response, reverse("account_reset_password_done"))
    assert smtp_down.queued(user.email).count() == 1

    smtp_down.recover_and_retry()
    (sent,) = mail.outbox
    assert sent.to == [user.email]
    assert "/comptes/password/reset/key/" in sent.body
