"""The managers' side of the workspaces: requests to answer, the week, decisions."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from extranet import audit
from extranet.bookings.forms import DecisionForm
from extranet.decorators import member_required
from extranet.enums import AuditAction
from portal.pagination import paginate
from repertoire.models import Booking, Workspace
from repertoire.workspaces import hours, services
from repertoire.workspaces.agreement import AgreementForm, agreement_pdf

PER_PAGE = 20


def pending_for(user):
    return (
        Booking.objects.managed_by(user)
        .pending()
        .filter(end__gte=timezone.now())
        .select_related("room__workspace")
        .order_by("start")
    )


@member_required
@require_GET
def booking_requests(request):
    places = list(Workspace.objects.managed_by(request.user).select_related("commune"))
    page_obj = paginate(pending_for(request.user), request.GET.get("page"), PER_PAGE)
    rows = list(page_obj.object_list)
    audit.record_reads(actor=request.user, objects=rows, reason="demandes de réservation")
    for booking in rows:
        booking.form = DecisionForm(prefix=f"b{booking.pk}")
    return render(
        request,
        "extranet/bookings/booking_requests.html",
        {"places": places, "page_obj": page_obj, "bookings": rows},
    )


def week_start(raw):
    """The Monday of the week `raw` ("2026-12-01") falls in; this week's when unreadable."""
    try:
        day = parse_date(raw) if raw and len(raw) <= 10 else None
    except ValueError:  # well formed but impossible: "2026-02-30"
        day = None
    day = day or timezone.localdate()
    return day - datetime.timedelta(days=day.weekday())


def week_rows(place, bookings, monday):
    """[(day, open periods, bookings of the day)] from Monday to Sunday."""
    start, _end = hours.day_bounds(monday)
    periods = hours.open_periods(place.opening_hours, start, start + datetime.timedelta(days=7))
    days = [monday + datetime.timedelta(days=n) for n in range(7)]
    return [
        (
            day,
            [(s, e) for s, e in periods if s.date() == day],
            [b for b in bookings if timezone.localtime(b.start).date() == day],
        )
        for day in days
    ]


@member_required
@require_GET
def booking_week(request, slug):
    place = get_object_or_404(
        Workspace.objects.managed_by(request.user).select_related("commune"), slug=slug
    )
    monday = week_start(request.GET.get("semaine"))
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time.min))
    bookings = list(
        Booking.objects.filter(room__workspace=place)
        .holding()
        .overlapping(start, start + datetime.timedelta(days=7))
        .select_related("room")
        .order_by("start")
    )
    audit.record_reads(actor=request.user, objects=bookings, reason="semaine d'un lieu")
    rooms = list(place.rooms.all())
    feeds = [
        (room, request.build_absolute_uri(reverse("workspaces:room_feed", args=[room.feed_token])))
        for room in rooms
    ]
    return render(
        request,
        "extranet/bookings/booking_week.html",
        {
            "place": place,
            "week": week_rows(place, bookings, monday),
            "monday": monday,
            "previous": monday - datetime.timedelta(days=7),
            "next": monday + datetime.timedelta(days=7),
            "feeds": feeds,
        },
    )


@member_required
@require_POST
def booking_decide(request, reference):
    booking = get_object_or_404(
        Booking.objects.managed_by(request.user).select_related("room__workspace"),
        reference=reference,
    )
    form = DecisionForm(request.POST, prefix=f"b{booking.pk}")
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("extranet:booking_requests")
    try:
        if form.cleaned_data["action"] == DecisionForm.ACCEPT:
            services.accept_booking(booking=booking, by=request.user)
            messages.success(
                request,
                _(
                    "Réservation acceptée : la personne reçoit la "
                    "confirmation et son fichier d'agenda."
                ),
            )
        else:
            services.decline_booking(
                booking=booking, by=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("Demande refusée : la personne en reçoit le motif."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("extranet:booking_requests")
    audit.record(
        actor=request.user,
        action=AuditAction.UPDATE,
        obj=booking,
        reason=form.cleaned_data["action"],
    )
    return redirect("extranet:booking_requests")


@member_required
@require_http_methods(["GET", "POST"])
def workspace_agreement(request, slug):
    """The manager fills the place's usage agreement and downloads it as a PDF."""
    place = get_object_or_404(
        Workspace.objects.managed_by(request.user).select_related("commune", "structure"),
        slug=slug,
    )
    form = AgreementForm(request.POST or None, place=place)
    if request.method == "POST" and form.is_valid():
        return agreement_pdf(
            place, base_url=request.build_absolute_uri("/"), filled=form.cleaned_data
        )
    return render(
        request, "extranet/bookings/workspace_agreement.html", {"place": place, "form": form}
    )
