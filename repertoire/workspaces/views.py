"""Public pages of the workspaces, mounted at /espaces-de-travail/ (portal/urls.py):
the network view, one page per place, the booking request and its receipt, the room feed."""

import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from portal.languages import french_free_text, interface_language
from portal.ratelimit import is_rate_limited
from repertoire.workspaces import agreement, hours, ics, services
from repertoire.workspaces.availability import available_ids, places_page
from repertoire.workspaces.forms import BookingRequestForm, NetworkSearchForm
from repertoire.workspaces.models import Booking, Room, Workspace

PER_PAGE = 20
REQUEST_RATE_LIMIT = 10  # requests per hour and address
WEEK_DAYS = 7


def default_search():
    """Next Tuesday afternoon, the question the field reports ask."""
    today = timezone.localdate()
    tuesday = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)
    return {"date": tuesday.isoformat(), "start": "14:00", "end": "17:00", "people": 1}


@login_not_required
@require_GET
def network(request):
    params = (
        request.GET.copy() if "date" in request.GET else {**default_search(), **request.GET.dict()}
    )
    form = NetworkSearchForm(params)
    page_obj, rows, markers = None, [], []
    if form.is_valid():
        start, end = form.slot()
        distances = None
        if form.cleaned_data.get("commune"):
            distances = {c.pk: round(c.distance_km, 1) for c in form.around()}
        people = form.cleaned_data["people"]
        ids = available_ids(start=start, end=end, people=people, distances=distances)
        page_obj = places_page(
            ids, request.GET.get("page"), PER_PAGE, start=start, end=end, people=people
        )
        rows = page_obj.object_list
        for rank, place in enumerate(rows, start=1):
            place.distance_km = (distances or {}).get(place.commune_id)
            if place.point:
                markers.append(
                    {
                        "rank": rank,
                        "title": place.name,
                        "lat": place.point[0],
                        "lon": place.point[1],
                        "url": place_url(place),
                        "lang": french_free_text(),
                    }
                )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "repertoire/workspaces/network.html",
        {
            "form": form,
            "page_obj": page_obj,
            "places": rows,
            "markers": markers,
            "querystring": query.urlencode(),
            "slot_query": _slot_query(form),
            "map_tile_url": settings.MAP_TILE_URL,
            "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


def _slot_query(form):
    if not form.is_valid():
        return ""
    data = form.cleaned_data
    return (
        f"date={data['date']:%Y-%m-%d}&debut={data['start']:%H:%M}"
        f"&fin={data['end']:%H:%M}&personnes={data['people']}"
    )


def place_url(place):
    return reverse("workspaces:workspace_detail", args=[place.slug])


def get_place(slug):
    places = Workspace.objects.published().select_related("commune", "structure")
    return get_object_or_404(places, slug=slug)


def week_hours(place, today=None):
    """[(day, [(from, to)])] of the next seven days, from the opening hours."""
    start, _end = hours.day_bounds(today or timezone.localdate())
    periods = hours.open_periods(place.opening_hours, start, start + datetime.timedelta(days=7))
    days = [(start + datetime.timedelta(days=n)).date() for n in range(WEEK_DAYS)]
    return [(day, [(s, e) for s, e in periods if s.date() == day]) for day in days]


@login_not_required
@require_GET
def workspace_detail(request, slug):
    place = get_place(slug)
    return render(
        request,
        "repertoire/workspaces/workspace_detail.html",
        {
            "place": place,
            "rooms": list(place.rooms.all()),
            "week": week_hours(place),
        },
    )


def _initial(request):
    names = {"date": "date", "debut": "start", "fin": "end", "personnes": "people", "salle": "room"}
    initial = {field: request.GET[key] for key, field in names.items() if request.GET.get(key)}
    if request.user.is_authenticated:
        initial.update(name=request.user.get_full_name(), email=request.user.email)
    return initial


@login_not_required
@require_http_methods(["GET", "POST"])
def booking_request(request, slug):
    place = get_place(slug)
    rooms = list(place.rooms.all())
    if not rooms:
        raise Http404
    form = BookingRequestForm(request.POST or None, rooms=rooms, initial=_initial(request))
    status = 200
    if request.method == "POST":
        if is_rate_limited(request, "workspace-booking", limit=REQUEST_RATE_LIMIT, window=3600):
            form.add_error(
                None,
                _("Trop de demandes envoyées depuis votre connexion : réessayez dans une heure."),
            )
            status = 429
        elif form.is_valid():
            if form.is_spam():
                return redirect(place_url(place))
            booking, suggestions = _submit(request, form)
            if booking is not None:
                return redirect("workspaces:booking_receipt", reference=booking.reference)
            form.suggestions = suggestions
    return render(
        request,
        "repertoire/workspaces/booking_request.html",
        {"place": place, "form": form, "rooms": rooms},
        status=status,
    )


def _submit(request, form):
    """(booking, None), or (None, next free slots) with the errors added to the form."""
    start, end = form.slot()
    data = form.cleaned_data
    try:
        booking = services.request_booking(
            room=form.chosen_room(),
            start=start,
            end=end,
            people=data["people"],
            name=data["name"],
            email=data["email"],
            visitor_kind=data["visitor_kind"],
            organisation=data["organisation"],
            purpose=data["purpose"],
            user=request.user,
            language=interface_language(),
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                form.add_error(field if field in form.fields else None, message)
        return None, None
    except services.SlotTaken as taken:
        form.add_error(
            "start",
            _(
                "Ce créneau vient d'être demandé par quelqu'un d'autre. "
                "Voici les prochains créneaux libres de cette salle."
            ),
        )
        return None, taken.suggestions
    return booking, None


@login_not_required
@require_GET
def agreement_template(request, slug):
    """The blank usage agreement of a place, with its rooms and rules."""
    return agreement.agreement_pdf(get_place(slug), base_url=request.build_absolute_uri("/"))


@login_not_required
@require_GET
def booking_receipt(request, reference):
    booking = get_object_or_404(
        Booking.objects.select_related("room__workspace__commune"), reference=reference
    )
    return render(
        request,
        "repertoire/workspaces/booking_receipt.html",
        {"booking": booking, "place": booking.room.workspace},
    )


@login_not_required
@require_GET
def room_feed(request, token):
    """The room's accepted bookings as iCalendar: the URL is the secret (the manager pastes
    it into an agenda application, which cannot sign in)."""
    room = get_object_or_404(Room.objects.select_related("workspace__commune"), feed_token=token)
    since = timezone.now() - datetime.timedelta(days=90)
    bookings = room.bookings.accepted().filter(end__gte=since).order_by("start")[:2000]
    body = ics.room_feed(room, bookings, domain=request.get_host().split(":")[0])
    response = HttpResponse(body, content_type=f"{ics.MIMETYPE}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="salle-{room.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
