from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.module_loading import import_string

from portal.mail import outbox


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """Network members land on the extranet dashboard; everybody else on the home page.

        The rule lives in the extranet (`PASSERELLES_EXTRANET_GATE`), which `portal` must
        not import: the setting is the wiring.
        """
        next_url = super().get_login_redirect_url(request)
        if next_url != reverse(settings.LOGIN_REDIRECT_URL):
            return next_url
        can_enter = import_string(settings.PASSERELLES_EXTRANET_GATE)
        return next_url if can_enter(request.user) else "/"

    def send_mail(self, template_prefix, email, context):
        """Account e-mails (address verification, password reset, security notices) are
        rendered by allauth as usual, then queued in the outbox like every other e-mail:
        sent after commit, retried by `send_outbox`, so a refusing SMTP server never turns
        a sign-up or a reset into an error page."""
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        message = self.render_mail(template_prefix, email, context)
        text, html = message.body, ""
        if message.content_subtype == "html":  # allauth renders HTML only when no .txt exists
            text, html = strip_tags(message.body), message.body
        for body, mimetype in getattr(message, "alternatives", []):
            html = body if mimetype == "text/html" else html
        outbox.enqueue_rendered(
            to=message.to,
            subject=message.subject,
            text=text,
            html=html,
            kind=template_prefix.replace("/email/", "_").replace("/", "_"),
        )
