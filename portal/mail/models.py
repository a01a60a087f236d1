from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.mail.enums import EmailStatus


class OutboundEmailQuerySet(models.QuerySet):
    def due(self, now=None):
        """Messages to (re)try now: never sent, or failed and past their back-off."""
        return self.filter(
            status__in=(EmailStatus.PENDING, EmailStatus.FAILED),
            next_attempt_at__lte=now or timezone.now(),
        )

    def failing(self):
        return self.filter(status__in=(EmailStatus.FAILED, EmailStatus.ABANDONED))


class OutboundEmail(models.Model):
    """An e-mail written to the database first, then sent: nothing is lost when SMTP is down.

    `portal.mail.outbox` writes and sends it; `manage.py send_outbox` retries the due ones
    with an exponential back-off; failures are listed in the Wagtail admin.
    """

    to = models.EmailField(_("destinataire"))
    subject = models.CharField(_("objet"), max_length=255)
    body_text = models.TextField(_("texte"))
    body_html = models.TextField(_("HTML"), blank=True)
    # Small text files sent with the message ([{"filename", "mimetype", "content"}]), such
    # as the `.ics` of an accepted booking; never personal files (they stay private).
    attachments = models.JSONField(_("pièces jointes"), default=list, blank=True)
    kind = models.CharField(_("type"), max_length=40, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    next_attempt_at = models.DateTimeField(_("prochain essai"), default=timezone.now)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail sortant")
        verbose_name_plural = _("e-mails sortants")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="mail_outbox_due_idx")]

    def __str__(self):
        return f"{self.subject} → {self.to}"
