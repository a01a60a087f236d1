import pytest
from django.contrib.auth.models import Group

from extranet.roles import ADVISOR_GROUP, REGIONAL_ADMIN_GROUP
from tests.extranet.factories import MembershipFactory, WelcomePoleFactory
from tests.portal.factories import UserFactory


@pytest.fixture
def member(db):
    """A partner member of one structure."""
    return MembershipFactory().user


@pytest.fixture
def manager(db):
    return MembershipFactory(manager=True).user


@pytest.fixture
def regional_admin(db):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=REGIONAL_ADMIN_GROUP))
    return user


@pytest.fixture
def advisor(db):
    user = MembershipFactory(structure__youth_agency=True).user
    user.groups.add(Group.objects.get(name=ADVISOR_GROUP))
    return user


@pytest.fixture
def pole_officer(db):
    user = UserFactory()
    WelcomePoleFactory(officers=[user])
    return user


@pytest.fixture
def editor(db):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def youth(db):
    return UserFactory(youth=True)


@pytest.fixture
def stranger(db):
    """A signed-up person with no role in the network."""
    return UserFactory(kind="person")
