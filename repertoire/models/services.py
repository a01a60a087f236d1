from data_inclusion.schema import v1 as di
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from repertoire.enums import schema_choices
from repertoire.fields import MultipleChoiceListField
from repertoire.validators import validate_opening_hours


class Service(Orderable):
    """One thing a structure offers (an aid, a workshop, a follow-up…), as data·inclusion
    describes services. Child of the structure so partners' drafts carry their services."""

    structure = ParentalKey(
        "repertoire.Structure",
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("structure"),
    )
    name = models.CharField(_("nom"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description en anglais"), blank=True)
    service_type = models.CharField(
        _("type de service"), max_length=30, blank=True, choices=schema_choices(di.TypeService)
    )
    thematiques = MultipleChoiceListField(
        _("thématiques"), choices_list=schema_choices(di.Thematique)
    )
    publics = MultipleChoiceListField(_("publics"), choices_list=schema_choices(di.Public))
    publics_details = models.TextField(_("précisions sur les publics"), blank=True)
    access_conditions = models.TextField(_("conditions d'accès"), blank=True)
    fees = models.CharField(_("frais"), max_length=20, blank=True, choices=schema_choices(di.Frais))
    fees_details = models.CharField(_("précisions sur les frais"), max_length=255, blank=True)
    mobilisation_modes = MultipleChoiceListField(
        _("comment le mobiliser"), choices_list=schema_choices(di.ModeMobilisation)
    )
    mobilisable_by = MultipleChoiceListField(
        _("mobilisable par"), choices_list=schema_choices(di.PersonneMobilisatrice)
    )
    how_to_mobilise = models.TextField(_("précisions pour le mobiliser"), blank=True)
    reception_modes = MultipleChoiceListField(
        _("modes d'accueil"), choices_list=schema_choices(di.ModeAccueil)
    )
    opening_hours = models.CharField(
        _("horaires propres au service"),
        max_length=255,
        blank=True,
        validators=[validate_opening_hours],
    )
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)
    di_id = models.CharField(_("identifiant data·inclusion"), max_length=200, blank=True)
    di_extra = models.JSONField(_("autres champs data·inclusion"), default=dict, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        indexes = [models.Index(fields=["di_id"], name="service_di_id_idx")]

    def __str__(self):
        return self.name

    def labels(self, field, enum):
        names = {member.value: member.label for member in enum}
        return [names.get(code, code) for code in getattr(self, field)]

    def thematique_labels(self):
        return self.labels("thematiques", di.Thematique)

    def public_labels(self):
        return self.labels("publics", di.Public)

    def mobilisation_labels(self):
        return self.labels("mobilisation_modes", di.ModeMobilisation)
