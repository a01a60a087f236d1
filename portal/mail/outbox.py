"""Write e-mails to the outbox, send them after commit, retry the ones that failed.

A message is stored in the same transaction as what it talks about and handed to the
`send_messages` task once that transaction commits, never inside it: a rolled-back change
sends nothing, and a slow or refusing SMTP server never fails the request that wrote it.
The task runs inline on the immediate backend (the default) and in the worker when
`TASKS_BACKEND` names one. A failed send leaves the row `failed` with its error and a next
attempt date; `manage.py send_outbox` (cron) retries it.
"""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

from portal.mail.enums import EmailStatus
from portal.mail.models import OutboundEmail

logger = logging.getLogger(__name__)

SUBJECT_MAX = OutboundEmail._meta.get_field("subject").max_length
KIND_MAX = OutboundEmail._meta.get_field("kind").max_length


def enqueue(*, to, subject, template, context, kind=""):
    """Queue one of the portal's notifications: text from `<template>.txt`, HTML from
    `<template>.html`, the subject tagged with the site's prefix. One message per address."""
    return enqueue_rendered(
        to=to,
        subject=getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "") + str(subject),
        text=render_to_string(f"{template}.txt", context),
        html=render_to_string(f"{template}.html", context),
        kind=kind,
    )


def enqueue_rendered(*, to, subject, text, html="", kind="", attachments=()):
    """Queue a message its sender has already rendered (allauth, Cartemploi, the répertoire),
    sent as given: one message per address, duplicates and blanks dropped. `attachments`:
    small text files as (filename, content, mimetype)."""
    files = [
        {"filename": name, "content": content, "mimetype": mimetype}
        for name, content, mimetype in attachments
    ]
    messages = [
        OutboundEmail.objects.create(
            to=address,
            subject=str(subject)[:SUBJECT_MAX],
            body_text=text,
            body_html=html,
            kind=kind[:KIND_MAX],
            attachments=files,
        )
        for address in dict.fromkeys(a for a in to if a)
    ]
    if messages:
        # robust: an error while handing over is logged, never raised into the request;
        # the rows stay pending and `send_outbox` sends them.
        transaction.on_commit(partial(hand_over, [m.pk for m in messages]), robust=True)
    return messages


def hand_over(ids):
    """After commit: give the new messages to the task (inline, or queued for the worker)."""
    send_messages.enqueue(ids)


@task
def send_messages(ids):
    """Send the messages still pending among `ids`; already sent or failed ones are left to
    `send_outbox`, so running this twice never sends twice."""
    sent = 0
    for message in OutboundEmail.objects.filter(pk__in=ids, status=EmailStatus.PENDING):
        sent += deliver(message)
    return sent


def backoff(attempts):
    """2, 4, 8… minutes, at most 6 hours."""
    return datetime.timedelta(minutes=min(2**attempts, 360))


def deliver(message):
    """Try to send one message now; record the outcome. Returns True when sent."""
    mail = EmailMultiAlternatives(subject=message.subject, body=message.body_text, to=[message.to])
    if message.body_html:
        mail.attach_alternative(message.body_html, "text/html")
    for file in message.attachments or ():
        mail.attach(file["filename"], file["content"], file["mimetype"])
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
