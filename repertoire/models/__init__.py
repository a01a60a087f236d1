from repertoire.workspaces.models import Booking, Room, Workspace  # noqa: I001
from repertoire.events.models import Event, EventRegistration  # noqa: I001

from .freshness import ErrorReport, FreshnessReminder
from .pages import RepertoirePage
from .permanences import Permanence
from .services import Service
from .structures import Structure, StructureQuerySet
from .themes import Theme

__all__ = [
    "Booking",
    "Event",
    "EventRegistration",
    "Room",
    "Workspace",
    "ErrorReport",
    "FreshnessReminder",
    "Permanence",
    "RepertoirePage",
    "Service",
    "Structure",
    "StructureQuerySet",
    "Theme",
]
