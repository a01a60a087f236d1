from django.db import models
from django.utils.translation import gettext_lazy as _


class StructureKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    PUBLIC_SERVICE = "public_service", _("Service public")
    LOCAL_AUTHORITY = "local_authority", _("Collectivité territoriale")
    WELCOME_NETWORK = "welcome_network", _("Réseau d'accueil")
    YOUTH_AGENCY = "youth_agency", _("Mission locale")
    SOCIAL_ENTERPRISE = "social_enterprise", _("Entreprise de l'économie sociale")
    COMPANY = "company", _("Entreprise")
    OTHER = "other", _("Autre")


class AccessMode(models.TextChoices):
    """How a person gets in: the seed repertoire's 'conditions d'accès'."""

    FREE = "free", _("Accès libre")
    APPOINTMENT = "appointment", _("Sur rendez-vous")
    REFERRAL = "referral", _("Sur orientation d'un professionnel")
    REGISTRATION = "registration", _("Sur inscription")
    FEES = "fees", _("Payant (participation financière)")


class AccessLevel(models.TextChoices):
    """Accessibility of the place for one kind of handicap."""

    UNKNOWN = "", _("Non renseigné")
    YES = "yes", _("Accessible")
    PARTIAL = "partial", _("Partiellement accessible")
    NO = "no", _("Non accessible")


HANDICAPS = [
    ("access_motor", _("Handicap moteur")),
    ("access_visual", _("Handicap visuel")),
    ("access_hearing", _("Handicap auditif")),
    ("access_mental", _("Handicap mental")),
]


def schema_choices(enum):
    """(value, label) pairs of a data·inclusion enum, labels in French as published."""
    return [(member.value, member.label) for member in enum]
