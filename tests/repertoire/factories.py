import factory

from portal.models import HomePage
from repertoire.enums import StructureKind
from repertoire.models import Permanence, RepertoirePage, Service, Structure, Theme
from tests.portal.factories import CommuneFactory


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Association d'entraide n°{n}")
    slug = factory.Sequence(lambda n: f"association-entraide-{n}")
    kind = StructureKind.ASSOCIATION
    commune = factory.SubFactory(CommuneFactory)
    address = "2 place de la Mairie"
    email = factory.Sequence(lambda n: f"contact{n}@asso.exemple.fr")
    live = True

    class Params:
        youth_agency = factory.Trait(kind=StructureKind.YOUTH_AGENCY)
        complete = factory.Trait(
            summary="Accueil, écoute et orientation des habitants.",
            objectives="Proposer des aides ponctuelles et d'urgence.",
            audience="Toute personne habitant le canton.",
            access_modes=["appointment"],
            access_conditions="Sur rendez-vous avec une travailleuse sociale.",
            how_it_works="Un premier entretien, puis un suivi régulier.",
            opening_hours="Mo-Fr 08:30-12:15,13:30-17:00; PH off",
            access_motor="yes",
            access_visual="partial",
            phone="05 55 00 00 00",
            languages="français, anglais",
        )

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)
            obj.save()  # parental M2M is written on save


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    structure = factory.SubFactory(StructureFactory)
    name = factory.Sequence(lambda n: f"Aide alimentaire {n}")
    description = "Colis alimentaires pour les familles en difficulté."
    service_type = "aide-materielle"
    thematiques = ["equipement-et-alimentation--alimentation"]
    publics = ["familles"]
    fees = "gratuit"


def theme(slug):
    """Themes are created by the migration (the seed repertoire's tabs)."""
    return Theme.objects.get(slug=slug)


def repertoire_page():
    home = HomePage.objects.get()
    page = RepertoirePage(title="Répertoire", slug="repertoire")
    home.add_child(instance=page)
    return page


class PermanenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Permanence

    structure = factory.SubFactory(StructureFactory)
    place_name = "Mairie de Bellac"
    address = "Place de la République"
    commune = factory.SubFactory(CommuneFactory)
    opening_hours = "Tu[1,3] 09:00-12:00; PH off"
