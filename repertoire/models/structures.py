from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    Case,
    CharField,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    StringAgg,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Least
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from portal.easy_read import EASY_READ_GUIDANCE
from repertoire import hours
from repertoire.enums import HANDICAPS, AccessLevel, AccessMode, StructureKind
from repertoire.fields import MultipleChoiceListField
from repertoire.validators import validate_opening_hours, validate_schema_email, validate_siret


def stale_after_months():
    return getattr(settings, "REPERTOIRE_STALE_AFTER_MONTHS", 6)


def months_before(day, months):
    """The same day `months` earlier (clamped to the month's last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


# What a card of the public list reads (templates/repertoire/includes/structure_card.html):
# name and place, summary, "ouvert maintenant" (hours, closure), distance.
LISTING_FIELDS = (
    "name", "slug", "live", "summary", "summary_en", "is_annex", "commune", "latitude", "longitude",
    "opening_hours", "closed_from", "closed_until", "closure_message",
)  # fmt: skip
LISTING_COMMUNE_FIELDS = ("name", "latitude", "longitude", "department")


class StructureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def for_listing(self):
        """What a list row shows, in one query whatever the size: the commune joined, the
        theme ids aggregated ("3,7") for `Structure.listed_themes`; only the card's columns
        (a fiche's long texts are neither read nor turned into objects)."""
        links = (
            self.model.themes.through.objects.filter(structure=OuterRef("pk"))
            .values("structure")
            .annotate(ids=StringAgg(Cast("theme_id", CharField()), Value(",")))
            .values("ids")
        )
        return (
            self.select_related("commune")
            .only(*LISTING_FIELDS, *(f"commune__{name}" for name in LISTING_COMMUNE_FIELDS))
            .annotate(theme_ids=Subquery(links))
        )

    def in_theme(self, theme):
        return self.filter(themes=theme)

    def matching(self, text):
        """Keyword filter on the fiche and its services (accent-sensitive fallback)."""
        from repertoire.models.services import Service

        query = self
        for word in text.split():
            services = Service.objects.filter(structure=OuterRef("pk"), name__icontains=word)
            query = query.filter(
                Q(name__icontains=word)
                | Q(summary__icontains=word)
                | Q(easy_read__icontains=word)
                | Q(summary_en__icontains=word)
                | Q(easy_read_en__icontains=word)
                | Q(objectives__icontains=word)
                | Q(audience__icontains=word)
                | Exists(services)
            )
        return query

    def in_communes(self, distances):
        """Structures of the given communes {insee_code: km}, or holding a current
        permanence in one of them, nearest first (a permanence counts where it is held)."""
        return self.near_communes(distances).order_by("distance_order", "name")

    def near_communes(self, distances):
        """`in_communes` unordered, with the `distance_order` alias (tenths of km)."""
        from repertoire.models.permanences import Permanence

        codes, far = list(distances), Value(10**6)

        def tenths(field):
            whens = [When(**{field: c}, then=Value(int(km * 10))) for c, km in distances.items()]
            return Case(*whens, default=far, output_field=IntegerField())

        held = Permanence.objects.current().filter(commune_id__in=codes)
        nearest = (
            held.filter(structure=OuterRef("pk"))
            .annotate(tenths=tenths("commune_id"))
            .order_by("tenths")
            .values("tenths")[:1]
        )
        order = Least(tenths("commune_id"), Coalesce(Subquery(nearest), far))
        return self.filter(Q(commune_id__in=codes) | Q(pk__in=held.values("structure_id"))).alias(
            distance_order=order
        )

    def stale(self, months=None, today=None):
        """Never verified, or verified more than `months` ago."""
        limit = months_before(today or date.today(), months or stale_after_months())
        return self.filter(Q(last_verified_at__isnull=True) | Q(last_verified_at__lt=limit))


class Structure(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """An organisation of the territory: what members belong to and referrals target.

    Its identity and its public fiche live here; the public sees it through `RepertoirePage`
    routes. Edited as a Wagtail snippet so partners' changes go through drafts and
    moderation; services are child objects so a draft carries them too.
    """

    # Identity
    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant d'URL"), max_length=200, unique=True)
    kind = models.CharField(
        _("type de structure"),
        max_length=30,
        choices=StructureKind.choices,
        default=StructureKind.ASSOCIATION,
    )
    siret = models.CharField(
        _("SIRET"),
        max_length=17,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 chiffres, espaces acceptés."),
    )
    summary = models.TextField(_("présentation courte"), blank=True)
    easy_read = models.TextField(
        _("résumé facile à lire"),
        blank=True,
        help_text=EASY_READ_GUIDANCE,
    )
    themes = ParentalManyToManyField(
        "repertoire.Theme", blank=True, related_name="structures", verbose_name=_("thèmes")
    )
    is_annex = models.BooleanField(
        _("annexe"),
        default=False,
        help_text=_("Structure située juste en dehors du territoire, utile à ses habitants."),
    )

    # Fiche
    objectives = models.TextField(_("objectifs"), blank=True)
    audience = models.TextField(_("public"), blank=True, help_text=_("À qui s'adresse-t-elle ?"))
    access_modes = MultipleChoiceListField(_("modalités d'accès"), choices_list=AccessMode.choices)
    access_conditions = models.TextField(_("conditions d'accès"), blank=True)
    how_it_works = models.TextField(_("déroulement"), blank=True)
    languages = models.CharField(
        _("langues parlées"), max_length=200, blank=True, help_text=_("Ex. : français, anglais")
    )

    # English text of the free-text fields (optional; the French is shown when empty)
    summary_en = models.TextField(_("présentation courte en anglais"), blank=True)
    easy_read_en = models.TextField(_("résumé facile à lire en anglais"), blank=True)
    objectives_en = models.TextField(_("objectifs en anglais"), blank=True)
    audience_en = models.TextField(_("public en anglais"), blank=True)
    access_conditions_en = models.TextField(_("conditions d'accès en anglais"), blank=True)
    how_it_works_en = models.TextField(_("déroulement en anglais"), blank=True)

    # Place
    commune = models.ForeignKey(
        "portal.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="structures",
        verbose_name=_("commune"),
    )
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    postal_code = models.CharField(_("code postal"), max_length=5, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    # Hours
    opening_hours = models.CharField(
        _("horaires d'accueil"),
        max_length=255,
        blank=True,
        validators=[validate_opening_hours],
        help_text=_(
            "Format OpenStreetMap, ex. : Mo-Fr 08:30-12:00,13:30-17:00; PH off "
            "(Mo lundi, Tu mardi, We mercredi, Th jeudi, Fr vendredi, Sa samedi, Su dimanche)."
        ),
    )
    opening_hours_note = models.CharField(
        _("précisions sur les horaires"), max_length=255, blank=True
    )
    closed_from = models.DateField(_("fermeture exceptionnelle du"), null=True, blank=True)
    closed_until = models.DateField(_("au (inclus)"), null=True, blank=True)
    closure_message = models.CharField(_("message de fermeture"), max_length=255, blank=True)

    # Accessibility for the four handicaps
    access_motor = models.CharField(
        _("handicap moteur"), max_length=10, blank=True, choices=AccessLevel.choices
    )
    access_visual = models.CharField(
        _("handicap visuel"), max_length=10, blank=True, choices=AccessLevel.choices
    )
    access_hearing = models.CharField(
        _("handicap auditif"), max_length=10, blank=True, choices=AccessLevel.choices
    )
    access_mental = models.CharField(
        _("handicap mental"), max_length=10, blank=True, choices=AccessLevel.choices
    )
    accessibility_notes = models.TextField(_("précisions sur l'accessibilité"), blank=True)
    acceslibre_url = models.URLField(_("fiche acceslibre"), blank=True)

    # Contacts
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True, validators=[validate_schema_email])
    website = models.URLField(_("site web"), blank=True)
    contact_details = models.TextField(
        _("autres contacts"), blank=True, help_text=_("Service ou fonction à joindre.")
    )

    # Partner-facing identity fiche
    partnership_can_expect = models.TextField(_("ce qu'un partenariat peut attendre"), blank=True)
    partnership_cannot_expect = models.TextField(
        _("ce qu'un partenariat ne peut pas attendre"), blank=True
    )

    # Freshness and interoperability
    last_verified_at = models.DateField(_("dernière vérification"), null=True, blank=True)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)
    di_source = models.CharField(_("source data·inclusion"), max_length=100, blank=True)
    di_id = models.CharField(_("identifiant data·inclusion"), max_length=200, blank=True)
    di_extra = models.JSONField(_("autres champs data·inclusion"), default=dict, blank=True)

    # Free texts with an optional English twin `<name>_en` (`portal.languages.shown_text`).
    TRANSLATED_FIELDS = (
        "summary",
        "easy_read",
        "objectives",
        "audience",
        "access_conditions",
        "how_it_works",
    )

    objects = StructureQuerySet.as_manager()

    def __init__(self, *args, **kwargs):
        # A row from the database comes positionally, never with child objects: modelcluster's
        # constructor would scan every field for child relations on each of them (~5 % of
        # the public list's CPU).
        if kwargs:
            super().__init__(*args, **kwargs)
        else:
            models.Model.__init__(self, *args)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.SearchField("easy_read"),
        index.SearchField("objectives"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["di_source", "di_id"],
                condition=~Q(di_id=""),
                name="unique_structure_di_id",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.siret:
            self.siret = self.siret.replace(" ", "")
        if self.closed_from and self.closed_until and self.closed_until < self.closed_from:
            raise ValidationError(
                {"closed_until": _("La fin de la fermeture doit suivre son début.")}
            )

    def get_preview_template(self, request, mode_name):
        return "repertoire/structure_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(structure=self, services=list(self.services.all()), preview=True)
        return context

    def get_admin_url(self):
        return reverse("wagtailsnippets_repertoire_structure:edit", args=[self.pk])

    @property
    def point(self):
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        return self.commune.point if self.commune_id else None

    @cached_property
    def parsed_hours(self):
        return hours.parse_or_none(self.opening_hours, hours.department_of(self.commune_id))

    def current_permanences(self):
        """Its permanences not yet ended, in their order (prefetched rows are used, and
        then read once: a list card asks three times)."""
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("permanences")
        if prefetched is None or "permanences" in getattr(self, "_cluster_related_objects", {}):
            return [p for p in self.permanences.all() if p.is_current()]
        found = self.__dict__.get("_current_permanences")
        if found is None:
            found = self.__dict__["_current_permanences"] = [
                p for p in prefetched if p.is_current()
            ]
        return found

    def permanence_open_now(self, moment=None):
        """The first of its permanences on now, or None ("ouvert maintenant")."""
        return next((p for p in self.current_permanences() if p.is_open_now(moment)), None)

    def hours_lines(self):
        return self.parsed_hours.describe() if self.parsed_hours else []

    def closure_active(self, today=None):
        today = today or timezone.localdate()
        if not self.closed_from:
            return False
        return self.closed_from <= today <= (self.closed_until or self.closed_from)

    def closure_upcoming(self, today=None):
        today = today or timezone.localdate()
        return bool(self.closed_from) and today <= (self.closed_until or self.closed_from)

    def status_now(self, moment=None):
        """'Ouvert maintenant — ferme à 17 h' (or the closure message) or None."""
        moment = moment or timezone.localtime()
        if self.closure_active(moment.date()):
            return hours.Status(False, self.closure_message or _("Fermé temporairement"))
        return self.parsed_hours.status_at(moment) if self.parsed_hours else None

    def accessibility(self):
        return [
            (label, getattr(self, f), getattr(self, f"get_{f}_display")()) for f, label in HANDICAPS
        ]

    def listed_themes(self, themes):
        """Its themes among `themes` (the cached tabs), from `for_listing`'s theme ids."""
        ids = set((getattr(self, "theme_ids", None) or "").split(","))
        return [theme for theme in themes if str(theme.pk) in ids]

    def access_mode_labels(self):
        labels = dict(AccessMode.choices)
        return [labels[code] for code in self.access_modes if code in labels]

    def is_stale(self, today=None):
        if not self.last_verified_at:
            return True
        limit = months_before(today or date.today(), stale_after_months())
        return self.last_verified_at < limit

    @property
    def display_postal_code(self):
        return self.postal_code or (self.commune.main_postal_code if self.commune_id else "")
