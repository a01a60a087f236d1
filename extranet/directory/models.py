"""Network life: members' news and the documents they share.

(The directory itself reads Structure and Membership.)"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from extranet.enums import SharedDocumentStatus
from portal.storage import private_storage


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


class SharedDocument(models.Model):
    """A document a member shares with the network. While it waits for the editors
    (`NETWORK_DOCUMENTS_MODERATED`), its file is private (no URL, not a Wagtail document);
    once published it is a Wagtail document of the network collection (`document`)."""

    title = models.CharField(_("titre"), max_length=255)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    file = models.FileField(
        _("fichier"), upload_to="shared-documents/%Y/%m/", storage=private_storage, blank=True
    )
    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="shared",
        verbose_name=_("document publié"),
    )
    structure = models.ForeignKey(
        "repertoire.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("structure"),
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("partagé par"),
    )
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=SharedDocumentStatus.choices,
        default=SharedDocumentStatus.PROPOSED,
    )
    refusal_reason = models.CharField(_("motif du refus"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("décidé par"),
    )
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("document partagé par un membre")
        verbose_name_plural = _("documents partagés par les membres")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title
