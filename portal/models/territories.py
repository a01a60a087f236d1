from django.db import models
from django.utils.translation import gettext_lazy as _

from search.geo import bounding_box, haversine_km


class Department(models.Model):
    code = models.CharField(_("code"), max_length=3, primary_key=True)
    name = models.CharField(_("nom"), max_length=80)

    class Meta:
        verbose_name = _("département")
        verbose_name_plural = _("départements")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"


class Epci(models.Model):
    """An EPCI à fiscalité propre (communauté de communes, d'agglomération…)."""

    code = models.CharField(_("SIREN"), max_length=9, primary_key=True)
    name = models.CharField(_("nom"), max_length=200)

    class Meta:
        verbose_name = _("EPCI")
        verbose_name_plural = _("EPCI")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CommuneQuerySet(models.QuerySet):
    def located(self):
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def in_box(self, lat, lon, km):
        min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, km)
        return self.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon))

    def near(self, lat, lon, km):
        """Communes within `km` of a point, nearest first, each with `.distance_km`.

        The bounding box is filtered by the database (indexed), the exact distance
        is computed on the few rows left.
        """
        rows = []
        for commune in self.located().in_box(lat, lon, km):
            commune.distance_km = haversine_km(lat, lon, commune.latitude, commune.longitude)
            if commune.distance_km <= km:
                rows.append(commune)
        return sorted(rows, key=lambda c: c.distance_km)

    def search_name(self, text):
        return self.filter(name__icontains=text.strip()).order_by("-population")


class Commune(models.Model):
    insee_code = models.CharField(_("code INSEE"), max_length=5, primary_key=True)
    name = models.CharField(_("nom"), max_length=120, db_index=True)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="communes",
        verbose_name=_("département"),
    )
    epci = models.ForeignKey(
        Epci,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communes",
        verbose_name=_("EPCI"),
    )
    postal_codes = models.CharField(_("codes postaux"), max_length=200, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="commune_point_idx")]

    def __str__(self):
        return f"{self.name} ({self.department_id})"

    @property
    def point(self):
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)

    @property
    def main_postal_code(self):
        return self.postal_codes.split(" ", 1)[0] if self.postal_codes else ""
