"""A job fair links the Cartemploi companies attending: the advisor chooses them, the
event's public page shows their public cards (never their contact person)."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from cartemploi.models import FairCompany
from tests.cartemploi.factories import CompanyProfileFactory
from tests.repertoire.events.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair(advisor):
    structure = advisor.memberships.get().structure
    return EventFactory(organiser=structure, title="Forum de l'emploi des jeunes")


def test_the_advisor_chooses_the_published_companies_attending(client, advisor, fair):
    published = CompanyProfileFactory(published=True, name="Menuiserie du Taurion")
    pending = CompanyProfileFactory(name="Pas encore validée")
    client.force_login(advisor)
    assertContains(client.get(reverse("cartemploi:fair_list")), fair.slug)
    url = reverse("cartemploi:fair_companies", args=[fair.slug])
    page = client.get(url)
    assertContains(page, "Menuiserie du Taurion")
    assertNotContains(page, "Pas encore validée")
    response = client.post(url, {"companies": [published.pk]})
    assert response.status_code == 302
    assert list(FairCompany.objects.values_list("company", flat=True)) == [published.pk]
    bad = client.post(url, {"companies": [pending.pk]})
    assert "companies" in bad.context["form"].errors
    client.post(url, {})
    assert not FairCompany.objects.exists()


def test_another_structures_fair_is_not_found_and_others_are_refused(client, advisor, member):
    other = EventFactory()
    client.force_login(advisor)
    assert client.get(reverse("cartemploi:fair_companies", args=[other.slug])).status_code == 404
    client.force_login(member)
    assert client.get(reverse("cartemploi:fair_list")).status_code == 403


def test_the_event_page_shows_the_companies_attending(client, fair):
    company = CompanyProfileFactory(published=True, name="Garage de la Creuse")
    hidden = CompanyProfileFactory(name="Non publiée")
    FairCompany.objects.create(event=fair, company=company)
    FairCompany.objects.create(event=fair, company=hidden)
    page = client.get(fair.get_absolute_url())
    assertContains(page, "Entreprises présentes")
    assertContains(page, "Garage de la Creuse")
    assertContains(page, reverse("cartemploi:card_detail", args=[company.public_card.pk]))
    assertNotContains(page, "Non publiée")
    assertNotContains(page, company.contact_email)
