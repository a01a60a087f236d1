"""Network life: members' news. (The directory itself reads Structure and Membership.)"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NewsItemQuerySet(models.QuerySet):
    def published(self, now=None):
        return self.filter(is_published=True, published_at__lte=now or timezone.now())


class NewsItem(models.Model):
    """A short piece of news for network members only (never on the public site)."""

    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("texte"))
    structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("structure concernée"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("auteur·rice"),
    )
    is_published = models.BooleanField(_("publiée"), default=True)
    published_at = models.DateTimeField(_("date de publication"), default=timezone.now)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("actualité du réseau")
        verbose_name_plural = _("actualités du réseau")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.title
