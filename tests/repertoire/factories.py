import factory

from repertoire.enums import StructureKind
from repertoire.models import Structure
from tests.portal.factories import CommuneFactory


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    name = factory.Sequence(lambda n: f"Association d'entraide n°{n}")
    slug = factory.Sequence(lambda n: f"association-entraide-{n}")
    kind = StructureKind.ASSOCIATION
    commune = factory.SubFactory(CommuneFactory)
    address = "2 place de la Mairie"
    email = factory.Sequence(lambda n: f"contact{n}@asso.exemple.fr")
    live = True

    class Params:
        youth_agency = factory.Trait(kind=StructureKind.YOUTH_AGENCY)
