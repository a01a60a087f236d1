import factory

from portal.enums import AccountKind
from portal.models import Commune, Department, Epci, User

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
