"""Writes of the events: registering, cancelling (which promotes who waits), saving an event.

Registering and cancelling run in a transaction that first locks the event's row
(`select_for_update`), then counts the confirmed places and writes: two people taking the
last place are served one after the other, the second goes to the waiting list (or is told
the event is full). Mails go through the outbox, sent after commit, the confirmation with
the event's `.ics`.
"""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal.languages import speaking
from portal.mail import outbox
from repertoire.events import ics
from repertoire.events.enums import RegistrationStatus
from repertoire.events.models import Event, EventRegistration, unique_slug


def _locked(event):
    return (
        Event.objects.select_for_update(of=("self",))
        .select_related("commune", "workspace", "organiser")
        .get(pk=event.pk)
    )


def _taken(event):
    confirmed = EventRegistration.objects.filter(event=event).confirmed()
    return confirmed.aggregate(n=Sum("people"))["n"] or 0


def _status_for(event, people):
    """CONFIRMED or WAITING for `people` now, or a ValidationError ({field: message})."""
    if event.capacity is None:
        return RegistrationStatus.CONFIRMED
    remaining = max(event.capacity - _taken(event), 0)
    if people <= remaining:
        return RegistrationStatus.CONFIRMED
    if remaining == 0 and event.waiting_list:
        return RegistrationStatus.WAITING
    if remaining == 0:
        raise ValidationError({NON_FIELD_ERRORS: _("Cet événement est complet.")})
    raise ValidationError(
        {
            "people": _("Il ne reste que %(n)s place(s) : réduisez le nombre de personnes.")
            % {"n": remaining}
        }
    )


@transaction.atomic
def register(*, event, name, email, people=1, phone="", language="fr", now=None):
    """Register `people` for `event`: confirmed while places remain, else on the waiting
    list (when the event keeps one). The person gets an e-mail with the cancel link, and
    the `.ics` once confirmed, in `language` ("fr", "en": the page they registered on),
    now and when a place frees up later. Raises ValidationError ({field: message})."""
    event = _locked(event)
    if not event.accepts_registrations(now):
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Les inscriptions à cet événement sont closes.")}
        )
    status = _status_for(event, people)
    registration = EventRegistration.objects.create(
        event=event,
        name=name,
        email=email,
        phone=phone,
        people=people,
        status=status,
        language=language,
    )
    registration.event = event
    _notify(registration)
    return registration


@transaction.atomic
def cancel(*, registration):
    """Cancel a registration (from the e-mail's link or by the organiser); the places it
    frees go to who waits, in the order they registered. Returns the promoted ones."""
    event = _locked(registration.event)
    registration = EventRegistration.objects.get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return []
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if not was_confirmed or event.is_over():
        return []
    return promote(event)


def promote(event):
    """Confirm the waiting registrations that fit in the places left, first come first
    served (a group too big for what is left lets a smaller one after it through). The
    event row is locked by the caller."""
    if event.capacity is None:
        waiting = list(EventRegistration.objects.filter(event=event).waiting())
    else:
        remaining = event.capacity - _taken(event)
        waiting = []
        for registration in EventRegistration.objects.filter(event=event).waiting():
            if registration.people <= remaining:
                waiting.append(registration)
                remaining -= registration.people
    for registration in waiting:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        registration.event = event
        _send(registration, "registration_promoted", gettext_noop("Une place s'est libérée : %s"))
    return waiting


def cancel_url(registration):
    path = reverse("events:cancel", args=[registration.token])
    return settings.SITE_URL.rstrip("/") + path


def _notify(registration):
    if registration.status == RegistrationStatus.CONFIRMED:
        _send(registration, "registration_confirmed", gettext_noop("Inscription confirmée : %s"))
    else:
        _send(registration, "registration_waiting", gettext_noop("Liste d'attente : %s"))


def _send(registration, template, subject):
    """The e-mail `template` to the registered person, in their language (`subject` is a
    msgid, translated here); its links lead to the pages in that language."""
    with speaking(registration.language):
        _send_now(registration, template, _(subject))


def _send_now(registration, template, subject):
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "site_url": settings.SITE_URL.rstrip("/"),
        "event_url": settings.SITE_URL.rstrip("/") + event.get_absolute_url(),
        "cancel_url": cancel_url(registration),
    }
    text = render_to_string(f"repertoire/emails/{template}.txt", context)
    attachments = []
    if registration.status == RegistrationStatus.CONFIRMED:
        attachments = [("evenement.ics", ics.event_ics(event), ics.MIMETYPE)]
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    outbox.enqueue_rendered(
        to=[registration.email],
        subject=prefix + subject % event.title,
        text=text,
        kind=f"event-{template.removeprefix('registration_')}",
        attachments=attachments,
    )


@transaction.atomic
def save_event(*, event):
    """Validate and save an event; a place of the network gives its commune and point."""
    if event.workspace_id:
        event.commune_id = event.workspace.commune_id
        if event.latitude is None and event.workspace.point:
            event.latitude, event.longitude = event.workspace.point
    if event.latitude is None and event.commune_id and event.commune.point:
        event.latitude, event.longitude = event.commune.point
    if not event.slug:
        event.slug = unique_slug(event.title, event.start)
    event.full_clean()
    event.save()
    if event.capacity is not None:
        promote(_locked(event))  # more places: who waits comes in
    return event
