"""Territorial offers (Wagtail pages) and the territory pages that present them.

Offers are editorial and time-limited: an `OfferPage` lives under an `OfferIndexPage`,
leaves the public lists the day after `valid_until` (`OfferPage.objects.current()`) and stays
readable from the extranet. The contact is stored as plain fields: `portal` must not import
`repertoire` (see ARCHITECTURE.md, imports point one way).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks import BodyBlock


class OfferType(models.TextChoices):
    BUSINESS = "business", _("Création / reprise d'entreprise")
    JOB = "job", _("Emploi")
    HOUSING = "housing", _("Logement")
    SERVICE = "service", _("Service")
    SUPPORT = "support", _("Accompagnement")
    WORKSPACE = "workspace", _("Espace de travail partagé / tiers-lieu")


class TurnoverBand(models.TextChoices):
    UNDER_100K = "lt100k", _("Moins de 100 000 €")
    UNDER_500K = "lt500k", _("De 100 000 à 500 000 €")
    OVER_500K = "gte500k", _("500 000 € et plus")


class PriceBand(models.TextChoices):
    UNDER_50K = "lt50k", _("Moins de 50 000 €")
    UNDER_200K = "lt200k", _("De 50 000 à 200 000 €")
    OVER_200K = "gte200k", _("200 000 € et plus")


class HousingMode(models.TextChoices):
    RENT = "rent", _("Location")
    SALE = "sale", _("Vente")


class OfferQuerySet(PageQuerySet):
    def current(self, today=None):
        """Live offers whose validity period contains `today` (open-ended bounds allowed)."""
        today = today or timezone.localdate()
        return self.live().filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=today),
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=today),
        )

    def expired(self, today=None):
        return self.filter(valid_until__lt=today or timezone.localdate())

    def of_type(self, *types):
        return self.filter(offer_type__in=types)

    def in_epcis(self, epci_codes):
        return self.filter(commune__epci__in=epci_codes)


OfferManager = PageManager.from_queryset(OfferQuerySet)


class OfferIndexPage(Page):
    """The public list + map of current offers; the filters are in `portal.offer_filters`."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["portal.OfferPage"]
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]

    class Meta:
        verbose_name = _("liste des offres")
        verbose_name_plural = _("listes des offres")

    def get_context(self, request, *args, **kwargs):
        from portal.offer_filters import offer_list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(offer_list_context(request, OfferPage.objects.child_of(self)))
        return context


class OfferPage(Page):
    offer_type = models.CharField(_("type d'offre"), max_length=20, choices=OfferType.choices)
    summary = models.TextField(_("résumé"), max_length=400)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    commune = models.ForeignKey(
        "portal.Commune",
        on_delete=models.PROTECT,
        related_name="offers",
        verbose_name=_("commune"),
    )
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    valid_from = models.DateField(_("valable à partir du"), null=True, blank=True)
    valid_until = models.DateField(_("valable jusqu'au"), null=True, blank=True, db_index=True)
    # Contact: plain fields, see the module docstring.
    contact_organisation = models.CharField(_("structure à contacter"), max_length=200)
    contact_name = models.CharField(_("personne à contacter"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone de contact"), max_length=30, blank=True)
    # Business creation / takeover
    activity = models.CharField(_("activité"), max_length=200, blank=True)
    turnover_band = models.CharField(
        _("chiffre d'affaires"), max_length=10, choices=TurnoverBand.choices, blank=True
    )
    price_band = models.CharField(
        _("prix de cession"), max_length=10, choices=PriceBand.choices, blank=True
    )
    premises = models.TextField(_("locaux"), blank=True)
    # Job
    contract_type = models.CharField(_("type de contrat"), max_length=80, blank=True)
    working_time = models.CharField(_("temps de travail"), max_length=80, blank=True)
    # Housing
    housing_mode = models.CharField(
        _("location ou vente"), max_length=10, choices=HousingMode.choices, blank=True
    )
    surface_m2 = models.PositiveIntegerField(_("surface (m²)"), null=True, blank=True)
    rooms = models.PositiveSmallIntegerField(_("nombre de pièces"), null=True, blank=True)
    price_eur = models.PositiveIntegerField(_("loyer mensuel ou prix (€)"), null=True, blank=True)
    # Service, support programme
    audience = models.CharField(_("public concerné"), max_length=200, blank=True)
    # Shared workspace / tiers-lieu
    workspace_rooms = models.TextField(_("salles et postes"), blank=True)
    equipment = models.TextField(_("équipements"), blank=True)
    opening_hours = models.TextField(_("horaires d'ouverture"), blank=True)
    access_conditions = models.TextField(_("conditions d'accès"), blank=True)

    objects = OfferManager()

    parent_page_types = ["portal.OfferIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("offer_type"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("commune"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Lieu"),
        ),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")], heading=_("Validité")),
        MultiFieldPanel(
            [
                FieldPanel("contact_organisation"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("activity"),
                FieldPanel("turnover_band"),
                FieldPanel("price_band"),
                FieldPanel("premises"),
            ],
            heading=_("Création / reprise d'entreprise"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [FieldPanel("contract_type"), FieldPanel("working_time")],
            heading=_("Emploi"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("housing_mode"),
                FieldPanel("surface_m2"),
                FieldPanel("rooms"),
                FieldPanel("price_eur"),
            ],
            heading=_("Logement"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [FieldPanel("audience")], heading=_("Service / accompagnement"), classname="collapsed"
        ),
        MultiFieldPanel(
            [
                FieldPanel("workspace_rooms"),
                FieldPanel("equipment"),
                FieldPanel("opening_hours"),
                FieldPanel("access_conditions"),
            ],
            heading=_("Espace de travail partagé / tiers-lieu"),
            classname="collapsed",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("activity"),
        index.FilterField("offer_type"),
        index.FilterField("valid_until"),
    ]

    class Meta:
        verbose_name = _("offre")
        verbose_name_plural = _("offres")
        indexes = [models.Index(fields=["offer_type", "valid_until"], name="offer_type_until_idx")]

    # Fields an editor must fill for each type (the rest of the form stays optional).
    REQUIRED_BY_TYPE = {
        OfferType.BUSINESS: ("activity",),
        OfferType.HOUSING: ("housing_mode",),
        OfferType.WORKSPACE: ("opening_hours", "access_conditions"),
    }

    def get_offer_type_display(self):
        """The type's label, without translating every choice as Django's version does
        (it hashes all the lazy labels on each call: 20 cards, 120 translations)."""
        if self.offer_type in OfferType.values:
            return str(OfferType(self.offer_type).label)
        return self.offer_type

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("La fin de validité précède son début.")
        for field in self.REQUIRED_BY_TYPE.get(self.offer_type, ()):
            if not getattr(self, field):
                errors[field] = _("Ce champ est obligatoire pour ce type d'offre.")
        if errors:
            raise ValidationError(errors)

    @property
    def point(self):
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        return self.commune.point if self.commune_id else None

    def is_current(self, today=None):
        today = today or timezone.localdate()
        started = self.valid_from is None or self.valid_from <= today
        return started and (self.valid_until is None or self.valid_until >= today)

    def expires_soon(self, days=15):
        limit = timezone.localdate() + datetime.timedelta(days=days)
        return self.valid_until is not None and self.valid_until <= limit


class TerritoryPage(Page):
    """'S'installer en …': a welcome pole's territory, its current offers and contacts.

    The area is a set of EPCIs (the pole itself belongs to the extranet, which portal does
    not import); the offers shown are the current ones located in those EPCIs.
    """

    introduction = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("présentation du territoire"))
    epcis = ParentalManyToManyField("portal.Epci", blank=True, verbose_name=_("EPCI couverts"))
    contact_organisation = models.CharField(_("pôle d'accueil"), max_length=200, blank=True)
    contact_name = models.CharField(_("personne à contacter"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone de contact"), max_length=30, blank=True)
    contact_address = models.TextField(_("adresse"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("epcis"),
        MultiFieldPanel(
            [
                FieldPanel("contact_organisation"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contacts"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("page de territoire")
        verbose_name_plural = _("pages de territoire")

    def current_offers(self, limit=12):
        codes = list(self.epcis.values_list("code", flat=True))
        return (
            OfferPage.objects.current()
            .filter(locale_id=self.locale_id)
            .in_epcis(codes)
            .select_related("commune")
            .order_by("valid_until", "-first_published_at")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offers"] = self.current_offers()
        context["offer_index"] = (
            OfferIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        )
        return context
