from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cartemploi.enums import (
    AgeBand,
    Gender,
    NafSection,
    OfferKind,
    OfferStatus,
    SizeBand,
    SkillLevel,
)
from cartemploi.models.validation import ValidatedModel, ValidatedQuerySet, agency_scope
from extranet.enums import Role
from extranet.roles import has_role
from portal.storage import private_storage


def age_on(birth_date, today=None):
    today = today or date.today()
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - before_birthday


def age_band_for(age):
    if age < 18:
        return AgeBand.B16_17
    if age < 22:
        return AgeBand.B18_21
    if age < 26:
        return AgeBand.B22_25
    return AgeBand.B26_PLUS


class OwnedProfile(ValidatedModel):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="%(class)s",
        verbose_name=_("compte"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("créé par"),
    )
    agency = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mission locale"),
    )
    commune = models.ForeignKey(
        "portal.Commune", on_delete=models.PROTECT, related_name="+", verbose_name=_("commune")
    )

    class Meta(ValidatedModel.Meta):
        abstract = True


class YouthProfile(OwnedProfile):
    """A young person's skills and wishes. Public only as an anonymous `PublicCard`."""

    first_name = models.CharField(_("prénom"), max_length=80)
    birth_date = models.DateField(_("date de naissance"))
    # Optional, said by the young person only ("" = not asked); never shown one by one.
    gender = models.CharField(
        _("genre"), max_length=10, choices=Gender.choices, blank=True, default=""
    )
    driving_licence = models.BooleanField(_("permis de conduire"), default=False)
    has_vehicle = models.BooleanField(_("véhicule"), default=False)
    mobility_km = models.PositiveSmallIntegerField(_("rayon de mobilité (km)"), default=20)
    motivations = models.TextField(_("motivations"), blank=True)
    looking_for = models.JSONField(_("je cherche"), default=list, blank=True)
    sectors = models.JSONField(_("secteurs souhaités"), default=list, blank=True)
    availability = models.CharField(_("disponibilité"), max_length=200, blank=True)
    # Private storage: served only through `views.owner.private_file`, never by /media/.
    photo = models.ImageField(
        _("photo"), upload_to="cartemploi/photos/", storage=private_storage, blank=True
    )
    cv = models.FileField(
        _("CV (PDF)"), upload_to="cartemploi/cv/", storage=private_storage, blank=True
    )

    objects = ValidatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("profil jeune")
        verbose_name_plural = _("profils jeunes")
        ordering = ["-updated_at"]

    def __str__(self):
        return f"{self.initial} ({self.age_band.label}, {self.commune.name})"

    @property
    def initial(self):
        return f"{self.first_name[:1].upper()}." if self.first_name else "?"

    @property
    def age(self):
        return age_on(self.birth_date)

    @property
    def age_band(self):
        return age_band_for(self.age)

    def get_absolute_url(self):
        return reverse("cartemploi:youth_space")


class Skill(models.Model):
    profile = models.ForeignKey(
        YouthProfile, on_delete=models.CASCADE, related_name="skills", verbose_name=_("profil")
    )
    label = models.CharField(_("compétence ou savoir-faire"), max_length=120)
    level = models.CharField(
        _("validation"), max_length=20, choices=SkillLevel.choices, default=SkillLevel.DECLARED
    )

    class Meta:
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")
        ordering = ["pk"]

    def __str__(self):
        return self.label

    @property
    def is_validated(self):
        return self.level != SkillLevel.DECLARED


class CompanyProfile(OwnedProfile):
    """A company as *métier – savoir-faire – valeurs*. Its contact person is never public."""

    name = models.CharField(_("nom de l'entreprise"), max_length=200)
    trade = models.CharField(_("métier"), max_length=200)
    know_how = models.TextField(_("savoir-faire"))
    values = models.TextField(_("valeurs"), blank=True)
    sector = models.CharField(_("secteur"), max_length=1, choices=NafSection.choices)
    size_band = models.CharField(_("effectif"), max_length=10, choices=SizeBand.choices)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    offers_kinds = models.JSONField(_("ce que nous proposons"), default=list, blank=True)
    contact_name = models.CharField(_("personne à contacter"), max_length=120)
    contact_email = models.EmailField(_("e-mail de contact"))
    contact_phone = models.CharField(_("téléphone de contact"), max_length=30, blank=True)

    objects = ValidatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("profil entreprise")
        verbose_name_plural = _("profils entreprises")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def point(self):
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        return self.commune.point

    def get_absolute_url(self):
        return reverse("cartemploi:company_space")


class JobOfferQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=OfferStatus.PUBLISHED)

    def pending(self):
        return self.filter(status=OfferStatus.PENDING)

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if has_role(user, Role.REGIONAL_ADMIN):
            return self
        scope = models.Q(company__user=user)
        if has_role(user, Role.ADVISOR):
            scope |= agency_scope(user, "company__agency")
        return self.filter(scope)


class JobOffer(models.Model):
    company = models.ForeignKey(
        CompanyProfile,
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("entreprise"),
    )
    kind = models.CharField(_("type d'offre"), max_length=20, choices=OfferKind.choices)
    title = models.CharField(_("intitulé"), max_length=200)
    description = models.TextField(_("description"))
    commune = models.ForeignKey(
        "portal.Commune", on_delete=models.PROTECT, related_name="+", verbose_name=_("commune")
    )
    starts_on = models.DateField(_("début"), null=True, blank=True)
    ends_on = models.DateField(_("fin"), null=True, blank=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT
    )
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("validée par"),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = JobOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("offre")
        verbose_name_plural = _("offres")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.title} — {self.company.name}"
