"""The organisers' side of the events: their events, the form, the registrations."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from extranet import audit
from extranet.decorators import member_required
from extranet.enums import AuditAction
from extranet.events.forms import AttendanceForm, EventForm
from extranet.events.perms import organiser_structures
from portal.exports import csv_response, xlsx_response
from portal.pagination import paginate
from repertoire.events import services
from repertoire.models import Event, EventRegistration

PER_PAGE = 20
REGISTRATIONS_PER_PAGE = 50


def my_event(user, slug):
    """One of the user's structures' events; anyone else's is a 404."""
    events = Event.objects.managed_by(user).select_related("commune", "workspace", "organiser")
    return get_object_or_404(events.with_places(), slug=slug)


@member_required
@require_GET
def event_list(request):
    events = Event.objects.managed_by(request.user).for_listing().order_by("-start", "-pk")
    page_obj = paginate(events, request.GET.get("page"), PER_PAGE)
    return render(
        request,
        "extranet/events/event_list.html",
        {
            "page_obj": page_obj,
            "events": list(page_obj.object_list),
            "can_create": organiser_structures(request.user).exists(),
            "now": timezone.now(),
        },
    )


def _save(request, form):
    event = form.save(commit=False)
    try:
        services.save_event(event=event)
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
        return None
    return event


@member_required
@require_http_methods(["GET", "POST"])
def event_edit(request, slug=None):
    structures = organiser_structures(request.user)
    if not structures.exists():
        raise PermissionDenied
    event = my_event(request.user, slug) if slug else None
    form = EventForm(request.POST or None, instance=event, structures=structures)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form)
        if saved is not None:
            messages.success(request, _("Événement enregistré."))
            return redirect("extranet:event_registrations", slug=saved.slug)
    return render(request, "extranet/events/event_form.html", {"form": form, "event": event})


def _registrations(event):
    registrations = EventRegistration.objects.filter(event=event).select_related("event")
    return registrations.order_by("status", "created_at", "pk")


@member_required
@require_GET
def event_registrations(request, slug):
    event = my_event(request.user, slug)
    page_obj = paginate(_registrations(event), request.GET.get("page"), REGISTRATIONS_PER_PAGE)
    rows = list(page_obj.object_list)
    audit.record_reads(actor=request.user, objects=rows, reason="inscriptions à un événement")
    return render(
        request,
        "extranet/events/event_registrations.html",
        {"event": event, "page_obj": page_obj, "registrations": rows},
    )


@member_required
@require_POST
def registration_update(request, slug, pk):
    """Mark a registration present or absent, or cancel it (who waits is promoted)."""
    event = my_event(request.user, slug)
    registration = get_object_or_404(EventRegistration, event=event, pk=pk)
    form = AttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez une action."))
        return redirect("extranet:event_registrations", slug=event.slug)
    action = form.cleaned_data["action"]
    if action == AttendanceForm.CANCEL:
        promoted = services.cancel(registration=registration)
        messages.success(
            request,
            _("Inscription annulée ; %(n)s personne(s) de la liste d'attente confirmée(s).")
            % {"n": len(promoted)},
        )
    else:
        registration.attended = action == AttendanceForm.PRESENT
        registration.save(update_fields=["attended", "updated_at"])
        messages.success(request, _("Présence enregistrée."))
    audit.record(actor=request.user, action=AuditAction.UPDATE, obj=registration, reason=action)
    return redirect("extranet:event_registrations", slug=event.slug)


def export_headers():
    return [
        _("Nom"),
        _("E-mail"),
        _("Téléphone"),
        _("Personnes"),
        _("État"),
        _("Présence"),
        _("Inscrit·e le"),
    ]


def export_rows(registrations):
    presence = {True: _("présent·e"), False: _("absent·e"), None: ""}
    for registration in registrations:
        yield [
            registration.name,
            registration.email,
            registration.phone,
            registration.people,
            registration.get_status_display(),
            presence[registration.attended],
            timezone.localtime(registration.created_at),
        ]


@member_required
@require_GET
def registrations_export(request, slug, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    event = my_event(request.user, slug)
    rows = _registrations(event)
    audit.record_export(
        actor=request.user,
        model=EventRegistration,
        label=f"export {fmt} inscriptions {event.slug}",
        rows=rows.count(),
    )
    filename = f"inscriptions-{event.slug}"[:120]
    if fmt == "csv":
        return csv_response(export_headers(), export_rows(rows.iterator()), filename)
    return xlsx_response(
        export_headers(), export_rows(rows.iterator()), filename, _("Inscriptions")
    )
