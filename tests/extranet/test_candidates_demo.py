import pytest

from extranet.demo.candidates import POLES, seed_candidates_demo
from extranet.models import Candidate
from portal.demo.offers import TERRITORIES
from portal.models import OfferPage, TerritoryPage
from tests.extranet.factories import WelcomePoleFactory
from tests.portal.factories import CommuneFactory, EpciFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_demo_seeds_offers_and_candidates_once(db):
    for index, (_slug, (_title, _org, epcis)) in enumerate(TERRITORIES.items()):
        epci = EpciFactory(code=epcis[0])
        CommuneFactory(insee_code=f"2399{index}", epci=epci)
        pole = WelcomePoleFactory(slug=POLES[index], officers=[UserFactory()])
        pole.epcis.add(epci)
    seed_candidates_demo()
    seed_candidates_demo()  # idempotent
    assert Candidate.objects.count() == 60
    assert set(Candidate.objects.values_list("status", flat=True)) == {
        "new", "contacted", "supported", "settled", "dropped",
    }  # fmt: skip
    assert OfferPage.objects.count() == 30
    assert 0 < OfferPage.objects.current().count() < 30  # a few expired ones
    assert set(OfferPage.objects.values_list("offer_type", flat=True)) >= {"business", "workspace"}
    assert TerritoryPage.objects.count() == 2
