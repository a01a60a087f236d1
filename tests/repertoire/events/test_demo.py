"""The demo's upcoming events: a job fair with Cartemploi companies attending, an
information session, a discovery weekend with its waiting list, the relay's open days."""

import pytest
from django.utils import timezone

from cartemploi.models import FairCompany
from extranet import demo
from repertoire.demo.events import JOB_FAIR
from repertoire.events.enums import EventKind, RegistrationStatus
from repertoire.models import Event, EventRegistration
from tests.extranet.test_seed_demo import demo_communes  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_the_demo_has_upcoming_events_of_every_kind_and_is_idempotent(demo_communes):  # noqa: F811
    demo.seed()
    counts = (Event.objects.count(), EventRegistration.objects.count())
    demo.seed()
    assert (Event.objects.count(), EventRegistration.objects.count()) == counts
    upcoming = Event.objects.published().upcoming()
    assert upcoming.count() == counts[0] and upcoming.first().start > timezone.now()
    kinds = set(upcoming.values_list("kind", flat=True))
    assert {EventKind.JOB_FAIR, EventKind.INFO_SESSION, EventKind.DISCOVERY_WEEKEND} <= kinds
    open_days = Event.objects.get(kind=EventKind.OPEN_DAY)
    assert open_days.workspace.slug == "relais-grand-bourg" and not open_days.registration
    weekend = Event.objects.with_places().get(kind=EventKind.DISCOVERY_WEEKEND)
    assert timezone.localtime(weekend.start).weekday() == 5 and weekend.is_full
    assert weekend.registrations.filter(status=RegistrationStatus.WAITING).exists()
    assert FairCompany.objects.filter(event__slug=JOB_FAIR).count() >= 3
