"""Page moderation that can complete: French names, and approvers who exist.

Wagtail's default page workflow ("Moderators approval") waits on the "Moderators" group,
which nobody joins, so every submitted page or partner offer stayed in moderation. The
regional admin group now approves too, with page rights on the home page (and below).
Names an administrator already changed are left alone.
"""

from django.db import migrations

# Names must match extranet.roles; migrations keep their own copy on purpose.
REGIONAL_ADMIN_GROUP = "Administration régionale"
APPROVER_GROUPS = ("Moderators", REGIONAL_ADMIN_GROUP)
STOCK_NAME = "Moderators approval"
WORKFLOW_NAME = "Relecture des pages"
TASK_NAME = "Relecture par l'équipe éditoriale"
PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock")


def page_workflow(apps):
    """The workflow on the root page (every page's), created when there is none."""
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    Page = apps.get_model("wagtailcore.Page")
    root = Page.objects.filter(depth=1).first()
    link = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if link is not None:
        return link.workflow
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowPage.objects.create(page=root, workflow=workflow)
    return workflow


def approval_task(apps, workflow):
    ContentType = apps.get_model("contenttypes.ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    link = WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order").first()
    if link is not None:
        task = GroupApprovalTask.objects.filter(pk=link.task_id).first()
        if task is not None:
            return task
    task_ct, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_ct, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return task


def page_permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    page_ct, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    return [
        Permission.objects.get_or_create(
            content_type=page_ct,
            codename=f"{action}_page",
            defaults={"name": f"Can {action} page"},
        )[0]
        for action in PAGE_ACTIONS
    ]


def home_page(apps):
    Site = apps.get_model("wagtailcore.Site")
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_page if site else None


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    workflow = page_workflow(apps)
    if workflow.name == STOCK_NAME:
        workflow.name = WORKFLOW_NAME
        workflow.save(update_fields=["name"])
    task = approval_task(apps, workflow)
    if task.name == STOCK_NAME:
        task.name = TASK_NAME
        task.save(update_fields=["name"])
    groups = [Group.objects.get_or_create(name=name)[0] for name in APPROVER_GROUPS]
    task.groups.add(*groups)
    regional = groups[-1]
    home = home_page(apps)
    if home is not None:
        for permission in page_permissions(apps):
            GroupPagePermission.objects.get_or_create(
                group=regional, page=home, permission=permission
            )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    regional = Group.objects.filter(name=REGIONAL_ADMIN_GROUP).first()
    workflow = page_workflow(apps)
    task = approval_task(apps, workflow)
    if regional is not None:
        task.groups.remove(regional)
        GroupPagePermission.objects.filter(group=regional).delete()
    for item in (workflow, task):
        if item.name in (WORKFLOW_NAME, TASK_NAME):
            item.name = STOCK_NAME
            item.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("extranet", "0007_move_outbox_to_portal"),
        ("portal", "0003_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
