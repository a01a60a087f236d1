"""The published copy: what the public map, list, observatory and search read.

A card is written when an advisor validates a profile or an offer and only then, so an
edit waiting for validation leaves the previous published version on show. It holds only
public fields by construction (first-name initial, age band, commune, skills for young
people): there is no surname, address, e-mail or phone to leak.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cartemploi.enums import CardKind


def tokens(values):
    """'|a|b|' so that `__contains='|a|'` matches one whole value."""
    return "|" + "|".join(v.strip().lower() for v in values if v) + "|" if values else ""


class PublicCardQuerySet(models.QuerySet):
    def of_kind(self, kind):
        return self.filter(kind=kind) if kind else self

    def located(self):
        return self.filter(latitude__isnull=False, longitude__isnull=False)


class PublicCard(models.Model):
    kind = models.CharField(_("type"), max_length=10, choices=CardKind.choices, db_index=True)
    youth = models.OneToOneField(
        "cartemploi.YouthProfile",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="public_card",
    )
    company = models.OneToOneField(
        "cartemploi.CompanyProfile",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="public_card",
    )
    offer = models.OneToOneField(
        "cartemploi.JobOffer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="public_card",
    )
    title = models.CharField(_("titre"), max_length=200)
    summary = models.TextField(_("résumé"), blank=True)
    commune = models.ForeignKey(
        "portal.Commune", on_delete=models.PROTECT, related_name="+", verbose_name=_("commune")
    )
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    sectors = models.CharField(max_length=120, blank=True)
    offer_kinds = models.CharField(max_length=120, blank=True)
    skills = models.TextField(blank=True)
    validated_skills = models.TextField(blank=True)
    data = models.JSONField(default=dict)
    # A young person's published photo: a small copy in public media (`renditions.py`),
    # never the original, which stays in private storage.
    photo = models.ImageField(_("photo publiée"), upload_to="images/cartemploi/", blank=True)
    published_at = models.DateTimeField(auto_now=True)

    objects = PublicCardQuerySet.as_manager()

    class Meta:
        verbose_name = _("fiche publiée")
        verbose_name_plural = _("fiches publiées")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["kind", "latitude", "longitude"], name="card_kind_point_idx"),
            models.Index(fields=["latitude", "longitude"], name="card_point_idx"),
            # The public list's order: its first page read from the index, not a sort of all.
            models.Index(fields=["-published_at", "-id"], name="card_published_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def source(self):
        return self.youth or self.company or self.offer
