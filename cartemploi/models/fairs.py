"""Companies attending an event of the network (a job fair where companies meet young
people): the link between the répertoire's `Event` and Cartemploi's companies lives here,
the répertoire knowing nothing of Cartemploi."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FairCompany(models.Model):
    event = models.ForeignKey(
        "repertoire.Event",
        on_delete=models.CASCADE,
        related_name="cartemploi_companies",
        verbose_name=_("événement"),
    )
    company = models.ForeignKey(
        "cartemploi.CompanyProfile",
        on_delete=models.CASCADE,
        related_name="fairs",
        verbose_name=_("entreprise"),
    )
    added_at = models.DateTimeField(_("ajoutée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("entreprise présente à un événement")
        verbose_name_plural = _("entreprises présentes aux événements")
        constraints = [
            models.UniqueConstraint(fields=["event", "company"], name="fair_company_once")
        ]

    def __str__(self):
        return f"{self.company} — {self.event}"
