"""Public pages of the events, mounted at /evenements/ (portal/urls.py): the list and its
map, an event's page with its registration form, the receipt and cancel pages reached by
the e-mail's token, the iCal feeds."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from portal.languages import french_free_text, interface_language
from portal.pagination import paginate
from portal.ratelimit import is_rate_limited
from repertoire.events import extensions, ics, services
from repertoire.events.enums import RegistrationStatus
from repertoire.events.forms import EventFilterForm, RegistrationForm
from repertoire.events.models import Event, EventRegistration
from repertoire.models import Structure

PER_PAGE = 20
REGISTRATION_RATE_LIMIT = 10  # posts per hour and address
FEED_LIMIT = 500


def upcoming():
    return Event.objects.published().upcoming().for_listing()


def markers_of(events):
    return [
        {
            "rank": rank,
            "title": event.title,
            "lat": event.point[0],
            "lon": event.point[1],
            "url": event.get_absolute_url(),
            "lang": french_free_text(),
        }
        for rank, event in enumerate(events, start=1)
        if event.point
    ]


@login_not_required
@require_GET
def event_list(request):
    form = EventFilterForm(request.GET or None)
    events, distances = upcoming(), None
    if form.is_bound and form.is_valid():
        events, distances = form.filter(events)
    page_obj = paginate(events, request.GET.get("page"), PER_PAGE)
    rows = list(page_obj.object_list)
    for event in rows:
        event.distance_km = (distances or {}).get(event.commune_id)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "repertoire/events/event_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "events": rows,
            "markers": markers_of(rows),
            "querystring": query.urlencode(),
            "map_tile_url": settings.MAP_TILE_URL,
            "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


def get_event(slug):
    events = Event.objects.published().select_related("commune", "organiser", "workspace")
    return get_object_or_404(events.with_places(), slug=slug)


@login_not_required
@require_http_methods(["GET", "POST"])
def event_detail(request, slug):
    event = get_event(slug)
    form = None
    status = 200
    if event.accepts_registrations():
        form = RegistrationForm(request.POST or None, event=event)
    if request.method == "POST" and form is not None:
        if is_rate_limited(
            request, "event-registration", limit=REGISTRATION_RATE_LIMIT, window=3600
        ):
            form.add_error(
                None,
                _(
                    "Trop d'inscriptions envoyées depuis votre connexion : "
                    "réessayez dans une heure."
                ),
            )
            status = 429
        elif form.is_valid():
            if form.is_spam():
                return redirect(event.get_absolute_url())
            registration = _register(event, form)
            if registration is not None:
                return redirect("events:registration", token=registration.token)
    elif request.method == "POST":
        messages.error(request, _("Les inscriptions à cet événement sont closes."))
        return redirect(event.get_absolute_url())
    return render(
        request,
        "repertoire/events/event_detail.html",
        {"event": event, "form": form, "sections": extensions.sections_for(event)},
        status=status,
    )


def _register(event, form):
    data = form.cleaned_data
    try:
        return services.register(
            event=event,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            people=data["people"],
            language=interface_language(),
        )
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            for message in errors:
                form.add_error(None if field == NON_FIELD_ERRORS else field, message)
        return None


def _private(response):
    response["Cache-Control"] = "private, no-store"
    return response


def get_registration(token):
    registrations = EventRegistration.objects.select_related(
        "event__commune", "event__workspace", "event__organiser"
    )
    return get_object_or_404(registrations, token=token)


@login_not_required
@require_GET
def registration(request, token):
    """The receipt: what the person's registration is now (the URL is the secret)."""
    registration = get_registration(token)
    return _private(
        render(
            request,
            "repertoire/events/registration.html",
            {"registration": registration, "event": registration.event},
        )
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """The e-mail's cancel link: a page asking to confirm, then the cancellation."""
    registration = get_registration(token)
    if request.method == "POST" and registration.status != RegistrationStatus.CANCELLED:
        services.cancel(registration=registration)
        registration.refresh_from_db()
    return _private(
        render(
            request,
            "repertoire/events/cancel.html",
            {"registration": registration, "event": registration.event},
        )
    )


def _feed(request, events, name, filename):
    site_url = request.build_absolute_uri("/").rstrip("/")
    body = ics.events_feed(
        events[:FEED_LIMIT], name=name, domain=request.get_host().split(":")[0], site_url=site_url
    )
    response = HttpResponse(body, content_type=f"{ics.MIMETYPE}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


@login_not_required
@require_GET
def feed(request):
    """Every upcoming event of the network, to subscribe to in an agenda application."""
    return _feed(request, upcoming(), _("Événements du réseau"), "evenements")


@login_not_required
@require_GET
def organiser_feed(request, slug):
    structure = get_object_or_404(Structure.objects.published(), slug=slug)
    events = upcoming().filter(organiser=structure)
    name = _("Événements de %(structure)s") % {"structure": structure.name}
    return _feed(request, events, name, f"evenements-{structure.slug}")
