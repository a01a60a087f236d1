"""data·inclusion thématiques in the extranet's forms (referrals, pathways): one collapsible
group of checkboxes per category, rendered by `templates/extranet/includes/thematiques.html`.
"""

from data_inclusion.schema import v1 as di

from repertoire.enums import schema_choices

CATEGORY_LABELS = dict(schema_choices(di.Categorie))


def thematique_groups(bound_field):
    """[(category label, [checkbox subwidgets], open)] for a thématiques field: one
    collapsible group per data·inclusion category, open when one of its boxes is ticked."""
    groups = {}
    for widget in bound_field.subwidgets:
        category = str(widget.data["value"]).split("--", 1)[0]
        groups.setdefault(category, []).append(widget)
    return [
        (CATEGORY_LABELS.get(code, code), widgets, any(w.data["selected"] for w in widgets))
        for code, widgets in groups.items()
    ]
