"""The personal-data register: every field of every model that holds personal data, classified.

Anonymisation reads it: every field not `TECHNICAL` is blanked (files deleted), so a new
field classified here is blanked without touching the anonymiser, and a test fails when a
model listed here gains a field nobody classified. `TECHNICAL` fields (statuses, dates,
communes, project type, links to other records) stay: they are what the statistics count.
Models are named by app label, not by module path.
"""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class DataClass(models.TextChoices):
    IDENTITY = "identity", _("Identité")
    CONTACT = "contact", _("Coordonnées")
    SENSITIVE = "sensitive", _("Donnée sensible (santé, justice, situation sociale)")
    FREE_TEXT = "free_text", _("Texte libre")
    TECHNICAL = "technical", _("Technique ou statistique")


ID, CO, SE, FT, T = (
    DataClass.IDENTITY,
    DataClass.CONTACT,
    DataClass.SENSITIVE,
    DataClass.FREE_TEXT,
    DataClass.TECHNICAL,
)


def technical(*names):
    return dict.fromkeys(names, T)


REGISTER = {
    "extranet.Candidate": {
        **technical(
            "id",
            "reference",
            "pole",
            "status",
            "referent",
            "source",
            "origin_country",
            "origin_department",
            "language",
            "adults",
            "children",
            "project_type",
            "sector",
            "target_date",
            "target_commune",
            "other_communes",
            "needs_housing",
            "housing_wish",
            "needs_partner_job",
            "needs_childcare",
            "needs_premises",
            "needs_support",
            "consent_at",
            "consent_source",
            "next_action_on",
            "last_contact_at",
            "duplicate_of",
            "submissions",
            "created_by",
            "created_at",
            "updated_at",
        ),  # fmt: skip
        "first_name": ID,
        "last_name": ID,
        "fingerprint": ID,
        "email": CO,
        "phone": CO,
        "origin_postcode": CO,
        "children_ages": FT,
        "status_reason": FT,
        "project_description": FT,
        "needs_other": FT,
    },
    "extranet.CandidateContact": {
        **technical("id", "candidate", "kind", "happened_on", "author", "created_at"),
        "notes": SE,
    },
    "extranet.StatusChange": {
        **technical("id", "candidate", "old_status", "new_status", "author", "created_at"),
        "reason": FT,
    },
    "extranet.CandidateShare": {
        **technical("id", "candidate", "structure", "can_edit", "shared_by", "created_at"),
        "reason": FT,
    },
    "extranet.OfferMatch": {
        **technical(
            "id", "candidate", "offer", "status", "proposed_by", "created_at", "updated_at"
        ),
        "note": FT,
    },
    "extranet.SavedCandidateFilter": {
        **technical("id", "user", "name", "created_at"),
        "query": FT,
    },
    "extranet.Referral": {
        **technical(
            "id",
            "reference",
            "submission_key",
            "status",
            "sender",
            "sender_structure",
            "target_structure",
            "target_service",
            "candidate",
            "redirected_from",
            "person_commune",
            "consent_at",
            "consent_method",
            "thematiques",
            "urgency",
            "decline_reason",
            "created_at",
            "updated_at",
            "acknowledged_at",
            "closed_at",
            "reminded_at",
        ),  # fmt: skip
        "person_first_name": ID,
        "person_last_name": ID,
        "person_phone": CO,
        "person_email": CO,
        "person_reach": CO,
        "subject": FT,
        "message": SE,
        "status_note": FT,
    },
    "extranet.ReferralEvent": {
        **technical("id", "referral", "from_status", "to_status", "actor", "created_at"),
        "note": FT,
    },
    "extranet.ReferralComment": {
        **technical("id", "referral", "author", "author_structure", "created_at"),
        "body": SE,
    },
    "extranet.ReferralAttachment": {
        **technical("id", "key", "referral", "content_type", "size", "uploaded_by"),
        "created_at": T,
        "file": SE,
        "original_name": FT,
    },
    "extranet.Pathway": {
        **technical(
            "id",
            "reference",
            "structure",
            "author",
            "referral",
            "email_consent_at",
            "thematiques",
            "created_at",
            "updated_at",
            "emailed_at",
            "language",
        ),  # fmt: skip
        "person_first_name": ID,
        "person_last_name": ID,
        "person_email": CO,
        "situation": SE,
    },
    "extranet.PathwayContact": {
        **technical("id", "pathway", "structure", "service", "order"),
        "what_for": FT,
    },
    "extranet.PathwayStep": {
        **technical("id", "pathway", "due_on", "order"),
        "text": FT,
    },
    "extranet.AuditEvent": {
        **technical(
            "id", "actor", "action", "content_type", "object_id", "request_id", "created_at"
        ),
        "actor_label": ID,
        "object_label": ID,
        "reason": FT,
    },
    "extranet.Membership": {
        **technical("id", "user", "structure", "role", "is_active", "created_at"),
        "job_title": ID,
    },
    "extranet.JoinRequest": {
        **technical("id", "user", "structure", "status", "decided_by", "decided_at", "created_at"),
        "message": FT,
        "refusal_reason": FT,
    },
    "cartemploi.YouthProfile": {
        **technical(
            "id",
            "status",
            "submitted_at",
            "published_at",
            "validated_by",
            "created_at",
            "updated_at",
            "user",
            "created_by",
            "agency",
            "commune",
            "driving_licence",
            "has_vehicle",
            "mobility_km",
            "looking_for",
            "sectors",
        ),  # fmt: skip
        "first_name": ID,
        "birth_date": ID,  # the year is kept: age bands are statistics
        # Self-declared, optional; identity, not SENSITIVE (decision 0008): nobody reads it
        # one by one but its owner, the statistics show it only in suppressed aggregates.
        "gender": ID,
        "photo": ID,
        "cv": ID,
        "unpublish_reason": FT,
        "motivations": FT,
        "availability": FT,
    },
    "cartemploi.Skill": {
        **technical("id", "profile", "level"),
        "label": FT,
    },
    "cartemploi.CompanyProfile": {
        **technical(
            "id",
            "status",
            "submitted_at",
            "published_at",
            "validated_by",
            "created_at",
            "updated_at",
            "user",
            "created_by",
            "agency",
            "commune",
            "name",
            "trade",
            "know_how",
            "values",
            "sector",
            "size_band",
            "latitude",
            "longitude",
            "offers_kinds",
        ),  # fmt: skip
        "unpublish_reason": FT,
        "contact_name": ID,
        "contact_email": CO,
        "contact_phone": CO,
    },
    "cartemploi.Conversation": {
        **technical(
            "id",
            "youth",
            "company",
            "offer",
            "started_by",
            "agency",
            "status",
            "youth_shares_contacts",
            "company_shares_contacts",
            "created_at",
            "answered_at",
            "last_message_at",
        ),  # fmt: skip
        "blocked_reason": FT,
    },
    "cartemploi.Message": {
        **technical(
            "id",
            "conversation",
            "sender",
            "sender_side",
            "was_masked",
            "status",
            "moderated_by",
            "moderated_at",
            "created_at",
        ),  # fmt: skip
        "body": FT,
    },
    "cartemploi.Outcome": technical(
        "id", "conversation", "kind", "occurred_on", "recorded_by", "created_at"
    ),
    "cartemploi.CharterAcceptance": technical(
        "id", "user", "version", "recorded_by", "accepted_at"
    ),
    "portal.User": {
        **technical(
            "id",
            "last_login",
            "is_superuser",
            "is_staff",
            "is_active",
            "date_joined",
            "kind",
            "groups",
            "user_permissions",
        ),  # fmt: skip
        "password": ID,
        "first_name": ID,
        "last_name": ID,
        "email": CO,
        "phone": CO,
    },
    "portal.OutboundEmail": {
        **technical("id", "kind", "status", "attempts", "next_attempt_at", "created_at", "sent_at"),
        "to": CO,
        "subject": FT,
        "body_text": FT,
        "body_html": FT,
        "last_error": FT,
        "attachments": FT,
    },
    "repertoire.Booking": {
        **technical(
            "id",
            "reference",
            "room",
            "start",
            "end",
            "people",
            "visitor_kind",
            "status",
            "language",
            "decided_by",
            "decided_at",
            "created_at",
        ),
        "name": ID,
        "email": CO,
        "organisation": ID,
        "user": ID,
        "purpose": FT,
        "decline_reason": FT,
    },
    "repertoire.EventRegistration": {
        **technical(
            "id",
            "event",
            "token",
            "people",
            "status",
            "attended",
            "language",
            "created_at",
            "updated_at",
        ),  # fmt: skip
        "name": ID,
        "email": CO,
        "phone": CO,
    },
    "repertoire.ErrorReport": {
        **technical("id", "structure", "created_at", "handled"),
        "message": FT,
        "reporter_email": CO,
    },
    "account.EmailAddress": {**technical("id", "user", "verified", "primary"), "email": CO},
    "usersessions.UserSession": {
        **technical("id", "user", "created_at", "last_seen_at", "session_key"),
        "ip": CO,
        "user_agent": FT,
        "data": FT,
    },
}


# Models of our apps that name people or accounts but hold no personal data to manage here:
# the test below asks every new model with such a field to be registered or listed here.
NOT_PERSONAL = {
    "portal.OfferIndexPage": _("page : auteur·rice éditorial·e (Wagtail)"),
    "portal.OfferPage": _("contact professionnel publié avec l'offre"),
    "portal.TerritoryPage": _("contact professionnel publié avec la page"),
    "portal.HomePage": _("page : auteur·rice éditorial·e (Wagtail)"),
    "portal.StandardPage": _("page : auteur·rice éditorial·e (Wagtail)"),
    "repertoire.RepertoirePage": _("page : auteur·rice éditorial·e (Wagtail)"),
    "portal.SiteSettings": _("coordonnées de l'organisation"),
    "repertoire.Structure": _("coordonnées publiques d'une structure"),
    "repertoire.Workspace": _("coordonnées publiques d'un lieu de travail partagé"),
    "repertoire.Event": _("contact public d'un événement, publié par sa structure"),
    "extranet.ReferralReception": _("adresse de réception d'une structure"),
    "extranet.NewsItem": _("actualité signée par un membre"),
    "extranet.SharedDocument": _("document partagé avec le réseau, signé par un membre"),
    "extranet.WelcomePole": _("pôle d'accueil et ses agent·es"),
    "cartemploi.JobOffer": _("offre d'une entreprise, validée par un·e conseiller·e"),
}


def model_fields(model):
    """The fields a row of `model` stores: columns and many-to-many, not reverse relations."""
    return [
        f for f in model._meta.get_fields() if f.concrete or (f.many_to_many and not f.auto_created)
    ]


def classification(label):
    """{field name: DataClass} of the model named `app_label.ModelName`."""
    return REGISTER[label]


def personal_fields(model):
    """The fields of `model` that anonymisation blanks (everything not technical)."""
    register = REGISTER[model._meta.label]
    return [f for f in model._meta.get_fields() if register.get(f.name, T) != DataClass.TECHNICAL]


def unclassified():
    """[(model label, field name)] of fields the register does not classify."""
    missing = []
    for label, register in REGISTER.items():
        model = apps.get_model(label)
        missing += [(label, f.name) for f in model_fields(model) if f.name not in register]
    return missing
