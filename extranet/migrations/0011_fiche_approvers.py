"""The regional admin approves partners' fiche changes too.

The fiche workflow of repertoire/0003 waits on "Editors" and "Moderators"; the regional
admin ("Administration régionale", who manages structures) joins its approval task and gets
the editors' rights on structure fiches and error reports, without which Wagtail would not
open the fiche to review it.
"""

from django.db import migrations

# Names must match extranet.roles; migrations keep their own copy on purpose.
REGIONAL_ADMIN_GROUP = "Administration régionale"
RIGHTS = {
    "structure": ["add", "change", "delete", "publish", "view", "lock"],
    "errorreport": ["change", "view"],
}


def fiche_approval_tasks(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    structure_ct, _ = ContentType.objects.get_or_create(app_label="repertoire", model="structure")
    workflows = WorkflowContentType.objects.filter(content_type=structure_ct).values("workflow")
    task_ids = WorkflowTask.objects.filter(workflow__in=workflows).values("task")
    return GroupApprovalTask.objects.filter(pk__in=task_ids)


def rights(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    for model, actions in RIGHTS.items():
        ct, _ = ContentType.objects.get_or_create(app_label="repertoire", model=model)
        for action in actions:
            yield Permission.objects.get_or_create(
                content_type=ct,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )[0]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    regional, _ = Group.objects.get_or_create(name=REGIONAL_ADMIN_GROUP)
    for task in fiche_approval_tasks(apps):
        task.groups.add(regional)
    regional.permissions.add(*rights(apps))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    regional = Group.objects.filter(name=REGIONAL_ADMIN_GROUP).first()
    if regional is None:
        return
    for task in fiche_approval_tasks(apps):
        task.groups.remove(regional)
    regional.permissions.remove(*rights(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("extranet", "0010_candidate_list_sort_indexes"),
        ("repertoire", "0003_themes_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
