from django.db import migrations

# Names must match extranet.roles; migrations keep their own copy on purpose.
REGIONAL_ADMIN_GROUP = "Administration régionale"
ADVISOR_GROUP = "Conseillers mission locale"


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    regional, _ = Group.objects.get_or_create(name=REGIONAL_ADMIN_GROUP)
    regional.permissions.add(access_admin)
    for model in ("membership", "welcomepole", "auditevent"):
        ct, _ = ContentType.objects.get_or_create(app_label="extranet", model=model)
        for action in ("add", "change", "delete", "view"):
            if model == "auditevent" and action != "view":
                continue
            perm, _ = Permission.objects.get_or_create(
                content_type=ct,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            regional.permissions.add(perm)
    Group.objects.get_or_create(name=ADVISOR_GROUP)


def remove_groups(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(
        name__in=[REGIONAL_ADMIN_GROUP, ADVISOR_GROUP]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("extranet", "0002_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
