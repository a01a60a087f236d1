from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Envoyée")
    ACKNOWLEDGED = "acknowledged", _("Reçue")
    IN_PROGRESS = "in_progress", _("En cours")
    DONE = "done", _("Terminée")
    REDIRECTED = "redirected", _("Réorientée")
    DECLINED = "declined", _("Refusée")
    EXPIRED = "expired", _("Expirée")


# Where each status may go next. Anything else is refused (e.g. done → sent).
TRANSITIONS = {
    ReferralStatus.SENT: (
        ReferralStatus.ACKNOWLEDGED,
        ReferralStatus.IN_PROGRESS,
        ReferralStatus.REDIRECTED,
        ReferralStatus.DECLINED,
        ReferralStatus.EXPIRED,
    ),
    ReferralStatus.ACKNOWLEDGED: (
        ReferralStatus.IN_PROGRESS,
        ReferralStatus.DONE,
        ReferralStatus.REDIRECTED,
        ReferralStatus.DECLINED,
    ),
    ReferralStatus.IN_PROGRESS: (
        ReferralStatus.DONE,
        ReferralStatus.REDIRECTED,
        ReferralStatus.DECLINED,
    ),
    ReferralStatus.DONE: (),
    ReferralStatus.REDIRECTED: (),
    ReferralStatus.DECLINED: (),
    ReferralStatus.EXPIRED: (),
}
OPEN_STATUSES = (ReferralStatus.SENT, ReferralStatus.ACKNOWLEDGED, ReferralStatus.IN_PROGRESS)
CLOSED_STATUSES = tuple(s for s in ReferralStatus if s not in OPEN_STATUSES)


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normale")
    SOON = "soon", _("Dans la semaine")
    URGENT = "urgent", _("Urgente (sous 48 h)")


class ReferralConsent(models.TextChoices):
    ORAL = "oral", _("Accord oral, en entretien ou au téléphone")
    WRITTEN = "written", _("Accord écrit signé")
    EMAIL = "email", _("Accord par e-mail ou SMS")


class DeclineReason(models.TextChoices):
    NOT_COMPETENT = "not_competent", _("La demande ne relève pas de nos missions")
    OUT_OF_AREA = "out_of_area", _("La personne habite hors de notre territoire")
    FULL = "full", _("Plus de place ou délai trop long")
    CONDITIONS = "conditions", _("La personne ne remplit pas les conditions d'accès")
    UNREACHABLE = "unreachable", _("Personne injoignable")
    ALREADY = "already", _("Déjà accompagnée par notre structure")
    OTHER = "other", _("Autre motif")
