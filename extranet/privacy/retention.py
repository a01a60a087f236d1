"""Apply `settings.PASSERELLES_RETENTION`: warn, then anonymise or delete. Run daily.

Each record kind says where its clock starts (`start`, a date expression) and who is warned.
A record is due on `rule.due_on(start)`. From `warn_days` before that day its warning is
queued in the outbox (kind `retention:<record>:<pk>:<day>`: the outbox row is the proof of
the warning, so a second run never warns twice). It is anonymised on its due day, and never
sooner than `warn_days` after its warning was written: a record found already due is warned
first. A record nobody can be warned about is anonymised on its due day. A new contact, an
update or a login moves the start, so the record leaves the queue by itself.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from extranet import audit
from extranet.enums import AuditAction
from extranet.privacy import anonymise
from portal import retention
from portal.mail import outbox
from portal.mail.models import OutboundEmail

REASON = "Durée de conservation écoulée"
# Records due within the warning period plus this slack are read; dates decide exactly.
SLACK = datetime.timedelta(days=3)


@dataclass(frozen=True)
class RecordKind:
    """How one kind of record meets its retention rule."""

    rule: str
    model: str
    start: Callable[[], models.Expression]
    recipient: Callable[[models.Model], object]
    anonymise: Callable[[models.Model], object]
    url: Callable[[models.Model], str]
    exclude: dict

    def candidates(self, cutoff):
        model = apps.get_model(self.model)
        return (
            model.objects.exclude(**self.exclude)
            .annotate(retention_start=self.start())
            .filter(retention_start__lte=cutoff)
            .order_by("pk")
        )

    # A record owned by an account (a young person's profile) names it here, so that the
    # profile and the account share one warning: one person, one e-mail.
    owner: Callable[[models.Model], object] | None = None

    def warning_key(self, obj):
        target = self.owner(obj) if self.owner else obj
        return f"retention:{target._meta.model_name}:{target.pk}"


def _detail(route):
    return lambda obj: reverse(route, args=[obj.reference]) if obj.reference else "/extranet/"


def _date(name):
    return lambda: TruncDate(name)


def last_login(prefix=""):
    return lambda: Coalesce(TruncDate(f"{prefix}last_login"), TruncDate(f"{prefix}date_joined"))


RECORD_KINDS = [
    RecordKind(
        rule="candidates",
        model="extranet.Candidate",
        start=lambda: Coalesce("last_contact_at", TruncDate("created_at")),
        recipient=lambda c: c.referent,
        anonymise=anonymise.anonymise_candidate,
        url=_detail("extranet:candidate_detail"),
        exclude={"last_name": anonymise.ANONYMISED},
    ),
    RecordKind(
        rule="referrals",
        model="extranet.Referral",
        start=lambda: Coalesce(TruncDate("closed_at"), TruncDate("updated_at")),
        recipient=lambda r: r.sender,
        anonymise=anonymise.anonymise_referral,
        url=_detail("extranet:referral_detail"),
        exclude={"person_last_name": anonymise.ANONYMISED},
    ),
    RecordKind(
        rule="pathways",
        model="extranet.Pathway",
        start=_date("updated_at"),
        recipient=lambda p: p.author,
        anonymise=anonymise.anonymise_pathway,
        url=_detail("extranet:pathway_detail"),
        exclude={"person_first_name": anonymise.ANONYMISED},
    ),
    RecordKind(
        rule="bookings",
        model="repertoire.Booking",
        start=_date("end"),
        recipient=lambda b: None,  # the visitor may have no account: nobody to warn
        anonymise=anonymise.anonymise_booking,
        url=lambda b: "/",
        exclude={"name": anonymise.ANONYMISED},
    ),
    RecordKind(
        rule="accounts",
        model="portal.User",
        start=last_login(),
        recipient=lambda u: u,
        anonymise=anonymise.anonymise_user,
        url=lambda u: reverse("account_login"),
        # Superusers keep the site running: their accounts are closed by hand.
        exclude={"last_name": anonymise.ANONYMISED, "is_superuser": True},
    ),
]

# Rules another app applies itself: {rule: func(today) -> {count name: number}}.
EXPIRERS = {}


def register_record_kind(kind):
    """For higher apps (Cartemploi's profiles), from their `AppConfig.ready`."""
    RECORD_KINDS.insert(len(RECORD_KINDS) - 1, kind)  # before accounts: they share warnings


def register_expirer(rule, func):
    EXPIRERS[rule] = func


def apply_retention(*, today=None):
    """Warn, anonymise and delete what the rules say is due on `today`; {kind: counts}."""
    today = today or timezone.localdate()
    report = {kind.rule: process(kind, today) for kind in RECORD_KINDS}
    report |= {rule: expire(today) for rule, expire in EXPIRERS.items()}
    report["event_registrations"] = {"anonymised": anonymise_event_registrations(today)}
    report["audit_events"] = {"deleted": delete_audit_events(today)}
    report["outbox"] = {"deleted": delete_outbox(today)}
    report["sessions"] = {"deleted": delete_sessions()}
    return report


def process(kind, today):
    rule = retention.rule(kind.rule)
    counts = {"warned": 0, "anonymised": 0}
    horizon = rule.expiry_cutoff(today + datetime.timedelta(days=rule.warn_days) + SLACK)
    for obj in kind.candidates(horizon).iterator(chunk_size=200):
        due = rule.due_on(obj.retention_start)
        step = next_step(kind, rule, obj, due, today)
        if step == "warn":
            warn(kind, rule, obj, due, today)
        elif step == "anonymise":
            with transaction.atomic():
                kind.anonymise(obj)
                audit.record(actor=None, action=AuditAction.ANONYMISE, obj=obj, reason=REASON)
        counts_key = {"warn": "warned", "anonymise": "anonymised"}.get(step)
        if counts_key:
            counts[counts_key] += 1
    return counts


def next_step(kind, rule, obj, due, today):
    """ "warn", "anonymise" or None for `obj`, due on `due`."""
    warn_from = due - datetime.timedelta(days=rule.warn_days)
    if today < warn_from:
        return None
    to = recipient_address(kind, obj)
    warned = warned_on(kind, obj, warn_from)
    if to and warned is None:
        return "warn"
    if today < due:
        return None
    if warned and today < warned + datetime.timedelta(days=rule.warn_days):
        return None
    return "anonymise"


def recipient_address(kind, obj):
    person = kind.recipient(obj)
    if person is None or not person.is_active:
        return ""
    return "" if person.last_name == anonymise.ANONYMISED else person.email


def warned_on(kind, obj, since):
    """The day the current warning for `obj` was written (on or after `since`), or None.
    The day is part of the outbox row's kind, so `--today` runs read back their own."""
    prefix = kind.warning_key(obj) + ":"
    days = [
        datetime.date.fromisoformat(row.removeprefix(prefix))
        for row in OutboundEmail.objects.filter(kind__startswith=prefix).values_list(
            "kind", flat=True
        )
    ]
    return min((day for day in days if day >= since), default=None)


def warn(kind, rule, obj, due, today):
    outbox.enqueue(
        to=[recipient_address(kind, obj)],
        subject=_("Données personnelles : anonymisation prévue le %(date)s")
        % {"date": due.strftime("%d/%m/%Y")},
        template="extranet/emails/retention_warning",
        context={
            "rule": rule,
            "record": obj,
            "record_kind": kind.rule,
            "due": due,
            "url": settings.SITE_URL + kind.url(obj),
        },
        kind=f"{kind.warning_key(obj)}:{today.isoformat()}",
    )


def start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def anonymise_event_registrations(today):
    """Who registered for an event, once the event is over by the rule's duration: the
    counts (people, status, attendance) stay for the organiser's figures."""
    cutoff = start_of(retention.rule("event_registrations").expiry_cutoff(today))
    registrations = apps.get_model("repertoire", "EventRegistration").objects.filter(
        event__end__lt=cutoff
    )
    due = list(registrations.exclude(email="").order_by("pk")[:5000])
    anonymise.blank_all(due)
    return len(due)


def delete_audit_events(today):
    cutoff = start_of(retention.rule("audit_events").expiry_cutoff(today))
    expired = apps.get_model("extranet", "AuditEvent").objects.filter(created_at__lt=cutoff)
    # The audit log refuses `delete()` from the application; expiry is the one exception.
    return models.QuerySet.delete(expired)[0]


def delete_outbox(today):
    cutoff = start_of(retention.rule("outbox").expiry_cutoff(today))
    return OutboundEmail.objects.filter(created_at__lt=cutoff).delete()[0]


def delete_sessions():
    """Expired sessions (`expire_date` is the last activity plus the rule's days) and the
    allauth rows (IP address, browser) that described them."""
    deleted = Session.objects.filter(expire_date__lt=timezone.now()).delete()[0]
    user_sessions = apps.get_model("usersessions", "UserSession").objects
    user_sessions.exclude(session_key__in=Session.objects.values("session_key")).delete()
    return deleted
