import json

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from cartemploi.enums import SkillLevel
from tests.cartemploi.factories import CompanyProfileFactory, JobOfferFactory, YouthProfileFactory
from tests.portal.factories import CommuneFactory

INDEX = reverse("cartemploi:index")
MAP_DATA = reverse("cartemploi:map_data")
FRANCE = "-5.5,41,10,51.5"


def _leaks(profile):
    user = profile.user
    return [user.last_name, user.email, profile.first_name, "05 55 12 34 56"]


def test_list_shows_youth_anonymously(client, youth_profile, company):
    response = client.get(INDEX)
    assertContains(response, "C. — ")
    assertContains(response, "Cuisine")
    assertContains(response, company.name)
    html = response.content.decode()
    for secret in [*_leaks(youth_profile), company.contact_email, company.contact_name]:
        assert secret not in html


def test_unpublished_profiles_are_not_listed(client, db):
    YouthProfileFactory(status="pending", skills=[("Soudure", SkillLevel.DIPLOMA)])
    response = client.get(INDEX, {"skill": "soudure"})
    assertContains(response, "Aucune fiche")


def test_card_detail_is_anonymous(client, youth_profile):
    response = client.get(reverse("cartemploi:card_detail", args=[youth_profile.public_card.pk]))
    assertContains(response, "Cuisine")
    assertContains(response, "Validé par un diplôme")
    for secret in _leaks(youth_profile):
        assertNotContains(response, secret)


def test_filters_by_skill_sector_and_validated(client, db):
    YouthProfileFactory(published=True, skills=[("Soudure", SkillLevel.DECLARED)])
    YouthProfileFactory(published=True, skills=[("Soudure TIG", SkillLevel.EXPERIENCE)])
    CompanyProfileFactory(published=True, name="Garage Central", sector="G")
    response = client.get(INDEX, {"skill": "soudure"})
    assert response.context["page_obj"].paginator.count == 2
    response = client.get(INDEX, {"skill": "soudure", "validated_only": "on"})
    assert response.context["page_obj"].paginator.count == 1
    response = client.get(INDEX, {"sector": "G"})
    assert [c.title for c in response.context["page_obj"]] == ["Garage Central"]


def test_filter_by_commune_and_radius(client, db):
    near = CommuneFactory(name="Aubusson", latitude=45.956, longitude=2.168)
    far = CommuneFactory(name="Lointaine", latitude=43.6, longitude=1.44)
    YouthProfileFactory(published=True, commune=near)
    YouthProfileFactory(published=True, commune=far)
    response = client.get(INDEX, {"commune": "Aubusson", "radius": "30"})
    assert [c.commune_id for c in response.context["page_obj"]] == [near.pk]
    response = client.get(INDEX, {"commune": near.insee_code, "radius": "500"})
    assertContains(response, "Le rayon doit être compris entre 1 et 200 km.")


def test_radius_is_named_rayon(client, db):
    near = CommuneFactory(name="Aubusson", latitude=45.956, longitude=2.168)
    YouthProfileFactory(published=True, commune=near)
    YouthProfileFactory(published=True, commune=CommuneFactory(latitude=43.6, longitude=1.44))
    response = client.get(INDEX, {"commune": "Aubusson", "rayon": "30"})
    assert [c.commune_id for c in response.context["page_obj"]] == [near.pk]
    assertContains(response, 'name="rayon" value="30"')
    assert client.get(MAP_DATA, {"commune": "Aubusson", "rayon": "0"}).status_code == 400


@pytest.mark.parametrize("radius", ["0", "10000", "-3"])
def test_bad_radius_is_refused_and_input_kept(client, db, radius):
    CommuneFactory(name="Aubusson")
    response = client.get(INDEX, {"commune": "Aubusson", "radius": radius, "skill": "cuisine"})
    assertContains(response, "Le rayon doit être compris entre 1 et 200 km.")
    assertContains(response, 'value="cuisine"')
    assertContains(response, 'value="Aubusson"')
    response = client.get(MAP_DATA, {"commune": "Aubusson", "radius": radius})
    assert response.status_code == 400


def test_unknown_commune_is_explained(client, db):
    response = client.get(INDEX, {"commune": "Nulle-Part-sur-Rien", "radius": "10"})
    assertContains(response, "Commune introuvable")


def test_map_data_clusters_and_points(client, db):
    here = CommuneFactory(latitude=46.17, longitude=1.87)
    there = CommuneFactory(latitude=45.2, longitude=0.5)
    for _ in range(3):
        YouthProfileFactory(published=True, commune=here)
    lonely = YouthProfileFactory(published=True, commune=there)
    data = client.get(MAP_DATA, {"bbox": FRANCE, "zoom": "8"}).json()
    assert data["clusters"] == [{"lat": 46.17, "lon": 1.87, "count": 3}]
    assert [p["id"] for p in data["points"]] == [lonely.public_card.pk]
    assert data["points"][0]["url"] == reverse(
        "cartemploi:card_detail", args=[lonely.public_card.pk]
    )
    data = client.get(MAP_DATA, {"bbox": "1,46,3,47", "zoom": "8"}).json()
    assert data["points"] == [] and data["clusters"][0]["count"] == 3


def test_map_data_rejects_bad_box(client, db):
    assert client.get(MAP_DATA, {"bbox": "nonsense", "zoom": "8"}).status_code == 400
    assert client.get(MAP_DATA, {"bbox": FRANCE, "zoom": "x"}).status_code == 400


def test_map_data_never_exposes_contacts(client, youth_profile, company):
    JobOfferFactory(company=company, status="published")
    body = client.get(MAP_DATA, {"bbox": FRANCE, "zoom": "14"}).content.decode()
    payload = json.loads(body)
    assert len(payload["points"]) + sum(c["count"] for c in payload["clusters"]) == 3
    for secret in [*_leaks(youth_profile), company.contact_email, company.contact_name]:
        assert secret not in body


@pytest.mark.parametrize("size", [1, 30])
def test_list_query_count_is_bounded(client, db, django_assert_max_num_queries, size):
    commune = CommuneFactory(name="Guéret", latitude=46.17, longitude=1.87)
    for _ in range(size):
        YouthProfileFactory(published=True, commune=commune)
        JobOfferFactory(status="published", commune=commune)
    with django_assert_max_num_queries(12):
        response = client.get(INDEX, {"commune": "Guéret", "radius": "20"})
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        client.get(MAP_DATA, {"bbox": FRANCE, "zoom": "10", "skill": "cuisine"})


def test_edit_waiting_for_validation_keeps_previous_version_public(client, youth_profile):
    from cartemploi.services.profiles import save_profile

    youth_profile.motivations = "Nouvelle version pas encore validée"
    save_profile(profile=youth_profile, actor=youth_profile.user)
    response = client.get(reverse("cartemploi:card_detail", args=[youth_profile.public_card.pk]))
    assertContains(response, "Motivée, j&#x27;aime le travail en équipe.")
    assertNotContains(response, "Nouvelle version")
