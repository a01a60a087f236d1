import pytest

from cartemploi.services.profiles import accept_charter
from tests.cartemploi.factories import CompanyProfileFactory, YouthProfileFactory


@pytest.fixture
def agency(advisor):
    return advisor.memberships.get().structure


@pytest.fixture
def youth_profile(db, agency):
    """A published young person of the advisor's territory who accepted the charter."""
    profile = YouthProfileFactory(published=True, agency=agency)
    accept_charter(user=profile.user)
    return profile


@pytest.fixture
def company(db, agency):
    company = CompanyProfileFactory(published=True, agency=agency)
    accept_charter(user=company.user)
    return company


@pytest.fixture
def other_company(db):
    company = CompanyProfileFactory(published=True)
    accept_charter(user=company.user)
    return company
