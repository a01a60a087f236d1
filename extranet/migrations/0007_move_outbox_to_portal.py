"""The outbox moved to `portal.mail`: copy its rows into portal's table, then drop this one.

From scratch there is nothing to copy. On an existing database every row keeps its id, status
and dates, and PostgreSQL's id sequence moves past the copied ids. Backwards, the rows move
back the same way.
"""

from django.core.management.color import no_style
from django.db import migrations

COLUMNS = (
    "id",
    "to",
    "subject",
    "body_text",
    "body_html",
    "kind",
    "status",
    "attempts",
    "last_error",
    "next_attempt_at",
    "created_at",
    "sent_at",
)
OLD = ("extranet", "OutboundEmail")
NEW = ("portal", "OutboundEmail")


def copy_rows(apps, schema_editor, source, target):
    source, target = apps.get_model(*source), apps.get_model(*target)
    quote = schema_editor.quote_name
    columns = ", ".join(quote(name) for name in COLUMNS)
    schema_editor.execute(
        f"INSERT INTO {quote(target._meta.db_table)} ({columns}) "
        f"SELECT {columns} FROM {quote(source._meta.db_table)}"
    )
    for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [target]):
        schema_editor.execute(sql)


def forwards(apps, schema_editor):
    copy_rows(apps, schema_editor, OLD, NEW)


def backwards(apps, schema_editor):
    copy_rows(apps, schema_editor, NEW, OLD)
    apps.get_model(*NEW).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("extranet", "0006_candidate_last_contact"),
        ("portal", "0006_outboundemail"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="OutboundEmail"),
    ]
