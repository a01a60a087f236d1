"""The regional admin's back-office rights: people, join requests, shared documents.

Structures (0011) and news (0013) were given already. The regional admin now also manages
user accounts in the Wagtail admin (add, change, view: never delete, and never superuser
rights — `portal.users_admin` removes that choice for non-superusers), reads join requests
and shared documents, and manages the documents of every collection. The editors read the
shared documents they publish.
"""

from django.db import migrations

# Names must match extranet.roles; migrations keep their own copy on purpose.
REGIONAL_ADMIN_GROUP = "Administration régionale"
EDITOR_GROUP = "Editors"
REGIONAL_RIGHTS = {
    ("portal", "user"): ["add", "change", "view"],
    ("extranet", "joinrequest"): ["change", "view"],
    ("extranet", "shareddocument"): ["change", "view"],
}
EDITOR_RIGHTS = {("extranet", "shareddocument"): ["view"]}
DOCUMENT_RIGHTS = ["add_document", "change_document", "choose_document"]


def permissions(apps, table):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    for (app_label, model), actions in table.items():
        ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            yield Permission.objects.get_or_create(
                content_type=ct,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )[0]


def document_permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    ct, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    for codename in DOCUMENT_RIGHTS:
        yield Permission.objects.get_or_create(
            content_type=ct, codename=codename, defaults={"name": codename.replace("_", " ")}
        )[0]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    regional, _ = Group.objects.get_or_create(name=REGIONAL_ADMIN_GROUP)
    regional.permissions.add(*permissions(apps, REGIONAL_RIGHTS))
    editors, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    editors.permissions.add(*permissions(apps, EDITOR_RIGHTS))
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for permission in document_permissions(apps):
        GroupCollectionPermission.objects.get_or_create(
            group=regional, collection=root, permission=permission
        )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    regional = Group.objects.filter(name=REGIONAL_ADMIN_GROUP).first()
    if regional is not None:
        regional.permissions.remove(*permissions(apps, REGIONAL_RIGHTS))
        GroupCollectionPermission.objects.filter(
            group=regional, permission__codename__in=DOCUMENT_RIGHTS
        ).delete()
    editors = Group.objects.filter(name=EDITOR_GROUP).first()
    if editors is not None:
        editors.permissions.remove(*permissions(apps, EDITOR_RIGHTS))


class Migration(migrations.Migration):
    dependencies = [
        ("extranet", "0015_members_share_and_join"),
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
