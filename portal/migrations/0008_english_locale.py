"""The English locale: the public portal's pages get translations (wagtail-localize)."""

from django.db import migrations


def add_english(apps, schema_editor):
    """French pages keep their locale, spelt as LANGUAGE_CODE ("fr-fr"), and English joins."""
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.filter(language_code="fr").update(language_code="fr-fr")
    Locale.objects.get_or_create(language_code="en")


def remove_english(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.filter(language_code="fr-fr").update(language_code="fr")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_retention_block"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_english, remove_english)]
