"""Anonymise a record: blank what the register says identifies a person, keep the statistics.

Every field the register does not call technical is blanked (files deleted from storage);
statuses, dates, communes and project types stay, so the dashboards count the same. The
row gets `ANONYMISED` in one name field, which is how the retention job and the erasure
service recognise it and never touch it twice. Writes go through `QuerySet.update`: no
`save()` logic runs and `updated_at` keeps its date (the retention clock stays put).
"""

import datetime

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction

from extranet.privacy.register import personal_fields

ANONYMISED = "[anonymisé]"

# The name field of each anonymisable record that carries the `ANONYMISED` mark.
MARKER = {
    "extranet.Candidate": "last_name",
    "extranet.Referral": "person_last_name",
    "extranet.Pathway": "person_first_name",
    "cartemploi.YouthProfile": "first_name",
    "cartemploi.CompanyProfile": "contact_name",
    "portal.User": "last_name",
    "repertoire.Booking": "name",
    "repertoire.EventRegistration": "name",
}


def replacement(obj, field):
    """The value that replaces `field` of `obj`; deletes the file of a file field."""
    label = obj._meta.label
    if isinstance(field, models.FileField):
        stored = getattr(obj, field.name)
        if stored:
            stored.delete(save=False)
        return ""
    if (label, field.name) == ("cartemploi.YouthProfile", "birth_date"):
        return datetime.date(obj.birth_date.year, 1, 1)  # age bands stay countable
    if (label, field.name) == ("portal.User", "email"):
        return f"anonyme-{obj.pk}@anonyme.invalid"  # unique, never deliverable
    if (label, field.name) == ("portal.User", "password"):
        return make_password(None)
    if field.null:
        return None
    if isinstance(field, models.JSONField):
        return field.get_default()
    if isinstance(field, (models.CharField, models.TextField)):
        return ""
    raise ImproperlyConfigured(f"No anonymous value for {label}.{field.name}")


def is_anonymised(obj):
    return getattr(obj, MARKER[obj._meta.label]) == ANONYMISED


def blank(obj, **extra):
    """Blank the personal fields of one row (and its many-to-many links), set `extra`."""
    model = obj._meta.model
    values = {}
    for field in personal_fields(model):
        if field.many_to_many:
            getattr(obj, field.name).clear()
        else:
            values[field.attname] = replacement(obj, field)
    marker = MARKER.get(model._meta.label)
    if marker:
        values[marker] = ANONYMISED
    values.update(extra)
    model._base_manager.filter(pk=obj.pk).update(**values)
    for name, value in values.items():
        setattr(obj, name, value)
    return obj


def blank_all(rows, **extra):
    for row in rows:
        blank(row, **extra)


@transaction.atomic
def anonymise_candidate(candidate):
    """The candidate and what the network wrote about them (contacts, reasons, notes)."""
    blank(candidate)
    for related in ("contacts", "status_changes", "shares", "matches"):
        blank_all(getattr(candidate, related).all())
    return candidate


@transaction.atomic
def anonymise_referral(referral):
    """The referral, its history notes and comments; attachments deleted with their files."""
    blank(referral)
    blank_all(referral.events.all())
    blank_all(referral.comments.all())
    for attachment in referral.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()
    return referral


@transaction.atomic
def anonymise_pathway(pathway):
    blank(pathway)
    blank_all(pathway.contacts.all())
    blank_all(pathway.steps.all())
    return pathway


# Higher apps anonymise what they keep about a user (Cartemploi: profile, messages) through
# this list, filled from their `AppConfig.ready`: extranet imports none of them.
USER_ANONYMISERS = []


def anonymise_booking(booking):
    """The requester's name, e-mail, organisation, account and purpose go; the room, the
    slot, the number of people and the kind of visitor stay for the usage statistics."""
    return blank(booking)


def anonymises_with_user(func):
    """Register `func(user)`, run inside `anonymise_user` before the account is blanked."""
    USER_ANONYMISERS.append(func)
    return func


@transaction.atomic
def anonymise_user(user):
    """The account closed for good: names, e-mail, phone, password, addresses, sessions;
    what other apps registered with `anonymises_with_user` (Cartemploi profile, messages)."""
    for anonymiser in USER_ANONYMISERS:
        anonymiser(user)
    blank(user, is_active=False)
    apps.get_model("account", "EmailAddress").objects.filter(user=user).delete()
    blank_all(apps.get_model("extranet", "SavedCandidateFilter").objects.filter(user=user))
    blank_all(apps.get_model("extranet", "Membership").objects.filter(user=user), is_active=False)
    end_sessions(user)
    return user


def end_sessions(user):
    from django.contrib.sessions.models import Session

    user_sessions = apps.get_model("usersessions", "UserSession").objects.filter(user=user)
    Session.objects.filter(session_key__in=user_sessions.values("session_key")).delete()
    user_sessions.delete()
