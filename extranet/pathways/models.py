"""Fiches parcours: what a person keeps — their needs in plain words and whom to see."""

from data_inclusion.schema import v1 as di
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from extranet.enums import Role
from extranet.roles import has_role
from repertoire.enums import schema_choices
from repertoire.fields import MultipleChoiceListField


class PaperLanguage(models.TextChoices):
    """Languages the fiche parcours can be printed in (the person's, not the worker's)."""

    FRENCH = "fr", _("français")
    ENGLISH = "en", _("anglais")


class PathwayQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Pathways a user may read: those written by a structure they are an active member
        of; all of them for the regional admin; none for anyone else."""
        if not user.is_authenticated:
            return self.none()
        if has_role(user, Role.REGIONAL_ADMIN):
            return self
        from extranet.models import Membership

        mine = Membership.objects.filter(user=user, is_active=True).values("structure")
        return self.filter(structure__in=mine)


class Pathway(models.Model):
    """A fiche parcours personnalisé, written with the person and handed to them."""

    reference = models.CharField(_("référence"), max_length=20, unique=True, null=True)
    structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.PROTECT,
        related_name="pathways",
        verbose_name=_("structure"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("rédigée par"),
    )
    referral = models.ForeignKey(
        "extranet.Referral",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pathways",
        verbose_name=_("fiche de liaison"),
    )
    person_first_name = models.CharField(_("prénom de la personne"), max_length=80)
    person_last_name = models.CharField(_("nom de la personne"), max_length=80, blank=True)
    person_email = models.EmailField(_("e-mail de la personne"), blank=True)
    email_consent_at = models.DateTimeField(
        _("accord pour l'envoi par e-mail le"), null=True, blank=True
    )
    thematiques = MultipleChoiceListField(
        _("difficultés par thème"), choices_list=schema_choices(di.Thematique)
    )
    situation = models.TextField(
        _("vos besoins, en mots simples"),
        help_text=_("Phrases courtes, adressées à la personne : « Vous cherchez un logement. »"),
    )
    language = models.CharField(
        _("langue de la fiche remise"),
        max_length=2,
        choices=PaperLanguage.choices,
        default=PaperLanguage.FRENCH,
        help_text=_(
            "Les textes fixes de la fiche, les dates et les horaires sont traduits ; vos notes "
            "restent telles que vous les écrivez."
        ),
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("mise à jour le"), auto_now=True)
    emailed_at = models.DateTimeField(_("envoyée par e-mail le"), null=True, blank=True)

    objects = PathwayQuerySet.as_manager()

    class Meta:
        verbose_name = _("fiche parcours")
        verbose_name_plural = _("fiches parcours")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.reference or _("Fiche parcours")

    @property
    def person_name(self):
        return f"{self.person_first_name} {self.person_last_name}".strip()

    def thematique_labels(self):
        names = {t.value: t.label for t in di.Thematique}
        return [names.get(code, code) for code in self.thematiques]


class PathwayContact(models.Model):
    """A structure of the répertoire the person should see, and what it will do for them."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="contacts")
    structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("structure"),
    )
    service = models.ForeignKey(
        "repertoire.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    what_for = models.CharField(
        _("ce qu'elle fait pour vous"),
        max_length=255,
        help_text=_("Ex. : vous aide à remplir le dossier de logement social."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("contact utile")
        verbose_name_plural = _("contacts utiles")
        ordering = ["order", "pk"]

    def __str__(self):
        return str(self.structure)


class PathwayStep(models.Model):
    """A next step, in plain words, with its date when there is one."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="steps")
    text = models.CharField(_("étape"), max_length=255)
    due_on = models.DateField(_("date"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("prochaine étape")
        verbose_name_plural = _("prochaines étapes")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text
