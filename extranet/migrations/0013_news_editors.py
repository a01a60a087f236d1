"""The network's editors post members' news.

The "Actualités du réseau" snippet existed, yet no group had rights on it: nobody in the
demo could post news. The editors ("Editors") and the regional admin ("Administration
régionale") now add, change, delete and view news items.
"""

from django.db import migrations

# Names must match extranet.roles; migrations keep their own copy on purpose.
GROUPS = ("Editors", "Administration régionale")
ACTIONS = ("add", "change", "delete", "view")


def news_permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    ct, _ = ContentType.objects.get_or_create(app_label="extranet", model="newsitem")
    return [
        Permission.objects.get_or_create(
            content_type=ct,
            codename=f"{action}_newsitem",
            defaults={"name": f"Can {action} actualité du réseau"},
        )[0]
        for action in ACTIONS
    ]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permissions = news_permissions(apps)
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permissions = news_permissions(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("extranet", "0012_pathway_language"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
