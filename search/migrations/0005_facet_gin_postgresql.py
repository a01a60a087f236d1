"""PostgreSQL only: GIN indexes on the multi-valued facet columns, so that a theme or a type
filter (`themes @> '["logement"]'`) combines with the full-text GIN index in one bitmap
instead of walking the facet table row by row (75 ms → 10 ms at 100k documents)."""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS search_themes_gin ON search_indexentry "
    "USING gin (themes jsonb_path_ops)",
    "CREATE INDEX IF NOT EXISTS search_types_gin ON search_indexentry "
    "USING gin (types jsonb_path_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS search_types_gin", "DROP INDEX IF EXISTS search_themes_gin"]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0004_facet_cover_index")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
