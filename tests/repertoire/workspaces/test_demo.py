"""The demo's network of workspaces: the Grand-Bourg relay and its neighbours."""

import pytest

from extranet import demo
from extranet.models import Membership
from repertoire.demo.workspaces import seed_workspaces_demo
from repertoire.models import Booking, Room, Workspace
from tests.extranet.test_seed_demo import demo_communes  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_relay_media_library_and_tourist_office_with_bookings(demo_communes):  # noqa: F811
    demo.seed()
    seed_workspaces_demo()
    counts = (Workspace.objects.count(), Room.objects.count(), Booking.objects.count())
    seed_workspaces_demo()
    assert (Workspace.objects.count(), Room.objects.count(), Booking.objects.count()) == counts
    relay = Workspace.objects.get(slug="relais-grand-bourg")
    rooms = {room.name: room for room in relay.rooms.all()}
    meeting = rooms["Salle du conseil"]
    assert meeting.capacity == 20 and "visio" in meeting.equipment
    assert rooms["Salle informatique"].capacity == 8
    assert sorted(r.capacity for r in rooms.values() if r.kind == "office") == [1, 2, 3]
    assert {w.kind for w in Workspace.objects.all()} >= {"media_library", "tourist_office"}
    assert Booking.objects.filter(status="accepted").exists()
    assert Booking.objects.filter(status="requested").exists()
    manager = Membership.objects.get(user__email="relais@demo.passerelles.localhost")
    assert manager.structure == relay.structure and manager.role == "manager"
