from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    JOB_FAIR = "job_fair", _("Salon de l'emploi / forum")
    INFO_SESSION = "info_session", _("Réunion d'information")
    DISCOVERY_WEEKEND = "discovery_weekend", _("Week-end découverte")
    OPEN_DAY = "open_day", _("Portes ouvertes d'un espace de travail")
    OTHER = "other", _("Autre")


class EventAudience(models.TextChoices):
    """Who an event is for (one main audience, a fixed vocabulary to filter on)."""

    EVERYONE = "everyone", _("Tout public")
    YOUTH = "youth", _("Jeunes de 16 à 25 ans")
    JOBSEEKERS = "jobseekers", _("Demandeurs d'emploi")
    COMPANIES = "companies", _("Entreprises")
    NEWCOMERS = "newcomers", _("Nouveaux arrivants")
    PROFESSIONALS = "professionals", _("Professionnels du réseau")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Inscription confirmée")
    WAITING = "waiting", _("Liste d'attente")
    CANCELLED = "cancelled", _("Annulée")
