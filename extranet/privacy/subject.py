"""One person's data across the apps, found by e-mail address: export it, or erase it.

Both are staff actions (the regional admin, from the Wagtail admin) answering a request under
articles 15 and 17 of the GDPR, and both are audited. The export is a ZIP of JSON, one file
per kind of record, plus the person's stored files (CV, photo, referral attachments).
Erasure anonymises with the same functions as the retention job, so statistics stay.
"""

import io
import json
import zipfile
from dataclasses import dataclass, field

from django.apps import apps
from django.core import serializers
from django.db import transaction
from django.utils import timezone

from extranet import audit
from extranet.enums import AuditAction
from extranet.privacy import anonymise
from extranet.privacy.register import model_fields

# Never exported, even to the person: a password hash helps nobody and harms if leaked.
NOT_EXPORTED = {"portal.User": {"password"}}


@dataclass
class Subject:
    """Everything that names one e-mail address: {model label: rows}."""

    email: str
    records: dict = field(default_factory=dict)

    @property
    def roots(self):
        """The records an export or an erasure is audited against."""
        kinds = ("extranet.Candidate", "extranet.Referral", "extranet.Pathway", "portal.User")
        return [row for kind in kinds for row in self.records.get(kind, [])]

    @property
    def is_empty(self):
        return not any(self.records.values())


# Higher apps add what they keep about a user account (Cartemploi's profile, messages):
# `func(users) -> {model label: rows}`, registered from their `AppConfig.ready`.
FINDERS = []
# (model label, file field names) whose stored files go into the ZIP.
FILE_FIELDS = [("extranet.ReferralAttachment", ("file",))]


def register_finder(func, *, file_fields=()):
    FINDERS.append(func)
    FILE_FIELDS.extend(file_fields)


def rows(label, **lookup):
    return list(apps.get_model(label)._base_manager.filter(**lookup).order_by("pk"))


def find(email):
    """The rows about `email`: their records in the network, their account and its data."""
    email = email.strip()
    records = {
        "extranet.Candidate": rows("extranet.Candidate", email__iexact=email),
        "extranet.Referral": rows("extranet.Referral", person_email__iexact=email),
        "extranet.Pathway": rows("extranet.Pathway", person_email__iexact=email),
        "portal.User": rows("portal.User", email__iexact=email),
        "repertoire.ErrorReport": rows("repertoire.ErrorReport", reporter_email__iexact=email),
        "repertoire.Booking": rows("repertoire.Booking", email__iexact=email),
        "repertoire.EventRegistration": rows("repertoire.EventRegistration", email__iexact=email),
        "portal.OutboundEmail": rows("portal.OutboundEmail", to__iexact=email),
    }
    candidates = records["extranet.Candidate"]
    referrals = records["extranet.Referral"]
    users = records["portal.User"]
    records["extranet.CandidateContact"] = rows(
        "extranet.CandidateContact", candidate__in=candidates
    )
    records["extranet.ReferralAttachment"] = rows(
        "extranet.ReferralAttachment", referral__in=referrals
    )
    records["extranet.ReferralComment"] = rows("extranet.ReferralComment", referral__in=referrals)
    records["extranet.Membership"] = rows("extranet.Membership", user__in=users)
    for finder in FINDERS:
        records |= finder(users)
    return Subject(email=email, records=records)


def serialise(label, rows):
    model = apps.get_model(label)
    names = [f.name for f in model_fields(model) if f.name not in NOT_EXPORTED.get(label, ())]
    return json.loads(serializers.serialize("json", rows, fields=names))


def stored_files(subject):
    """(name in the ZIP, file) of every stored file of the person."""
    for label, names in FILE_FIELDS:
        for row in subject.records.get(label, []):
            for name in names:
                stored = getattr(row, name)
                if stored and stored.storage.exists(stored.name):
                    yield f"fichiers/{label}/{row.pk}/{stored.name.rsplit('/', 1)[-1]}", stored


def export_zip(*, email, actor):
    """The ZIP of everything about `email` (JSON + files), audited; (subject, bytes)."""
    subject = find(email)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        summary = {
            "adresse": subject.email,
            "produit_le": timezone.now().isoformat(),
            "par": actor.email,
            "contenu": {label: len(rows) for label, rows in subject.records.items() if rows},
        }
        archive.writestr("lisez-moi.json", json.dumps(summary, ensure_ascii=False, indent=2))
        for label, rows in subject.records.items():
            if rows:
                data = json.dumps(serialise(label, rows), ensure_ascii=False, indent=2)
                archive.writestr(f"donnees/{label}.json", data)
        for name, stored in stored_files(subject):
            with stored.open("rb") as handle:
                archive.writestr(name, handle.read())
    _audit(subject, actor=actor, action=AuditAction.EXPORT, reason="Droit d'accès (RGPD art. 15)")
    return subject, buffer.getvalue()


@transaction.atomic
def erase(*, email, actor):
    """Anonymise every record about `email` as the retention job would, audited; the
    subject as it was found."""
    subject = find(email)
    for candidate in subject.records["extranet.Candidate"]:
        anonymise.anonymise_candidate(candidate)
    for referral in subject.records["extranet.Referral"]:
        anonymise.anonymise_referral(referral)
    for pathway in subject.records["extranet.Pathway"]:
        anonymise.anonymise_pathway(pathway)
    for user in subject.records["portal.User"]:
        anonymise.anonymise_user(user)
    anonymise.blank_all(subject.records["repertoire.ErrorReport"])
    anonymise.blank_all(subject.records["repertoire.Booking"])
    anonymise.blank_all(subject.records["repertoire.EventRegistration"])
    apps.get_model("portal", "OutboundEmail").objects.filter(to__iexact=subject.email).delete()
    _audit(subject, actor=actor, action=AuditAction.ANONYMISE, reason="Effacement (RGPD art. 17)")
    return subject


def _audit(subject, *, actor, action, reason):
    # The audit log names records, never the address looked up (the log outlives erasure).
    for row in subject.roots:
        audit.record(actor=actor, action=action, obj=row, reason=reason)
    if subject.is_empty or not subject.roots:
        audit.record(actor=actor, action=action, obj=actor, reason=f"{reason} : aucun dossier")
