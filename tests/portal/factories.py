"""Factories of the portal's models: users, territories (factory_boy), and Wagtail pages
(offers, territory pages), created under their parent with add_child."""

import datetime
import itertools

import factory
from django.utils import timezone
from wagtail.models import Page

from portal.enums import AccountKind
from portal.models import (
    Commune,
    Department,
    Epci,
    HomePage,
    OfferIndexPage,
    OfferPage,
    OfferType,
    TerritoryPage,
    User,
)

DEMO_PASSWORD = "Passerelles-2026!"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.fr")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    kind = AccountKind.PROFESSIONAL
    password = factory.PostGenerationMethodCall("set_password", DEMO_PASSWORD)

    class Params:
        youth = factory.Trait(kind=AccountKind.YOUTH)
        company = factory.Trait(kind=AccountKind.COMPANY)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """allauth requires a verified address to log in (ACCOUNT_EMAIL_VERIFICATION)."""
        obj.save()
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.update_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = "23"
    name = "Creuse"


class EpciFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Epci
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"2000{n:05d}")
    name = factory.Sequence(lambda n: f"CC du Plateau {n}")


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune
        django_get_or_create = ("insee_code",)

    # Five characters however many communes a test session creates: 23000…23999, 24000…
    insee_code = factory.Sequence(lambda n: f"{23 + n // 1000}{n % 1000:03d}")
    name = factory.Sequence(lambda n: f"Commune {n}")
    department = factory.SubFactory(DepartmentFactory)
    epci = factory.SubFactory(EpciFactory)
    postal_codes = "23000"
    population = 1200
    latitude = 46.17
    longitude = 1.87


# --- Pages: Wagtail pages are created under their parent with add_child -------------------
_seq = itertools.count()


def home():
    return HomePage.objects.first() or Page.objects.get(depth=1).add_child(
        instance=HomePage(title="Accueil", slug="accueil")
    )


def offer_index(**kwargs):
    existing = OfferIndexPage.objects.first()
    if existing:
        return existing
    kwargs.setdefault("title", "Les offres du territoire")
    kwargs.setdefault("slug", "offres")
    return home().add_child(instance=OfferIndexPage(**kwargs))


def offer(parent=None, **kwargs):
    n = next(_seq)
    kwargs.setdefault("title", f"Offre {n}")
    kwargs.setdefault("slug", f"offre-{n}")
    kwargs.setdefault("offer_type", OfferType.SERVICE)
    kwargs.setdefault("summary", "Une offre du territoire.")
    kwargs.setdefault("contact_organisation", "Communauté de communes")
    if "commune" not in kwargs:
        kwargs["commune"] = CommuneFactory()
    if kwargs["offer_type"] == OfferType.BUSINESS:
        kwargs.setdefault("activity", "Boulangerie")
    if kwargs["offer_type"] == OfferType.HOUSING:
        kwargs.setdefault("housing_mode", "rent")
    if kwargs["offer_type"] == OfferType.WORKSPACE:
        kwargs.setdefault("opening_hours", "Lun-ven 9h-18h")
        kwargs.setdefault("access_conditions", "Sur adhésion")
    page = (parent or offer_index()).add_child(instance=OfferPage(**kwargs))
    page.save_revision().publish()
    return page


def expired_offer(**kwargs):
    today = timezone.localdate()
    kwargs.setdefault("valid_from", today - datetime.timedelta(days=60))
    kwargs.setdefault("valid_until", today - datetime.timedelta(days=1))
    return offer(**kwargs)


def territory(epcis=(), **kwargs):
    kwargs.setdefault("title", "S'installer en Creuse")
    kwargs.setdefault("slug", "creuse")
    kwargs.setdefault("contact_organisation", "Pôle local d'accueil du Plateau")
    page = home().add_child(instance=TerritoryPage(**kwargs))
    page.epcis.set(epcis)
    page.save_revision().publish()
    return page
