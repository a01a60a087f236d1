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
