import factory

from extranet.enums import MembershipRole
from extranet.models import Membership, WelcomePole
from tests.portal.factories import UserFactory
from tests.repertoire.factories import StructureFactory


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    structure = factory.SubFactory(StructureFactory)
    role = MembershipRole.MEMBER

    class Params:
        manager = factory.Trait(role=MembershipRole.MANAGER)


class WelcomePoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WelcomePole
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Pôle local d'accueil {n}")
    slug = factory.Sequence(lambda n: f"pole-{n}")

    @factory.post_generation
    def officers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.officers.add(*extracted)
