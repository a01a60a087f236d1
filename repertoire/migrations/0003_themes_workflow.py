"""Themes of the seed repertoire (editable afterwards), the moderation workflow of fiches,
and editors' rights on the répertoire snippets."""

from django.db import migrations

# (slug, name, order, data·inclusion categories, extra thématiques) — a frozen copy on purpose.
THEMES = [
    ("garde-d-enfants", "Garde d'enfants", 1, [], ["famille--garde-denfants"]),
    ("sante", "Santé", 2, ["sante"], []),
    (
        "suivi-social",
        "Suivi social",
        3,
        ["difficultes-administratives-ou-juridiques", "difficultes-financieres"],
        ["famille--surmonter-conflits-separation-violence"],
    ),
    (
        "aide-ponctuelle-ou-d-urgence",
        "Aide ponctuelle ou d'urgence",
        4,
        [],
        [
            "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
            "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
            "equipement-et-alimentation--alimentation",
        ],
    ),
    ("aide-materielle", "Aide matérielle", 5, ["equipement-et-alimentation"], []),
    (
        "soutien-educatif",
        "Soutien éducatif",
        6,
        ["lecture-ecriture-calcul"],
        ["famille--soutien-a-la-parentalite-et-a-leducation"],
    ),
    (
        "emploi-et-insertion",
        "Emploi et insertion",
        7,
        ["trouver-un-emploi", "preparer-sa-candidature", "choisir-un-metier", "remobilisation"],
        [],
    ),
    ("formation", "Formation", 8, ["se-former"], []),
    ("logement", "Logement", 9, ["logement-hebergement"], []),
    ("mobilite", "Mobilité", 10, ["mobilite"], []),
    (
        "handicap",
        "Handicap",
        11,
        [],
        [
            "sante--constituer-un-dossier-mdph-invalidite",
            "famille--prise-en-charge-personne-dependante",
            "famille--soutien-aidants",
        ],
    ),
    ("numerique", "Numérique", 12, ["numerique"], []),
]
EDITOR_GROUPS = ["Editors", "Moderators"]
RIGHTS = {
    "structure": ["add", "change", "delete", "publish", "view", "lock"],
    "theme": ["add", "change", "delete", "view"],
    "errorreport": ["change", "view"],
}


def create_themes(apps, schema_editor):
    Theme = apps.get_model("repertoire", "Theme")
    for slug, name, order, categories, thematiques in THEMES:
        Theme.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "order": order,
                "di_categories": categories,
                "di_thematiques": thematiques,
            },
        )


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    structure_ct, _ = ContentType.objects.get_or_create(app_label="repertoire", model="structure")
    if WorkflowContentType.objects.filter(content_type=structure_ct).exists():
        return
    task_ct, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name="Relecture des fiches structures", content_type=task_ct, active=True
    )
    task.groups.set([Group.objects.get_or_create(name=name)[0] for name in EDITOR_GROUPS])
    workflow = Workflow.objects.create(name="Validation des fiches structures", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(content_type=structure_ct, workflow=workflow)


def grant_rights(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name in EDITOR_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        for model, actions in RIGHTS.items():
            ct, _ = ContentType.objects.get_or_create(app_label="repertoire", model=model)
            for action in actions:
                perm, _ = Permission.objects.get_or_create(
                    content_type=ct,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(perm)


def forwards(apps, schema_editor):
    create_themes(apps, schema_editor)
    create_workflow(apps, schema_editor)
    grant_rights(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("repertoire", "0002_repertoirepage_theme_structure_acceslibre_url_and_more"),
        ("wagtailcore", "0083_workflowcontenttype"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
