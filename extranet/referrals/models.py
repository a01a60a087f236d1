"""Fiches de liaison: a structure refers a person to another structure, which answers."""

import uuid

from data_inclusion.schema import v1 as di
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from extranet.enums import Role
from extranet.referrals.enums import (
    OPEN_STATUSES,
    TRANSITIONS,
    DeclineReason,
    ReferralConsent,
    ReferralStatus,
    Urgency,
)
from extranet.referrals.files import attachment_path
from extranet.roles import has_role
from portal.storage import private_storage
from repertoire.enums import schema_choices
from repertoire.fields import MultipleChoiceListField


def _my_structures(user):
    from extranet.models import Membership

    return Membership.objects.filter(user=user, is_active=True).values("structure")


class ReferralQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Referrals a user may read: those sent or received by a structure they are an
        active member of; all of them for the regional admin; none for anyone else."""
        if not user.is_authenticated:
            return self.none()
        if has_role(user, Role.REGIONAL_ADMIN):
            return self
        mine = _my_structures(user)
        return self.filter(Q(sender_structure__in=mine) | Q(target_structure__in=mine))

    def received_by(self, user):
        return self.filter(target_structure__in=_my_structures(user))

    def sent_by(self, user):
        return self.filter(sender_structure__in=_my_structures(user))

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def for_listing(self):
        """What a list row shows, in a fixed number of queries whatever the size."""
        return self.select_related("sender_structure", "target_structure", "target_service")


class ReferralReception(models.Model):
    """How a structure receives referrals. A structure with active members accepts them
    unless this says otherwise; one without members cannot (nobody would read them)."""

    structure = models.OneToOneField(
        "repertoire.Structure",
        on_delete=models.CASCADE,
        related_name="referral_reception",
        verbose_name=_("structure"),
    )
    accepts_referrals = models.BooleanField(_("accepte les fiches de liaison"), default=True)
    inbox_email = models.EmailField(
        _("adresse de réception"),
        blank=True,
        help_text=_("Reçoit aussi les notifications (secrétariat, accueil)."),
    )
    instructions = models.TextField(
        _("consignes aux partenaires"),
        blank=True,
        help_text=_("Ce qu'il faut savoir avant d'orienter une personne ici."),
    )

    class Meta:
        verbose_name = _("réception des fiches de liaison")
        verbose_name_plural = _("réception des fiches de liaison")

    def __str__(self):
        return str(self.structure)


class Referral(models.Model):
    """A fiche de liaison: one person, one request, from one structure to another."""

    reference = models.CharField(_("référence"), max_length=20, unique=True, null=True)
    submission_key = models.UUIDField(_("clé d'envoi"), unique=True, default=uuid.uuid4)
    status = models.CharField(
        _("état"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("envoyée par"),
    )
    sender_structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.PROTECT,
        related_name="referrals_sent",
        verbose_name=_("structure d'origine"),
    )
    target_structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("structure destinataire"),
    )
    target_service = models.ForeignKey(
        "repertoire.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("service"),
    )
    candidate = models.ForeignKey(
        "extranet.Candidate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("candidat·e"),
    )
    redirected_from = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="redirected_to",
        verbose_name=_("réorientée depuis"),
    )
    # The person
    person_first_name = models.CharField(_("prénom"), max_length=80)
    person_last_name = models.CharField(_("nom"), max_length=80)
    person_phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    person_email = models.EmailField(_("e-mail"), blank=True)
    person_commune = models.ForeignKey(
        "portal.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    person_reach = models.CharField(
        _("comment la joindre"),
        max_length=255,
        blank=True,
        help_text=_("Ex. : plutôt le matin, par SMS, via sa sœur…"),
    )
    consent_at = models.DateTimeField(_("accord donné le"))
    consent_method = models.CharField(
        _("forme de l'accord"), max_length=10, choices=ReferralConsent.choices
    )
    # The request
    subject = models.CharField(_("objet de la demande"), max_length=200)
    thematiques = MultipleChoiceListField(
        _("difficultés par thème"), choices_list=schema_choices(di.Thematique)
    )
    urgency = models.CharField(
        _("urgence"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    message = models.TextField(_("message"), blank=True)
    # Answer
    decline_reason = models.CharField(
        _("motif du refus"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    status_note = models.TextField(_("précisions"), blank=True)
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("mise à jour le"), auto_now=True)
    acknowledged_at = models.DateTimeField(_("reçue le"), null=True, blank=True)
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("relancée le"), null=True, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("fiche de liaison")
        verbose_name_plural = _("fiches de liaison")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["target_structure", "status"], name="referral_target_idx"),
            models.Index(fields=["sender_structure", "status"], name="referral_sender_idx"),
            models.Index(fields=["status", "created_at"], name="referral_status_idx"),
        ]

    def __str__(self):
        return self.reference or _("Fiche de liaison")

    @property
    def person_name(self):
        return f"{self.person_first_name} {self.person_last_name}".strip()

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def allowed_next(self):
        return TRANSITIONS[ReferralStatus(self.status)]

    def thematique_labels(self):
        names = {t.value: t.label for t in di.Thematique}
        return [names.get(code, code) for code in self.thematiques]


class ReferralEvent(models.Model):
    """One change of state, with who did it: the history and the delay statistics."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=ReferralStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=ReferralStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("changement d'état")
        verbose_name_plural = _("changements d'état")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.referral} {self.from_status} → {self.to_status}"


class ReferralComment(models.Model):
    """The thread between the two structures about one referral."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("auteur·rice"),
    )
    author_structure = models.ForeignKey(
        "repertoire.Structure", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("commentaire"))
    created_at = models.DateTimeField(_("écrit le"), default=timezone.now)

    class Meta:
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.referral} — {self.created_at:%d/%m/%Y %H:%M}"


class ReferralAttachment(models.Model):
    """A document joined to a referral. Stored outside the public media, served only by a
    permission-checked view; its content was checked (PDF, PNG or JPEG) on upload."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("nom du fichier"), max_length=255)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField(_("taille"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.original_name
