from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cartemploi.enums import ConversationStatus, MessageStatus, OutcomeKind, Side
from cartemploi.models.validation import agency_scope
from extranet.enums import Role
from extranet.roles import has_role


class ConversationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The two parties; advisors of the young person's territory; the regional admin."""
        if not user.is_authenticated:
            return self.none()
        if has_role(user, Role.REGIONAL_ADMIN):
            return self
        scope = models.Q(youth__user=user) | models.Q(company__user=user)
        if has_role(user, Role.ADVISOR):
            scope |= agency_scope(user)
        return self.filter(scope)

    def awaiting_answer(self):
        """Open conversations whose recipient has not written back yet."""
        return self.filter(status=ConversationStatus.OPEN, answered_at__isnull=True)


class Conversation(models.Model):
    """A relayed exchange between one young person and one company."""

    youth = models.ForeignKey(
        "cartemploi.YouthProfile",
        on_delete=models.CASCADE,
        related_name="conversations",
        verbose_name=_("jeune"),
    )
    company = models.ForeignKey(
        "cartemploi.CompanyProfile",
        on_delete=models.CASCADE,
        related_name="conversations",
        verbose_name=_("entreprise"),
    )
    offer = models.ForeignKey(
        "cartemploi.JobOffer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversations",
        verbose_name=_("offre"),
    )
    started_by = models.CharField(_("à l'initiative de"), max_length=10, choices=Side.choices)
    agency = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mission locale"),
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=ConversationStatus.choices,
        default=ConversationStatus.OPEN,
    )
    youth_shares_contacts = models.BooleanField(
        _("le ou la jeune partage ses coordonnées"), default=False
    )
    company_shares_contacts = models.BooleanField(
        _("l'entreprise partage ses coordonnées"), default=False
    )
    blocked_reason = models.CharField(_("motif du blocage"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("commencée le"), auto_now_add=True, db_index=True)
    answered_at = models.DateTimeField(_("première réponse le"), null=True, blank=True)
    last_message_at = models.DateTimeField(_("dernier message le"), null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-pk"]

    def __str__(self):
        return f"{self.youth.initial} ↔ {self.company.name}"

    @property
    def contacts_shared(self):
        return self.youth_shares_contacts and self.company_shares_contacts

    def side_of(self, user):
        if user.pk == self.youth.user_id:
            return Side.YOUTH
        if user.pk == self.company.user_id:
            return Side.COMPANY
        return None


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sender_side = models.CharField(_("expéditeur"), max_length=10, choices=Side.choices)
    body = models.TextField(_("message"))
    was_masked = models.BooleanField(_("coordonnées masquées"), default=False)
    status = models.CharField(
        _("statut"), max_length=10, choices=MessageStatus.choices, db_index=True
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("modéré par"),
    )
    moderated_at = models.DateTimeField(_("modéré le"), null=True, blank=True)
    created_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_sender_side_display()} {self.created_at:%d/%m/%Y %H:%M}"


class Outcome(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="outcomes"
    )
    kind = models.CharField(_("résultat"), max_length=10, choices=OutcomeKind.choices)
    occurred_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("résultat")
        verbose_name_plural = _("résultats")
        ordering = ["occurred_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "kind"], name="unique_outcome_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.occurred_on:%d/%m/%Y}"
