# The candidates' search box (`extranet.candidates.filters.search`) is an `icontains` on a few
# columns: `UPPER(col::text) LIKE UPPER('%word%')`, which no B-tree serves (a sequential scan
# of 50k rows). PostgreSQL answers it from trigram GIN indexes on the same expressions, one
# per column, combined by a BitmapOr. SQLite has neither pg_trgm nor GIN: the extension
# operation does nothing there and the indexes are PostgreSQL's only.

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

COLUMNS = ("last_name", "first_name", "email", "sector")


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS candidate_{column}_trgm ON extranet_candidate "
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS candidate_reference_upper_idx ON extranet_candidate "
        '(UPPER("reference"::text))'
    )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS candidate_{column}_trgm")
    schema_editor.execute("DROP INDEX IF EXISTS candidate_reference_upper_idx")


class Migration(migrations.Migration):
    dependencies = [("extranet", "0013_news_editors")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
