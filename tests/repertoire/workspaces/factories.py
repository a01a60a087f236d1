import datetime

import factory
from django.utils import timezone

from repertoire.workspaces.enums import RoomKind, VisitorKind, WorkspaceKind
from repertoire.workspaces.models import Booking, Room, Workspace
from tests.repertoire.factories import StructureFactory

HOURS = "Mo-Fr 09:00-12:00,14:00-18:00; PH off"


def next_weekday(weekday, at, weeks=1):
    """An aware datetime on the next `weekday` (0 = Monday) at `at` ("HH:MM"), at least a
    day ahead, `weeks` - 1 weeks later."""
    today = timezone.localdate()
    days = (weekday - today.weekday()) % 7 or 7
    day = today + datetime.timedelta(days=days + 7 * (weeks - 1))
    hour, minute = map(int, at.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace

    structure = factory.SubFactory(StructureFactory)
    name = factory.Sequence(lambda n: f"Tiers-lieu n°{n}")
    slug = factory.Sequence(lambda n: f"tiers-lieu-{n}")
    kind = WorkspaceKind.THIRD_PLACE
    commune = factory.SelfAttribute("structure.commune")
    address = "1 place de la Gare"
    opening_hours = HOURS
    max_booking_hours = 4


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"Bureau {n}")
    kind = RoomKind.OFFICE
    capacity = 2


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    room = factory.SubFactory(RoomFactory)
    start = factory.LazyFunction(lambda: next_weekday(1, "14:00"))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    people = 1
    name = "Camille Nomade"
    email = "camille@exemple.fr"
    visitor_kind = VisitorKind.TELEWORKER
