"""Events of the network and who registered (registered under `repertoire`)."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.languages import PERSON_LANGUAGES
from repertoire.events.enums import EventAudience, EventKind, RegistrationStatus


def new_token():
    return secrets.token_urlsafe(24)


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, organiser__live=True)

    def upcoming(self, now=None):
        """Events not over yet, soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def managed_by(self, user):
        """Events of the structures where `user` holds an active membership."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            organiser__memberships__user=user, organiser__memberships__is_active=True
        ).distinct()

    def with_places(self):
        """Each event with `taken`: the people of its confirmed registrations (one query)."""
        confirmed = (
            EventRegistration.objects.filter(
                event=OuterRef("pk"), status=RegistrationStatus.CONFIRMED
            )
            .order_by()
            .values("event")
            .annotate(people=Sum("people"))
            .values("people")
        )
        return self.annotate(taken=Coalesce(Subquery(confirmed), Value(0)))

    def for_listing(self):
        return self.select_related("commune", "organiser", "workspace").with_places()


class Event(models.Model):
    """A job fair, an information session, a discovery weekend, the open days of a
    workspace: organised by a structure, at one of the network's places or at a named
    place of a commune, with an optional registration (capacity, waiting list)."""

    organiser = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("structure organisatrice"),
    )
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant d'URL"), max_length=220, unique=True)
    kind = models.CharField(_("type d'événement"), max_length=20, choices=EventKind.choices)
    audience = models.CharField(
        _("public"), max_length=20, choices=EventAudience.choices, default=EventAudience.EVERYONE
    )
    description = models.TextField(_("description"), blank=True)
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    workspace = models.ForeignKey(
        "repertoire.Workspace",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("lieu du réseau"),
        help_text=_("Un espace de travail du réseau ; sinon, nommez le lieu et sa commune."),
    )
    place_name = models.CharField(_("nom du lieu"), max_length=200, blank=True)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    commune = models.ForeignKey(
        "portal.Commune",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("commune"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    registration = models.BooleanField(_("inscription en ligne"), default=False)
    capacity = models.PositiveIntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        help_text=_("Laisser vide si le nombre de places n'est pas limité."),
    )
    waiting_list = models.BooleanField(_("liste d'attente quand c'est complet"), default=True)
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    is_published = models.BooleanField(_("publié"), default=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["is_published", "end"], name="event_published_end_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="event_ends"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="event_capacity_positive",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.title, self.start)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:event_detail", args=[self.slug])

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("La fin doit suivre le début.")
        if not self.workspace_id and not self.place_name.strip():
            errors["place_name"] = _("Choisissez un lieu du réseau ou nommez le lieu.")
        if errors:
            raise ValidationError(errors)

    @property
    def point(self):
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        if self.workspace_id and self.workspace.point:
            return self.workspace.point
        return self.commune.point if self.commune_id else None

    @property
    def place_label(self):
        return self.workspace.name if self.workspace_id else self.place_name

    @property
    def full_address(self):
        address = self.address or (self.workspace.address if self.workspace_id else "")
        return ", ".join(p for p in (address, self.commune.name if self.commune_id else "") if p)

    @property
    def places_taken(self):
        taken = getattr(self, "taken", None)
        if taken is None:
            taken = self.registrations.confirmed().aggregate(n=Sum("people"))["n"] or 0
        return taken

    @property
    def remaining(self):
        """Places left (None: not limited)."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.places_taken, 0)

    @property
    def is_full(self):
        return self.remaining == 0

    def is_over(self, now=None):
        return self.end < (now or timezone.now())

    def accepts_registrations(self, now=None):
        """Open for registration: online registration on and the event not started."""
        return self.registration and self.is_published and self.start > (now or timezone.now())


def unique_slug(title, start):
    base = slugify(f"{title}-{start:%Y-%m-%d}" if start else title)[:200] or "evenement"
    slug, number = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def managed_by(self, user):
        return self.filter(event__in=Event.objects.managed_by(user))


class EventRegistration(models.Model):
    """A person (and the people coming with them) registered for an event. The token is
    the secret of the cancel link sent by e-mail."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("événement")
    )
    token = models.CharField(
        _("jeton d'annulation"), max_length=64, unique=True, default=new_token, editable=False
    )
    name = models.CharField(_("nom"), max_length=150)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    people = models.PositiveSmallIntegerField(_("nombre de personnes"), default=1)
    status = models.CharField(
        _("état"),
        max_length=10,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    attended = models.BooleanField(_("présent·e"), null=True, blank=True)
    language = models.CharField(
        _("langue des e-mails"), max_length=2, choices=PERSON_LANGUAGES, default="fr"
    )
    created_at = models.DateTimeField(_("inscrit·e le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("inscription à un événement")
        verbose_name_plural = _("inscriptions aux événements")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(people__gte=1), name="registration_people_positive")
        ]

    def __str__(self):
        return f"{self.name} — {self.event}"
