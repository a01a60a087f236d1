from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceDataset(models.Model):
    """Which version of a reference file the database holds (see `load_communes`).

    The SHA-256 of the loaded file lets `load_communes --if-changed` skip at once
    when nothing changed, which keeps `make run` fast on re-runs.
    """

    name = models.CharField(_("nom"), max_length=60, unique=True)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64)
    rows = models.PositiveIntegerField(_("lignes chargées"))
    loaded_at = models.DateTimeField(_("chargé le"), auto_now=True)

    class Meta:
        verbose_name = _("jeu de données de référence")
        verbose_name_plural = _("jeux de données de référence")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.rows} lignes, {self.loaded_at:%Y-%m-%d %H:%M})"
