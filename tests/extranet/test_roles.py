import pytest

from extranet.enums import Role
from extranet.perms import can_access_extranet, can_manage_structure, can_view_audit_log
from extranet.roles import is_staff_role, roles_of

# The personas are fetched with getfixturevalue, which pytest-django cannot see when it orders
# tests: mark the module so it runs with the other database tests, before transactional ones.
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("member", {Role.STRUCTURE_MEMBER}),
        ("manager", {Role.STRUCTURE_MANAGER}),
        ("regional_admin", {Role.REGIONAL_ADMIN}),
        ("advisor", {Role.ADVISOR, Role.STRUCTURE_MEMBER}),
        ("pole_officer", {Role.POLE_OFFICER}),
        ("editor", {Role.EDITOR}),
        ("youth", {Role.YOUTH}),
        ("stranger", set()),
    ],
)
def test_each_persona_has_its_roles(request, fixture, expected):
    assert roles_of(request.getfixturevalue(fixture)) == expected


@pytest.mark.parametrize(
    ("fixture", "staff"),
    [
        ("member", False),
        ("manager", False),
        ("regional_admin", True),
        ("advisor", True),
        ("pole_officer", True),
        ("editor", True),
        ("youth", False),
    ],
)
def test_staff_roles_are_those_reaching_personal_data(request, fixture, staff):
    assert is_staff_role(request.getfixturevalue(fixture)) is staff


def test_young_people_and_strangers_stay_out_of_the_extranet(youth, stranger, member):
    assert not can_access_extranet(youth)
    assert not can_access_extranet(stranger)
    assert can_access_extranet(member)


def test_only_own_managers_and_admin_manage_a_structure(manager, member, regional_admin):
    structure = manager.memberships.get().structure
    assert can_manage_structure(manager, structure)
    assert can_manage_structure(regional_admin, structure)
    assert not can_manage_structure(member, structure)


def test_inactive_membership_gives_no_role(member):
    member.memberships.update(is_active=False)
    member._passerelles_roles = None
    assert roles_of(member) == set()


def test_audit_log_is_for_the_regional_admin_only(regional_admin, member, editor):
    assert can_view_audit_log(regional_admin)
    assert not can_view_audit_log(member)
    assert not can_view_audit_log(editor)
