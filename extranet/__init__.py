"""The members' extranet: one Django app, one sub-package per flow.

Flows: `candidates/` (welcome poles' candidates to settle), `intake/` (the public form that
creates them), `referrals/` (fiches de liaison), `pathways/` (fiches parcours), `directory/`
(partner directory, shared documents, members' news), `offers/` (partners propose offers),
`structures/` (a member's structures, their members, their répertoire fiche), `bookings/`
(managers of shared workspaces answer booking requests; the places are the répertoire's).
Each keeps its models, views, forms, services, panels and search source; its templates are in
`templates/extranet/<flow>/`, its demo data in `extranet/demo/`.

Shared by every flow, at this level: memberships and welcome poles (`models/`), roles and
permissions (`roles.py`, `perms.py`, `decorators.py`), the audit log (`audit.py`, the one
writer), the dashboard registry (`dashboard.py`, panels in `panels.py`), the thématiques
checkboxes (`thematiques.py`), form includes (`templates/extranet/includes/`).

A flow reads another flow's models through `extranet.models` (Django's registry of the app)
and calls another flow only through its `services`; nothing else crosses. Start-up
registrations are all in `apps.ExtranetConfig.ready` and `wagtail_hooks.py`.
"""
