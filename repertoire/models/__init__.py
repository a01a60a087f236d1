from .freshness import ErrorReport, FreshnessReminder
from .pages import RepertoirePage
from .permanences import Permanence
from .services import Service
from .structures import Structure, StructureQuerySet
from .themes import Theme

__all__ = [
    "ErrorReport",
    "FreshnessReminder",
    "Permanence",
    "RepertoirePage",
    "Service",
    "Structure",
    "StructureQuerySet",
    "Theme",
]
