"""E-mails of Cartemploi. The other party's address never appears: only the portal's."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

logger = logging.getLogger(__name__)


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def send(*, to, template, context):
    """Render templates/cartemploi/emails/<template>_subject.txt and _body.txt and send."""
    context = {**context, "site_url": settings.SITE_URL.rstrip("/")}
    subject = render_to_string(f"cartemploi/emails/{template}_subject.txt", context)
    body = render_to_string(f"cartemploi/emails/{template}_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [to])
    except OSError:
        # The message is stored and readable in the portal: a mail outage loses nothing.
        logger.exception("Cartemploi e-mail %s could not be sent", template)
        return False
    return True


def conversation_link(conversation):
    return absolute(reverse("cartemploi:conversation", args=[conversation.pk]))
