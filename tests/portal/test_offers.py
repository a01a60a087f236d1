import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from portal.models import OfferPage, OfferType
from tests.portal import factories as offers
from tests.portal.factories import CommuneFactory, DepartmentFactory, EpciFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def places():
    """Guéret-like centre, a commune 8 km away, one 60 km away, one in another department."""
    epci = EpciFactory(name="CC du Grand Guéret")
    return {
        "centre": CommuneFactory(
            insee_code="23096", name="Guéret", latitude=46.17, longitude=1.87, epci=epci,
            postal_codes="23000", population=13000,
        ),
        "near": CommuneFactory(
            insee_code="23176", name="Saint-Fiel", latitude=46.22, longitude=1.93, epci=epci,
            population=1000,
        ),
        "far": CommuneFactory(insee_code="23008", name="Aubusson", latitude=45.95,
                              longitude=2.17, population=3200),
        "other_dept": CommuneFactory(
            insee_code="87085", name="Limoges", latitude=45.83, longitude=1.26,
            department=DepartmentFactory(code="87", name="Haute-Vienne"), population=130000,
            postal_codes="87000",
        ),
    }  # fmt: skip


def test_current_excludes_expired_and_future_offers(places):
    live = offers.offer(commune=places["centre"], valid_until=TODAY)
    offers.expired_offer(commune=places["centre"])
    offers.offer(commune=places["centre"], valid_from=TODAY + datetime.timedelta(days=3))
    assert list(OfferPage.objects.current()) == [live]


def test_expired_offer_leaves_the_public_list_but_its_page_says_so(client, places):
    old = offers.expired_offer(title="Boulangerie à reprendre", commune=places["centre"])
    offers.offer(title="Tiers-lieu du bourg", commune=places["centre"])
    response = client.get(offers.offer_index().url)
    assertContains(response, "Tiers-lieu du bourg")
    assertNotContains(response, "Boulangerie à reprendre")
    # Still reachable (the extranet links to it), flagged as no longer valid.
    assertContains(client.get(old.url), "plus valable")


def test_filter_by_type(client, places):
    offers.offer(title="Maison à louer", offer_type=OfferType.HOUSING, commune=places["centre"])
    offers.offer(title="Poste d'infirmier", offer_type=OfferType.JOB, commune=places["centre"])
    response = client.get(offers.offer_index().url, {"type": "housing"})
    assertContains(response, "Maison à louer")
    assertNotContains(response, "Poste d&#x27;infirmier")


def test_filter_by_commune_and_radius(client, places):
    offers.offer(title="Offre voisine", commune=places["near"])
    offers.offer(title="Offre lointaine", commune=places["far"])
    url = offers.offer_index().url
    response = client.get(url, {"commune": "Guéret", "rayon": 10})
    assertContains(response, "Offre voisine")
    assertNotContains(response, "Offre lointaine")
    response = client.get(url, {"commune": "23000", "rayon": 50})
    assertContains(response, "Offre lointaine")


@pytest.mark.parametrize("legacy", ["km", "radius"])
def test_old_links_radius_name_still_filters(client, places, legacy):
    offers.offer(title="Offre voisine", commune=places["near"])
    offers.offer(title="Offre lointaine", commune=places["far"])
    response = client.get(offers.offer_index().url, {"commune": "Guéret", legacy: 10})
    assertContains(response, "Offre voisine")
    assertNotContains(response, "Offre lointaine")
    assertContains(response, '<option value="10" selected>10 km</option>', html=True)


def test_unknown_commune_is_reported_next_to_the_field(client, places):
    offers.offer(title="Offre voisine", commune=places["near"])
    response = client.get(offers.offer_index().url, {"commune": "Zzzyx"})
    assertContains(response, "Nous ne trouvons pas cette commune.")
    assertContains(response, "Offre voisine")  # the list stays, unfiltered


def test_filter_by_department_and_epci(client, places):
    offers.offer(title="En Creuse", commune=places["centre"])
    offers.offer(title="En Haute-Vienne", commune=places["other_dept"])
    url = offers.offer_index().url
    response = client.get(url, {"departement": "87"})
    assertContains(response, "En Haute-Vienne")
    assertNotContains(response, "En Creuse")
    response = client.get(url, {"epci": places["centre"].epci_id})
    assertContains(response, "En Creuse")
    assertNotContains(response, "En Haute-Vienne")


def test_sort_nearest_first_and_by_title(client, places):
    offers.offer(title="B lointaine", commune=places["far"])
    offers.offer(title="A voisine", commune=places["near"])
    offers.offer(title="C au centre", commune=places["centre"])
    url = offers.offer_index().url
    near = client.get(url, {"commune": "Guéret", "rayon": 50, "tri": "near"}).context
    titles = [o.title for o in near["offers_page"].object_list]
    assert titles == ["C au centre", "A voisine", "B lointaine"]
    by_title = client.get(url, {"tri": "title"}).context["offers_page"].object_list
    assert [o.title for o in by_title] == ["A voisine", "B lointaine", "C au centre"]


def test_map_twin_has_the_same_offers_as_the_list(client, places):
    offers.offer(title="Espace de coworking", offer_type=OfferType.WORKSPACE,
                 commune=places["near"])  # fmt: skip
    response = client.get(offers.offer_index().url)
    content = response.content.decode()
    marker = '<script id="offer-points" type="application/json">'
    start = content.index(marker) + len(marker)
    points = json.loads(content[start : content.index("</script>", start)])
    assert [p["title"] for p in points] == ["Espace de coworking"]
    assert points[0]["lat"] == pytest.approx(46.22)
    assertContains(response, "vendor/leaflet/leaflet.js")


def test_offer_list_runs_a_bounded_number_of_queries(client, places, django_assert_max_num_queries):
    index = offers.offer_index()
    for n in range(25):
        offers.offer(title=f"Offre {n}", commune=places["near" if n % 2 else "centre"])
    client.get(index.url)  # warm Wagtail's site-root cache, as in production
    with django_assert_max_num_queries(12):
        response = client.get(index.url, {"commune": "Guéret", "rayon": 20, "tri": "near"})
    assert len(response.context["offers_page"].object_list) == 20


def test_offer_detail_shows_type_specific_fields(client, places):
    page = offers.offer(
        title="Gîte rural à reprendre",
        offer_type=OfferType.BUSINESS,
        activity="Hébergement touristique",
        turnover_band="lt100k",
        commune=places["centre"],
        contact_email="accueil@cc.exemple.fr",
    )
    response = client.get(page.url)
    assertContains(response, "Hébergement touristique")
    assertContains(response, "Moins de 100 000 €")
    assertContains(response, "accueil@cc.exemple.fr")


def test_type_specific_fields_are_required_and_dates_ordered(places):
    page = OfferPage(
        title="Tiers-lieu",
        slug="tl",
        offer_type=OfferType.WORKSPACE,
        summary="x",
        commune=places["centre"],
        contact_organisation="CC",
        valid_from=TODAY,
        valid_until=TODAY - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert {"valid_until", "opening_hours", "access_conditions"} <= set(error.value.error_dict)


def test_territory_page_lists_current_offers_of_its_epcis(client, places):
    offers.offer(title="Dans le territoire", commune=places["near"])
    offers.offer(title="Hors du territoire", commune=places["other_dept"])
    offers.expired_offer(title="Expirée du territoire", commune=places["centre"])
    page = offers.territory(epcis=[places["centre"].epci])
    response = client.get(page.url)
    assertContains(response, "Dans le territoire")
    assertNotContains(response, "Hors du territoire")
    assertNotContains(response, "Expirée du territoire")
    assertContains(response, "Pôle local d&#x27;accueil du Plateau")
