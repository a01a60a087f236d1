from dataclasses import dataclass
from functools import partial

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone, translation

from extranet.roles import ADVISOR_GROUP, REGIONAL_ADMIN_GROUP
from portal.mail import outbox
from portal.mail.enums import EmailStatus
from portal.models import OutboundEmail
from tests.extranet.factories import MembershipFactory, ReferralFactory, WelcomePoleFactory
from tests.portal.factories import UserFactory
from tests.repertoire.factories import ServiceFactory, StructureFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache. The database is rolled back between tests, but
    the cache is not: another test's menus, sites or shell would leak into this one (seen on
    PostgreSQL: the demo's footer and menu on a bare répertoire test)."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _french_to_begin_with(settings):
    """Every test starts in French. The language middleware activates the language of the
    address it serves and leaves it active (as Django's does): after a request to /en/, a
    `reverse` in the test, or in the next test, would make an English address."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def outbox_sends_when_the_code_under_test_commits(monkeypatch):
    """The outbox sends after commit, and a test runs inside a transaction that never
    commits. The outbox's after-commit callbacks run here when production would run them:
    at once when the code under test is outside any atomic block of its own, else when its
    outermost block exits without error (a rolled-back block sends nothing). Other
    after-commit work (search indexing) keeps Django's test behaviour: it runs only under
    `django_capture_on_commit_callbacks`, which re-running a delivery leaves harmless."""
    ran = []

    def only_test_blocks(connection):
        return all(block._from_testcase for block in connection.atomic_blocks)

    def send_queued(connection):
        for _savepoints, func, _robust in list(connection.run_on_commit):
            is_delivery = isinstance(func, partial) and func.func is outbox.hand_over
            if is_delivery and not any(func is done for done in ran):
                ran.append(func)
                func()

    on_commit, atomic_exit = BaseDatabaseWrapper.on_commit, transaction.Atomic.__exit__

    def on_commit_at_once_outside_blocks(connection, func, robust=False):
        on_commit(connection, func, robust)
        if connection.in_atomic_block and only_test_blocks(connection):
            send_queued(connection)

    def exit_and_send(block, exc_type, exc_value, traceback):
        atomic_exit(block, exc_type, exc_value, traceback)
        connection = transaction.get_connection(block.using)
        outermost = not block._from_testcase and only_test_blocks(connection)
        if exc_type is None and outermost and connection.in_atomic_block:
            send_queued(connection)

    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit_at_once_outside_blocks)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_and_send)


class SmtpOutage:
    """What a test needs around an SMTP outage: the messages it left queued, and recovery."""

    def __init__(self, settings):
        self.settings = settings

    def queued(self, to):
        """The messages for `to` that failed and wait for `send_outbox`."""
        return OutboundEmail.objects.filter(to=to, status=EmailStatus.FAILED)

    def recover_and_retry(self):
        """SMTP answers again and the back-off has passed: `send_outbox` runs."""
        self.settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        OutboundEmail.objects.update(next_attempt_at=timezone.now())
        call_command("send_outbox")


@pytest.fixture
def smtp_down(db, settings):
    """Every message is refused (SMTPException) until `smtp_down.recover_and_retry()`."""
    settings.EMAIL_BACKEND = "tests.portal.smtp.RefusingBackend"
    return SmtpOutage(settings)


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


# --- The coordination (referrals, pathways, directory, documents) --------------------------
@dataclass
class Network:
    """Structures A (sends), B (receives), C (unrelated), each with one member."""

    a: object
    b: object
    c: object
    member_a: object
    member_b: object
    member_c: object
    service_b: object


@pytest.fixture
def network(db, private_media):
    memberships = [MembershipFactory(structure=StructureFactory(complete=True)) for _ in range(3)]
    a, b, c = (m.structure for m in memberships)
    service = ServiceFactory(structure=b, name="Accompagnement au logement")
    return Network(a, b, c, *(m.user for m in memberships), service_b=service)


@pytest.fixture
def referral(network):
    return ReferralFactory(
        sender=network.member_a,
        sender_structure=network.a,
        target_structure=network.b,
        target_service=network.service_b,
    )


@pytest.fixture
def private_media(settings, tmp_path):
    """Attachments go to a temporary private root, not to var/private."""
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    return tmp_path / "private"
