"""E-mails of Cartemploi. The other party's address never appears: only the portal's.

They go through the portal's outbox: stored with the change that causes them, sent after it
commits, retried by `send_outbox` when SMTP fails. A mail outage loses nothing: the message
itself is stored and readable in the portal.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from portal.mail import outbox


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def send(*, to, template, context):
    """Queue templates/cartemploi/emails/<template>_subject.txt and _body.txt for `to`."""
    context = {**context, "site_url": settings.SITE_URL.rstrip("/")}
    subject = render_to_string(f"cartemploi/emails/{template}_subject.txt", context)
    body = render_to_string(f"cartemploi/emails/{template}_body.txt", context)
    outbox.enqueue_rendered(
        to=[to], subject=" ".join(subject.split()), text=body, kind=f"cartemploi_{template}"
    )


def conversation_link(conversation):
    return absolute(reverse("cartemploi:conversation", args=[conversation.pk]))
