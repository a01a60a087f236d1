from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkspaceKind(models.TextChoices):
    THIRD_PLACE = "third_place", _("Tiers-lieu")
    SERVICES_RELAY = "services_relay", _("Relais de services publics / France services")
    MEDIA_LIBRARY = "media_library", _("Médiathèque")
    TOURIST_OFFICE = "tourist_office", _("Office de tourisme")
    PASSING_OFFICE = "passing_office", _("Bureau de passage")


class RoomKind(models.TextChoices):
    MEETING = "meeting", _("Salle de réunion")
    COMPUTER = "computer", _("Salle informatique")
    OFFICE = "office", _("Bureau")
    DESK = "desk", _("Poste de travail")


class RoomAudience(models.TextChoices):
    """Who may use a room."""

    EVERYONE = "everyone", _("Tout public")
    PROFESSIONALS = "professionals", _("Professionnels et télétravailleurs")
    ASSOCIATIONS = "associations", _("Associations et services publics")
    NETWORK = "network", _("Membres du réseau")


class VisitorKind(models.TextChoices):
    """Who asks for a room: the usage statistics count bookings by it."""

    TELEWORKER = "teleworker", _("Télétravailleur·se, indépendant·e")
    COMPANY = "company", _("Entreprise")
    ASSOCIATION = "association", _("Association")
    PUBLIC_SERVICE = "public_service", _("Service public, permanence")
    RESIDENT = "resident", _("Habitant·e")
    OTHER = "other", _("Autre")


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("Demandée")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Refusée")
    CANCELLED = "cancelled", _("Annulée")


# A request holds its slot until the manager declines it: two visitors cannot both ask for
# the last free hour and both be told yes later.
HOLDING_STATUSES = (BookingStatus.REQUESTED, BookingStatus.ACCEPTED)
