from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

from portal.languages import interface_language


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What the header and footer show: name, logo, contact and legal pages."""

    site_name = models.CharField(_("nom du site"), max_length=80, default="Passerelles")
    tagline = models.CharField(
        _("accroche"),
        max_length=160,
        blank=True,
        default="S'installer, travailler et s'entraider en territoire rural",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone de contact"), max_length=30, blank=True)
    contact_address = models.TextField(_("adresse postale"), blank=True)
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("mentions légales"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("politique de confidentialité"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("déclaration d'accessibilité"),
    )
    charter_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("charte"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identité"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("charter_page"),
            ],
            heading=_("Pages légales"),
        ),
    ]

    class Meta:
        verbose_name = _("réglages du site")

    def legal_links(self):
        """The live legal pages, in footer order, each in the interface language where
        translated, fetched in one query (not one per link)."""
        ids = [
            self.legal_notice_page_id,
            self.privacy_page_id,
            self.accessibility_page_id,
            self.charter_page_id,
        ]
        chosen = Page.objects.filter(pk__in=[pk for pk in ids if pk]).values("translation_key")
        versions = Page.objects.live().filter(translation_key__in=chosen).select_related("locale")
        language = interface_language()
        by_key = {}
        for page in versions:
            if page.pk in ids or page.locale.language_code == language:
                by_key.setdefault(page.translation_key, {})[page.pk in ids] = page
        pages = {}
        for options in by_key.values():
            original = options.get(True)
            if original is not None:
                pages[original.pk] = options.get(False, original)
        return [pages[pk] for pk in ids if pk in pages]
