from repertoire.workspaces.models import Booking, Room, Workspace  # noqa: I001

from .freshness import ErrorReport, FreshnessReminder
from .pages import RepertoirePage
from .services import Service
from .structures import Structure, StructureQuerySet
from .themes import Theme

__all__ = [
    "Booking",
    "Room",
    "Workspace",
    "ErrorReport",
    "FreshnessReminder",
    "RepertoirePage",
    "Service",
    "Structure",
    "StructureQuerySet",
    "Theme",
]
