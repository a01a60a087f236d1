from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from repertoire.enums import StructureKind
from repertoire.validators import validate_siret


class StructureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def of_kind(self, kind):
        return self.filter(kind=kind)


class Structure(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """An organisation of the territory: what members belong to and referrals target.

    Its identity lives here; the public fiche is published through `RepertoirePage`.
    Edited as a Wagtail snippet so partners' changes go through drafts and moderation.
    """

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
    commune = models.ForeignKey(
        "portal.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="structures",
        verbose_name=_("commune"),
    )
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("site web"), blank=True)
    summary = models.TextField(_("présentation courte"), blank=True)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    objects = StructureQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("siret"),
                FieldPanel("summary"),
            ],
            heading=_("Identité"),
        ),
        MultiFieldPanel(
            [FieldPanel("commune"), FieldPanel("address")],
            heading=_("Lieu"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Contacts"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        ordering = ["name"]

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

    def get_preview_template(self, request, mode_name):
        return "repertoire/structure_preview.html"

    def get_admin_url(self):
        return reverse("wagtailsnippets_repertoire_structure:edit", args=[self.pk])
