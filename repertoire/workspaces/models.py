"""Workspaces, their rooms and the bookings of those rooms (registered under `repertoire`)."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.languages import PERSON_LANGUAGES
from repertoire.workspaces import hours
from repertoire.workspaces.enums import (
    HOLDING_STATUSES,
    BookingStatus,
    RoomAudience,
    RoomKind,
    VisitorKind,
    WorkspaceKind,
)


def new_token():
    return secrets.token_urlsafe(24)


class WorkspaceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, structure__live=True)

    def managed_by(self, user):
        """Places of the structures where `user` holds an active membership."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            structure__memberships__user=user, structure__memberships__is_active=True
        ).distinct()


class Workspace(models.Model):
    """A place of a structure where people may work or meet: a tiers-lieu, a public-service
    relay, a media library, an office for people passing through."""

    structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.CASCADE,
        related_name="workspaces",
        verbose_name=_("structure"),
    )
    name = models.CharField(_("nom du lieu"), max_length=200)
    slug = models.SlugField(_("identifiant d'URL"), max_length=200, unique=True)
    kind = models.CharField(_("type de lieu"), max_length=20, choices=WorkspaceKind.choices)
    summary = models.TextField(_("présentation"), blank=True)
    commune = models.ForeignKey(
        "portal.Commune",
        on_delete=models.PROTECT,
        related_name="workspaces",
        verbose_name=_("commune"),
    )
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    opening_hours = models.CharField(
        _("horaires d'ouverture"),
        max_length=hours.MAX_CHARS,
        validators=[hours.validate_opening_hours],
        help_text=_("Format OpenStreetMap, ex. : Mo-Fr 09:00-12:00,14:00-18:00; PH off"),
    )
    access_rules = models.TextField(_("règles d'accès"), blank=True)
    max_booking_hours = models.PositiveSmallIntegerField(
        _("durée maximale d'une réservation (heures)"), default=8
    )
    email = models.EmailField(_("e-mail des réservations"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    is_published = models.BooleanField(_("publié"), default=True)

    objects = WorkspaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("espace de travail")
        verbose_name_plural = _("espaces de travail")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_booking_hours__gte=1), name="workspace_max_hours_positive"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    @property
    def point(self):
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        return self.commune.point if self.commune_id else None


class RoomQuerySet(models.QuerySet):
    def free_between(self, start, end, people=1):
        """Rooms for `people` with no request or booking holding any part of [start, end)."""
        held = Booking.objects.filter(room=OuterRef("pk")).holding().overlapping(start, end)
        return self.filter(capacity__gte=people).exclude(Exists(held))


class Room(models.Model):
    """A room or desk of a workspace, booked as a whole."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("lieu")
    )
    name = models.CharField(_("nom"), max_length=120)
    kind = models.CharField(_("type"), max_length=20, choices=RoomKind.choices)
    capacity = models.PositiveSmallIntegerField(_("nombre de places"))
    equipment = models.CharField(_("équipement"), max_length=255, blank=True)
    hourly_price = models.DecimalField(
        _("prix par heure (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Laisser vide si la salle est gratuite."),
    )
    audience = models.CharField(
        _("qui peut l'utiliser"),
        max_length=20,
        choices=RoomAudience.choices,
        default=RoomAudience.EVERYONE,
    )
    feed_token = models.CharField(
        _("jeton de l'agenda"), max_length=64, unique=True, default=new_token, editable=False
    )

    objects = RoomQuerySet.as_manager()

    class Meta:
        verbose_name = _("salle ou poste")
        verbose_name_plural = _("salles et postes")
        ordering = ["workspace", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="room_capacity_positive")
        ]

    def __str__(self):
        return f"{self.name} ({self.workspace})"

    @property
    def is_free_of_charge(self):
        return not self.hourly_price


class BookingQuerySet(models.QuerySet):
    def holding(self):
        """Requests and bookings that hold their slot (not declined nor cancelled)."""
        return self.filter(status__in=HOLDING_STATUSES)

    def accepted(self):
        return self.filter(status=BookingStatus.ACCEPTED)

    def pending(self):
        return self.filter(status=BookingStatus.REQUESTED)

    def overlapping(self, start, end):
        return self.filter(start__lt=end, end__gt=start)

    def managed_by(self, user):
        return self.filter(room__workspace__in=Workspace.objects.managed_by(user))


class Booking(models.Model):
    """A visitor's request for a room over a slot, then the manager's decision.

    While requested or accepted it holds its slot: on PostgreSQL an exclusion constraint
    (migration 0005) forbids two holding bookings of a room to overlap; everywhere, the
    services lock the room row before checking (`services.request_booking`)."""

    reference = models.CharField(
        _("référence"), max_length=64, unique=True, default=new_token, editable=False
    )
    room = models.ForeignKey(
        Room, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("salle")
    )
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    people = models.PositiveSmallIntegerField(_("nombre de personnes"), default=1)
    name = models.CharField(_("nom"), max_length=150)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisme"), max_length=150, blank=True)
    visitor_kind = models.CharField(
        _("vous êtes"), max_length=20, choices=VisitorKind.choices, default=VisitorKind.OTHER
    )
    purpose = models.TextField(_("objet"), blank=True, max_length=1000)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workspace_bookings",
        verbose_name=_("compte"),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.REQUESTED
    )
    decline_reason = models.CharField(_("motif du refus"), max_length=500, blank=True)
    language = models.CharField(
        _("langue des e-mails"), max_length=2, choices=PERSON_LANGUAGES, default="fr"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("décidé par"),
    )
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True)
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("réservation")
        verbose_name_plural = _("réservations")
        ordering = ["start"]
        indexes = [
            models.Index(fields=["room", "start", "end"], name="booking_room_slot_idx"),
            models.Index(fields=["status", "start"], name="booking_status_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="booking_ends"),
            models.CheckConstraint(condition=Q(people__gte=1), name="booking_people_positive"),
        ]

    def __str__(self):
        return f"{self.room.name} — {self.start:%d/%m/%Y %H:%M}"

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("La fin doit suivre le début.")})

    @property
    def hours(self):
        return round((self.end - self.start).total_seconds() / 3600, 2)
