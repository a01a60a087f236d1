"""Personal data retention rules, read by `manage.py apply_retention` and printed by the
privacy page's retention block (imported by `base.py`)."""

from django.utils.translation import gettext_lazy as _

# One rule per kind of record: how long it is kept (`months` or `days`), from which event
# (`start`), and what happens then (`action`: "anonymise" or "delete"); `warn` names who is
# told by e-mail `warn_days` before. `manage.py apply_retention` (daily) applies these rules
# and the privacy page's retention block prints them: the page cannot promise anything else.
# Anchor: CNIL délibération 2023-095, two years after the last contact for accompaniment
# records unless a legal duty says otherwise.
PASSERELLES_RETENTION = {
    "candidates": {
        "label": _("Dossier d'installation (formulaire « Je souhaite m'installer »)"),
        "months": 24,
        "start": _("après le dernier contact avec le pôle d'accueil"),
        "action": "anonymise",
        "warn": _("le ou la référent·e du dossier"),
        "warn_days": 30,
    },
    "referrals": {
        "label": _("Fiche de liaison, ses commentaires et ses pièces jointes"),
        "months": 24,
        "start": _("après sa clôture ou, si elle reste ouverte, sa dernière mise à jour"),
        "action": "anonymise",
        "warn": _("la personne qui l'a envoyée"),
        "warn_days": 30,
    },
    "pathways": {
        "label": _("Fiche parcours"),
        "months": 24,
        "start": _("après sa dernière mise à jour"),
        "action": "anonymise",
        "warn": _("la personne qui l'a rédigée"),
        "warn_days": 30,
    },
    "youth_profiles": {
        "label": _("Profil Cartemploi d'un ou d'une jeune (CV et photo compris)"),
        "months": 24,
        "start": _("après la dernière connexion du ou de la jeune"),
        "action": "anonymise",
        "warn": _("le ou la jeune"),
        "warn_days": 30,
    },
    "relay_messages": {
        "label": _("Messages Cartemploi entre un ou une jeune et une entreprise"),
        "months": 12,
        "start": _("après le dernier message de la conversation"),
        "action": "anonymise",
    },
    "bookings": {
        "label": _("Demande de réservation d'un espace de travail (nom, e-mail, organisme, objet)"),
        "months": 12,
        "start": _("après la fin du créneau demandé"),
        "action": "anonymise",
    },
    "accounts": {
        "label": _("Compte (nom, e-mail, téléphone)"),
        "months": 24,
        "start": _("après la dernière connexion"),
        "action": "anonymise",
        "warn": _("la personne titulaire du compte"),
        "warn_days": 30,
    },
    "event_registrations": {
        "label": _("Inscription à un événement (nom, e-mail, téléphone)"),
        "months": 3,
        "start": _("après la fin de l'événement"),
        "action": "anonymise",
    },
    "audit_events": {
        "label": _("Journal d'accès aux données personnelles"),
        "months": 12,
        "start": _("après l'accès enregistré"),
        "action": "delete",
    },
    "outbox": {
        "label": _("Copie des e-mails envoyés par le portail"),
        "months": 3,
        "start": _("après leur écriture"),
        "action": "delete",
    },
    "sessions": {
        "label": _("Session de connexion"),
        "days": 14,
        "start": _("après la dernière activité enregistrée"),
        "action": "delete",
    },
}
