from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from portal.places import CommuneChoiceField
from repertoire import hours
from repertoire.validators import validate_opening_hours


class CommuneForeignKey(models.ForeignKey):
    """A ForeignKey to `Commune` whose form field is the typed commune (never a select)."""

    def formfield(self, **kwargs):
        kwargs.pop("widget", None)
        return super().formfield(**{**kwargs, "form_class": CommuneChoiceField})


class PermanenceQuerySet(models.QuerySet):
    def current(self, today=None):
        """Not ended: no end date, or one today or later."""
        today = today or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))

    def for_display(self):
        return self.select_related("commune", "host_structure", "service")


class Permanence(Orderable):
    """A structure (or one of its services) receiving people at another place on given
    days: "1er et 3e mardi du mois, 9 h – 12 h, mairie de Bellac". The host is another
    structure of the répertoire or a place named here; `commune` is where it is held
    (the host structure's when left empty), what search near a commune reads."""

    structure = ParentalKey(
        "repertoire.Structure",
        on_delete=models.CASCADE,
        related_name="permanences",
        verbose_name=_("structure"),
    )
    service = models.ForeignKey(
        "repertoire.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="permanences",
        verbose_name=_("service concerné"),
        help_text=_("Laissez vide si la permanence concerne toute la structure."),
    )
    host_structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_permanences",
        verbose_name=_("structure qui accueille"),
        help_text=_("Si le lieu a sa fiche dans le répertoire ; sinon, nommez-le ci-dessous."),
    )
    place_name = models.CharField(
        _("lieu"), max_length=200, blank=True, help_text=_("Ex. : mairie de Bellac")
    )
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    commune = CommuneForeignKey(
        "portal.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="permanences",
        verbose_name=_("commune"),
        help_text=_("Nom ou code postal ; celle de la structure qui accueille si vide."),
    )
    opening_hours = models.CharField(
        _("jours et horaires"),
        max_length=255,
        validators=[validate_opening_hours],
        help_text=_("Ex. : Tu[1,3] 09:00-12:00 (1er et 3e mardi du mois, 9 h – 12 h)."),
    )
    notes = models.CharField(
        _("précisions"), max_length=255, blank=True, help_text=_("Ex. : sur rendez-vous")
    )
    ends_on = models.DateField(_("jusqu'au"), null=True, blank=True)

    objects = PermanenceQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("permanence")
        verbose_name_plural = _("permanences")
        indexes = [models.Index(fields=["commune"], name="permanence_commune_idx")]

    def __str__(self):
        if self.commune_name:
            return f"{self.place_label} ({self.commune_name})"
        return self.place_label

    def clean(self):
        if self.host_structure_id and self.host_structure_id == self.structure_id:
            raise ValidationError(
                {"host_structure": _("Une structure ne tient pas de permanence chez elle-même.")}
            )
        if not self.host_structure_id and not self.place_name:
            raise ValidationError(
                {"place_name": _("Nommez le lieu ou choisissez la structure qui accueille.")}
            )
        if self.commune_id is None and self.host_structure_id:
            self.commune_id = self.host_structure.commune_id
        if self.commune_id is None:
            raise ValidationError({"commune": _("Indiquez la commune de la permanence.")})

    @property
    def place_label(self):
        if self.place_name:
            return self.place_name
        return self.host_structure.name if self.host_structure_id else ""

    @property
    def commune_name(self):
        return self.commune.name if self.commune_id else ""

    @property
    def full_address(self):
        return self.address or (self.host_structure.address if self.host_structure_id else "")

    @property
    def point(self):
        if self.host_structure_id and not self.place_name:
            latitude, longitude = self._host_coordinates()
            if latitude is not None and longitude is not None:
                return (latitude, longitude)
        return self.commune.point if self.commune_id else None

    def _host_coordinates(self):
        """Annotated on the public list's rows (a structure object there would cost more
        than the rest of the row: `listed_permanences_prefetch`), else read on the host."""
        if hasattr(self, "host_latitude"):
            return self.host_latitude, self.host_longitude
        return self.host_structure.latitude, self.host_structure.longitude

    @cached_property
    def parsed_hours(self):
        return hours.parse_or_none(self.opening_hours, hours.department_of(self.commune_id))

    def is_current(self, today=None):
        return self.ends_on is None or self.ends_on >= (today or timezone.localdate())

    def when(self):
        """'1er et 3e mardi du mois, 9 h – 12 h'."""
        return self.parsed_hours.summary() if self.parsed_hours else self.opening_hours

    def is_open_now(self, moment=None):
        if not self.parsed_hours or not self.is_current():
            return False
        return self.parsed_hours.is_open_at(moment or timezone.localtime())

    def next_date(self, moment=None):
        """(day, start, end) of the next session (the current one if on now), or None."""
        if not self.parsed_hours:
            return None
        found = self.parsed_hours.next_opening(moment or timezone.localtime())
        if found and self.ends_on and found[0] > self.ends_on:
            return None
        return found

    def next_date_text(self, moment=None):
        found = self.next_date(moment)
        if found is None:
            return ""
        day, start, end = found
        return _("%(day)s, %(hours)s") % {
            "day": hours.french_long_date(day),
            "hours": hours.format_spans(((start, end),)),
        }


def permanences_prefetch(lookup="permanences"):
    """What a fiche or a list row shows of a structure's permanences, in one query."""
    return Prefetch(lookup, queryset=Permanence.objects.current().for_display())


def listed_permanences_prefetch(lookup="permanences"):
    """What a card of the public list shows of a structure's permanences (where, when,
    on now, the host's point for the distance), in one query of few columns."""
    held = Permanence.objects.current().select_related("commune")
    return Prefetch(
        lookup,
        queryset=held.only(
            "structure", "sort_order", "place_name", "commune", "host_structure",
            "opening_hours", "ends_on", "commune__name", "commune__latitude",
            "commune__longitude",
        ).annotate(
            host_latitude=F("host_structure__latitude"),
            host_longitude=F("host_structure__longitude"),
        ),
    )  # fmt: skip
