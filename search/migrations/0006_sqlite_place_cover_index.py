"""SQLite only: a covering index for keyword + place searches (and newest-first browsing),
so the matching entries' position and date are read from it and only the page's rows from
the table (350 → 105 ms for a common word within 20 km at 130k documents). PostgreSQL
plans these from its GIN and B-tree indexes and was slower with it: not created there."""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS search_place_cover_idx ON search_indexentry "
    "(id, is_public, kind, latitude, longitude, updated_at)",
]
BACKWARD = ["DROP INDEX IF EXISTS search_place_cover_idx"]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0005_facet_gin_postgresql")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
