# The public list's "compétence ou métier" filter is an `icontains` on the cards' skills:
# `UPPER(skills::text) LIKE UPPER('%soudure%')`, which no B-tree serves. PostgreSQL answers it
# from trigram GIN indexes on the same expressions (and, having them, keeps statistics of the
# expressions: without them it guessed 0.5 % of cards matched and sorted all 30k of them).
# SQLite has neither pg_trgm nor GIN: the indexes are PostgreSQL's only.

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

COLUMNS = ("skills", "validated_skills")


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS card_{column}_trgm ON cartemploi_publiccard "
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS card_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("cartemploi", "0007_card_list_sort_index")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
