from .freshness import ErrorReport, FreshnessReminder
from .pages import RepertoirePage
from .services import Service
from .structures import Structure, StructureQuerySet
from .themes import Theme

__all__ = [
    "ErrorReport",
    "FreshnessReminder",
    "RepertoirePage",
    "Service",
    "Structure",
    "StructureQuerySet",
    "Theme",
]
