from django.db import models
from django.utils.translation import gettext_lazy as _


class CandidateStatus(models.TextChoices):
    NEW = "new", _("Nouveau")
    CONTACTED = "contacted", _("Contacté·e")
    SUPPORTED = "supported", _("Accompagné·e")
    SETTLED = "settled", _("Installé·e")
    DROPPED = "dropped", _("Abandon")


class CandidateSource(models.TextChoices):
    ONLINE = "online", _("Formulaire en ligne")
    PHONE = "phone", _("Appel téléphonique")
    FAIR = "fair", _("Salon")
    EMAIL = "email", _("E-mail")
    MEETING = "meeting", _("Rendez-vous")
    PARTNER = "partner", _("Orienté·e par un partenaire")
    OTHER = "other", _("Autre")


class ProjectType(models.TextChoices):
    CREATION = "creation", _("Créer une entreprise")
    TAKEOVER = "takeover", _("Reprendre une entreprise")
    FARMING = "farming", _("Installation agricole")
    JOB = "job", _("Trouver un emploi salarié")
    REMOTE = "remote", _("Travailler à distance")
    RETIREMENT = "retirement", _("Retraite")
    OTHER = "other", _("Autre projet")


class ContactKind(models.TextChoices):
    PHONE = "phone", _("Téléphone")
    MEETING = "meeting", _("Rendez-vous")
    EMAIL = "email", _("E-mail")
    FAIR = "fair", _("Salon")
    VISIT = "visit", _("Visite")
    LETTER = "letter", _("Courrier")
    OTHER = "other", _("Autre")


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposée")
    VISITED = "visited", _("Visitée")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Déclinée")


class ConsentSource(models.TextChoices):
    ONLINE = "online", _("Case cochée sur le formulaire en ligne")
    ORAL = "oral", _("Accord oral (téléphone, salon)")
    WRITTEN = "written", _("Accord écrit")


class HousingWish(models.TextChoices):
    RENT = "rent", _("Louer")
    BUY = "buy", _("Acheter")
    BUILD = "build", _("Faire construire")
    UNDECIDED = "undecided", _("Je ne sais pas encore")
