import factory
from django.utils import timezone

from extranet.candidates.enums import CandidateSource, ConsentSource, ProjectType
from extranet.models import Candidate, CandidateShare
from tests.extranet.factories import WelcomePoleFactory
from tests.portal.factories import CommuneFactory
from tests.repertoire.factories import StructureFactory


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    reference = factory.Sequence(lambda n: f"ACC-2026-{n + 90000:05d}")
    pole = factory.SubFactory(WelcomePoleFactory)
    source = CandidateSource.PHONE
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"candidat{n}@exemple.fr")
    project_type = ProjectType.TAKEOVER
    sector = "Commerce de proximité"
    target_commune = factory.SubFactory(CommuneFactory)
    origin_department = "75"
    consent_at = factory.LazyFunction(timezone.now)
    consent_source = ConsentSource.ORAL


class CandidateShareFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidateShare

    candidate = factory.SubFactory(CandidateFactory)
    structure = factory.SubFactory(StructureFactory)
    reason = "Reprise d'un commerce : accompagnement par la chambre consulaire."
