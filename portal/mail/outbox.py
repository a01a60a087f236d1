"""Write e-mails to the outbox, send them, retry the ones that failed.

The message is stored in the same transaction as what it talks about; sending happens after
commit. An SMTP failure never loses the candidate: the row stays `failed` with its error and
a next attempt date, `manage.py send_outbox` (cron or worker) retries it.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from portal.mail.enums import EmailStatus
from portal.mail.models import OutboundEmail

logger = logging.getLogger(__name__)


def enqueue(*, to, subject, template, context, kind=""):
    """Store one e-mail per recipient (text + HTML from `template`.txt/.html); send on commit."""
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    messages = [
        OutboundEmail.objects.create(
            to=address, subject=subject, body_text=text, body_html=html, kind=kind
        )
        for address in dict.fromkeys(a for a in to if a)
    ]
    ids = [m.pk for m in messages]
    transaction.on_commit(lambda: deliver_ids(ids))
    return messages


def deliver_ids(ids):
    for message in OutboundEmail.objects.filter(pk__in=ids):
        deliver(message)


def backoff(attempts):
    """2, 4, 8… minutes, at most 6 hours."""
    return datetime.timedelta(minutes=min(2**attempts, 360))


def deliver(message):
    """Try to send one message now; record the outcome. Returns True when sent."""
    mail = EmailMultiAlternatives(
        subject=getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "") + message.subject,
        body=message.body_text,
        to=[message.to],
    )
    if message.body_html:
        mail.attach_alternative(message.body_html, "text/html")
    message.attempts += 1
    try:
        mail.send()
    except Exception as error:  # any transport error: keep the message for later
        logger.warning("outbox: sending %s failed: %s", message.pk, error)
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        abandoned = message.attempts >= settings.OUTBOX_MAX_ATTEMPTS
        message.status = EmailStatus.ABANDONED if abandoned else EmailStatus.FAILED
        message.next_attempt_at = timezone.now() + backoff(message.attempts)
        message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
        return False
    message.status = EmailStatus.SENT
    message.sent_at = timezone.now()
    message.save(update_fields=["attempts", "status", "sent_at"])
    return True


def retry_due(now=None, limit=500):
    """Send the due messages; (sent, failed) counts."""
    sent = failed = 0
    for message in OutboundEmail.objects.due(now).order_by("next_attempt_at")[:limit]:
        if deliver(message):
            sent += 1
        else:
            failed += 1
    return sent, failed
