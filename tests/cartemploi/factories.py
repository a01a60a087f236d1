from datetime import date

import factory

from cartemploi.enums import NafSection, OfferKind, SizeBand, SkillLevel, ValidationStatus
from cartemploi.models import CharterVersion, CompanyProfile, JobOffer, Skill, YouthProfile
from cartemploi.services.cards import company_card, offer_card, youth_card
from tests.portal.factories import CommuneFactory, UserFactory


class CharterVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CharterVersion
        django_get_or_create = ("version",)

    version = 1
    title = "Charte Cartemploi"
    body = "Je m'engage à donner des informations honnêtes."


class YouthProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YouthProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, youth=True, first_name="Camille", last_name="Durandal")
    first_name = factory.SelfAttribute("user.first_name")
    birth_date = date(2006, 3, 14)
    commune = factory.SubFactory(CommuneFactory)
    motivations = "Motivée, j'aime le travail en équipe."
    looking_for = [OfferKind.JOB, OfferKind.APPRENTICESHIP]
    sectors = [NafSection.I]
    availability = "Dès maintenant"

    class Params:
        published = factory.Trait(status=ValidationStatus.PUBLISHED)

    @factory.post_generation
    def skills(obj, create, extracted, **kwargs):
        if not create:
            return
        for label, level in extracted or [("Cuisine", SkillLevel.DIPLOMA)]:
            Skill.objects.create(profile=obj, label=label, level=level)
        if obj.status == ValidationStatus.PUBLISHED:
            youth_card(obj)


class CompanyProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompanyProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, company=True)
    name = factory.Sequence(lambda n: f"Fromagerie du Bocage {n}")
    trade = "Fromager affineur"
    know_how = "Affinage de pâtes molles, vente directe."
    values = "Transmission, travail bien fait."
    sector = NafSection.C
    size_band = SizeBand.MICRO
    commune = factory.SubFactory(CommuneFactory)
    offers_kinds = [OfferKind.INTERNSHIP, OfferKind.JOB]
    contact_name = "Dominique Secretissime"
    contact_email = factory.Sequence(lambda n: f"contact{n}@fromagerie.exemple.fr")
    contact_phone = "05 55 12 34 56"

    class Params:
        published = factory.Trait(status=ValidationStatus.PUBLISHED)

    @factory.post_generation
    def card(obj, create, extracted, **kwargs):
        if create and obj.status == ValidationStatus.PUBLISHED:
            company_card(obj)


class JobOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobOffer
        skip_postgeneration_save = True

    company = factory.SubFactory(CompanyProfileFactory, published=True)
    kind = OfferKind.INTERNSHIP
    title = "Stage en affinage"
    description = "Découvrir l'affinage pendant 4 semaines."
    commune = factory.SelfAttribute("company.commune")

    @factory.post_generation
    def card(obj, create, extracted, **kwargs):
        if create and obj.status == "published":
            offer_card(obj)
