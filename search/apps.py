from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from search.geo import haversine_km


def _sqlite_distance(lat1, lon1, lat2, lon2):
    if None in (lat1, lon1, lat2, lon2):
        return None
    return haversine_km(lat1, lon1, lat2, lon2)


def register_sqlite_functions(sender, connection, **kwargs):
    """One Python call per row for "near" on SQLite, instead of a chain of math functions."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "search_distance_km", 4, _sqlite_distance, deterministic=True
        )


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        connection_created.connect(register_sqlite_functions, dispatch_uid="search:sqlite")
