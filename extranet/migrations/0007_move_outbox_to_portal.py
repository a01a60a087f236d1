"""The outbox moved to `portal.mail`: copy its rows into portal's table, then drop this one.

From scratch there is nothing to copy. On an existing database every row keeps its id, status
and dates, and PostgreSQL's id sequence moves past the copied ids. Unsent rows get the
subject prefix that sending used to add: the outbox now stores each subject as it is sent.
Backwards, the rows move back the same way.
"""

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat, Left, Substr

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
PREFIX = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
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


def unsent(apps):
    return apps.get_model(*NEW).objects.filter(status__in=["pending", "failed"])


def forwards(apps, schema_editor):
    copy_rows(apps, schema_editor, OLD, NEW)
    if PREFIX:
        unsent(apps).exclude(subject__startswith=PREFIX).update(
            subject=Left(Concat(Value(PREFIX), "subject"), 255)
        )


def backwards(apps, schema_editor):
    if PREFIX:  # the old code adds it when sending
        unsent(apps).filter(subject__startswith=PREFIX).update(
            subject=Substr("subject", len(PREFIX) + 1)
        )
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
