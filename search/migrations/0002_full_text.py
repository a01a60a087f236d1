"""Full text for the database backend, by database vendor.

SQLite: an FTS5 table over the normalised terms of `search_indexentry`, kept in sync by
triggers, ranked by bm25 with the title weighing ten times the text.
PostgreSQL: `unaccent` + a French configuration, a generated `tsvector` and a GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title_terms, text_terms, content='search_indexentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    "INSERT INTO search_fts(search_fts, rank) VALUES('rank', 'bm25(10.0, 1.0)')",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_indexentry BEGIN
        INSERT INTO search_fts(rowid, title_terms, text_terms)
        VALUES (new.id, new.title_terms, new.text_terms);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_indexentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, text_terms)
        VALUES ('delete', old.id, old.title_terms, old.text_terms);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_indexentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, text_terms)
        VALUES ('delete', old.id, old.title_terms, old.text_terms);
        INSERT INTO search_fts(rowid, title_terms, text_terms)
        VALUES (new.id, new.title_terms, new.text_terms);
    END""",
    "INSERT INTO search_fts(search_fts) VALUES('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRESQL_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'passerelles_fr') THEN
            CREATE TEXT SEARCH CONFIGURATION public.passerelles_fr (COPY = pg_catalog.french);
            ALTER TEXT SEARCH CONFIGURATION public.passerelles_fr
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END $$""",
    """ALTER TABLE search_indexentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('public.passerelles_fr'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('public.passerelles_fr'::regconfig, coalesce(text, '')), 'B')
    ) STORED""",
    "CREATE INDEX search_vector_gin ON search_indexentry USING gin (search_vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_vector_gin",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS public.passerelles_fr",
]
BY_VENDOR = {
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
    "postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_BACKWARD),
}


def run(direction):
    def operation(apps, schema_editor):
        statements = BY_VENDOR.get(schema_editor.connection.vendor, ([], []))[direction]
        for statement in statements:
            schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(run(0), run(1))]
