from extranet.models import WelcomePole
from tests.extranet.factories import WelcomePoleFactory
from tests.portal.factories import CommuneFactory, EpciFactory


def test_commune_is_routed_to_the_pole_of_its_epci_then_to_the_regional_service(db):
    epci = EpciFactory(name="CC Creuse Sud-Ouest")
    covered = CommuneFactory(name="Bourganeuf", epci=epci)
    listed = CommuneFactory(name="Royère-de-Vassivière", epci=EpciFactory())
    elsewhere = CommuneFactory(name="Ailleurs", epci=EpciFactory())
    pole = WelcomePoleFactory(name="PLA Creuse Sud")
    pole.epcis.add(epci)
    pole.communes.add(listed)
    regional = WelcomePoleFactory(name="Service régional", is_regional=True)

    assert WelcomePole.for_commune(covered) == pole
    assert WelcomePole.for_commune(listed) == pole
    assert WelcomePole.for_commune(elsewhere) == regional
    assert pole.covers(covered) and pole.covers(listed) and not pole.covers(elsewhere)
