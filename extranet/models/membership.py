from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from extranet.enums import MembershipRole


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def managers(self):
        return self.filter(role=MembershipRole.MANAGER)


class Membership(models.Model):
    """A user belongs to a structure, as a member or as its manager."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("utilisateur·rice"),
    )
    structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("structure"),
    )
    role = models.CharField(
        _("rôle"),
        max_length=20,
        choices=MembershipRole.choices,
        default=MembershipRole.MEMBER,
    )
    job_title = models.CharField(_("fonction"), max_length=120, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("adhésion")
        verbose_name_plural = _("adhésions")
        ordering = ["structure__name", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "structure"], name="unique_membership"),
        ]

    def __str__(self):
        return f"{self.user} — {self.structure} ({self.get_role_display()})"


class WelcomePole(models.Model):
    """A pôle local d'accueil: its officers own the candidates of its communes and EPCIs."""

    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant d'URL"), unique=True)
    structure = models.OneToOneField(
        "repertoire.Structure",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="welcome_pole",
        verbose_name=_("structure porteuse"),
    )
    epcis = models.ManyToManyField(
        "portal.Epci",
        blank=True,
        related_name="welcome_poles",
        verbose_name=_("EPCI"),
    )
    communes = models.ManyToManyField(
        "portal.Commune",
        blank=True,
        related_name="welcome_poles",
        verbose_name=_("communes (en plus des EPCI)"),
    )
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="welcome_poles",
        verbose_name=_("chargé·es de mission"),
    )
    is_regional = models.BooleanField(
        _("service régional"),
        default=False,
        help_text=_("Reçoit les candidatures qu'aucun pôle local ne couvre."),
    )

    class Meta:
        verbose_name = _("pôle local d'accueil")
        verbose_name_plural = _("pôles locaux d'accueil")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def covers(self, commune):
        """True when the commune is in the pole's area (its EPCIs or listed communes)."""
        if commune.epci_id and self.epcis.filter(pk=commune.epci_id).exists():
            return True
        return self.communes.filter(pk=commune.pk).exists()

    @classmethod
    def for_commune(cls, commune):
        """The local pole covering a commune, else the regional service, else None."""
        poles = cls.objects.filter(is_regional=False)
        local = (
            poles.filter(models.Q(communes=commune) | models.Q(epcis=commune.epci_id))
            .distinct()
            .first()
            if commune
            else None
        )
        return local or cls.objects.filter(is_regional=True).first()
