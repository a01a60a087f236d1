"""Writes of the workspaces: a visitor's request, the manager's acceptance or refusal.

Each runs in a transaction that first locks the room row (`select_for_update`), then
checks the slot and writes: two requests for the same room are checked one after the
other. On PostgreSQL the exclusion constraint of migration 0005 also refuses an overlap,
should any code path forget the lock. Mails go through the outbox, sent after commit.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal.languages import speaking
from portal.mail import outbox
from repertoire.workspaces import hours, ics
from repertoire.workspaces.enums import BookingStatus
from repertoire.workspaces.models import Booking, Room

SEARCH_STEP = datetime.timedelta(minutes=30)
SEARCH_DAYS = 14
SUGGESTIONS = 3


class SlotTaken(Exception):
    """Someone holds part of the slot; `suggestions` are the next free slots."""

    def __init__(self, suggestions):
        super().__init__("slot taken")
        self.suggestions = suggestions


def slot_errors(*, room, start, end, people, now=None):
    """{field: French message} of what makes this slot impossible, whoever holds it."""
    now = now or timezone.now()
    workspace = room.workspace
    errors = {}
    if end <= start:
        errors["end"] = _("L'heure de fin doit suivre l'heure de début.")
    elif start < now:
        errors["date"] = _("Ce créneau est déjà passé : choisissez une date à venir.")
    elif end - start > datetime.timedelta(hours=workspace.max_booking_hours):
        errors["end"] = _("Ce lieu accepte des réservations de %(hours)s h au plus.") % {
            "hours": workspace.max_booking_hours
        }
    elif not hours.is_open_throughout(workspace.opening_hours, start, end):
        errors["start"] = _(
            "Le lieu n'est pas ouvert pendant tout ce créneau : voyez ses horaires."
        )
    if people > room.capacity:
        errors["people"] = _("Cette salle accueille %(capacity)s personnes au plus.") % {
            "capacity": room.capacity
        }
    return errors


def next_free_slots(room, start, end, limit=SUGGESTIONS):
    """The next slots of the same length, inside opening hours and free, from `start`."""
    length = end - start
    horizon = start + datetime.timedelta(days=SEARCH_DAYS)
    held = list(
        Booking.objects.filter(room=room)
        .holding()
        .overlapping(start, horizon)
        .values_list("start", "end")
    )
    found, candidate = [], start + SEARCH_STEP
    while candidate < horizon and len(found) < limit:
        stop = candidate + length
        free = not any(s < stop and e > candidate for s, e in held)
        if free and hours.is_open_throughout(room.workspace.opening_hours, candidate, stop):
            found.append((candidate, stop))
            candidate = stop
        else:
            candidate += SEARCH_STEP
    return found


@transaction.atomic
def request_booking(
    *,
    room,
    start,
    end,
    people,
    name,
    email,
    visitor_kind,
    organisation="",
    purpose="",
    user=None,
    language="fr",
    now=None,
):
    """Record a visitor's request (it holds the slot) and tell the visitor and the place.
    `language` ("fr", "en": the page they asked on) is the one of the visitor's e-mails,
    now and when the place decides.

    Raises ValidationError ({field: message}) for an impossible slot, SlotTaken when
    someone holds part of it."""
    errors = slot_errors(room=room, start=start, end=end, people=people, now=now)
    if errors:
        raise ValidationError(errors)
    room = Room.objects.select_for_update().select_related("workspace__commune").get(pk=room.pk)
    if Booking.objects.filter(room=room).holding().overlapping(start, end).exists():
        raise SlotTaken(next_free_slots(room, start, end))
    try:
        with transaction.atomic():
            booking = Booking.objects.create(
                room=room,
                start=start,
                end=end,
                people=people,
                name=name,
                email=email,
                organisation=organisation,
                visitor_kind=visitor_kind,
                purpose=purpose,
                user=user if user is not None and user.is_authenticated else None,
                language=language,
            )
    except IntegrityError as error:  # the exclusion constraint (PostgreSQL)
        raise SlotTaken(next_free_slots(room, start, end)) from error
    _notify_request(booking)
    return booking


def manager_emails(workspace):
    """The place's bookings address, else its structure's active managers."""
    if workspace.email:
        return [workspace.email]
    memberships = workspace.structure.memberships.active().managers().select_related("user")
    return [m.user.email for m in memberships]


def _context(booking, **extra):
    return {
        "booking": booking,
        "room": booking.room,
        "workspace": booking.room.workspace,
        "site_url": settings.SITE_URL.rstrip("/"),
        **extra,
    }


def _send(booking, *, to, subject, template, kind, attachments=()):
    text = render_to_string(f"repertoire/emails/{template}.txt", _context(booking))
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    outbox.enqueue_rendered(
        to=to, subject=prefix + subject, text=text, kind=kind, attachments=attachments
    )


def _to_visitor(booking, *, template, subject, with_ics=False):
    """The e-mail `template` to the visitor in their language (`subject`: a msgid with one
    %s, the place's name); its links and `.ics` lead to the pages in that language."""
    with speaking(booking.language):
        files = [_ics_attachment(booking)] if with_ics else []
        _send(
            booking,
            to=[booking.email],
            template=template,
            kind=template.replace("_", "-"),
            subject=_(subject) % booking.room.workspace.name,
            attachments=files,
        )


def _notify_request(booking):
    """The visitor's receipt in their language, the place's notice in French."""
    workspace = booking.room.workspace
    _to_visitor(
        booking,
        template="booking_received",
        subject=gettext_noop("Votre demande de réservation à %s"),
    )
    with translation.override(settings.LANGUAGE_CODE):  # the place reads French
        _send(
            booking,
            to=manager_emails(workspace),
            template="booking_to_decide",
            kind="booking-to-decide",
            subject=_("Nouvelle demande de réservation : %s") % booking.room.name,
        )


def _locked_pending(booking):
    Room.objects.select_for_update().get(pk=booking.room_id)
    booking = Booking.objects.select_related("room__workspace__commune").get(pk=booking.pk)
    if booking.status != BookingStatus.REQUESTED:
        raise ValidationError(_("Cette demande a déjà reçu une réponse."))
    return booking


@transaction.atomic
def accept_booking(*, booking, by):
    """Accept a pending request; the visitor gets the confirmation with its `.ics`."""
    booking = _locked_pending(booking)
    booking.status = BookingStatus.ACCEPTED
    booking.decided_by, booking.decided_at = by, timezone.now()
    booking.save(update_fields=["status", "decided_by", "decided_at"])
    _to_visitor(
        booking,
        template="booking_accepted",
        subject=gettext_noop("Réservation confirmée : %s"),
        with_ics=True,
    )
    return booking


def _ics_attachment(booking):
    domain = settings.SITE_URL.split("//")[-1].strip("/") or "passerelles"
    calendar = ics.booking_ics(booking, domain=domain, site_url=settings.SITE_URL.rstrip("/"))
    return ("reservation.ics", calendar.decode(), ics.MIMETYPE)


@transaction.atomic
def decline_booking(*, booking, by, reason):
    """Decline a pending request with a reason the visitor reads; the slot is free again."""
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Indiquez le motif du refus à la personne.")})
    booking = _locked_pending(booking)
    booking.status = BookingStatus.DECLINED
    booking.decline_reason = reason.strip()[:500]
    booking.decided_by, booking.decided_at = by, timezone.now()
    booking.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
    _to_visitor(
        booking,
        template="booking_declined",
        subject=gettext_noop("Réservation non retenue : %s"),
    )
    return booking
