from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CharterVersionQuerySet(models.QuerySet):
    def current(self):
        """The charter in force: the latest published version (None before the first)."""
        return self.order_by("-version").first()


class CharterVersion(models.Model):
    """The honesty charter. A new version makes everybody accept again."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("texte"))
    published_at = models.DateTimeField(_("publiée le"), auto_now_add=True)

    objects = CharterVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("version de la charte")
        verbose_name_plural = _("versions de la charte")
        ordering = ["-version"]

    def __str__(self):
        return f"{self.title} (v{self.version})"


class CharterAcceptance(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="charter_acceptances",
        verbose_name=_("compte"),
    )
    version = models.ForeignKey(
        CharterVersion, on_delete=models.PROTECT, related_name="acceptances"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enregistrée par"),
        help_text=_("Le ou la conseillère quand le profil est créé avec la personne."),
    )
    accepted_at = models.DateTimeField(_("acceptée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("acceptation de la charte")
        verbose_name_plural = _("acceptations de la charte")
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="unique_charter_acceptance")
        ]

    def __str__(self):
        return f"{self.user_id} v{self.version.version}"
