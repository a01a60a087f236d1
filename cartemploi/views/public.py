"""Public pages: the map and its list twin, the map data, a published fiche."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cartemploi import perms
from cartemploi.clustering import clusters, parse_bbox
from cartemploi.contact_steps import is_other_side, missing_contact_steps
from cartemploi.enums import CardKind
from cartemploi.filters import MapFilterForm
from cartemploi.models import PublicCard
from portal.fragments import cached_value
from portal.pagination import paginate

PAGE_SIZE = 20


@login_not_required
@require_GET
def index(request):
    """Map and list of the same results; the list works with no JavaScript at all."""
    form = MapFilterForm(request.GET or None)
    cards = (
        form.filter()
        .select_related("commune")
        .only("id", "kind", "title", "summary", "commune__name", "data", "published_at")
    )
    query = request.GET.copy()
    query.pop("page", None)
    # The count of an unchanged list is kept with its fragments (a card change starts a new
    # generation): at 30k cards it was most of the page's SQL.
    total = cached_value(request, "cartemploi-count", [query.urlencode()], cards.count)
    page = paginate(cards, request.GET.get("page"), PAGE_SIZE, total=total)
    return render(
        request,
        "cartemploi/index.html",
        {
            "form": form,
            "page_obj": page,
            "query": query.urlencode(),
            "map_data_url": reverse("cartemploi:map_data"),
            "map_tile_url": settings.MAP_TILE_URL,
            "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


@login_not_required
@require_GET
def map_data(request):
    """Clusters and single points of the filtered cards inside the visible box (JSON)."""
    form = MapFilterForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    bbox = parse_bbox(request.GET.get("bbox", "-5.5,41,10,51.5"))
    try:
        zoom = int(request.GET.get("zoom", 6))
    except ValueError:
        zoom = None
    if bbox is None or zoom is None:
        return JsonResponse({"error": _("Zone de carte invalide.")}, status=400)
    result = clusters(form.filter(), bbox, zoom)
    singles = PublicCard.objects.filter(pk__in=result.pop("single_ids")).values(
        "id", "kind", "title", "summary", "latitude", "longitude"
    )
    result["points"] = [_point(card) for card in singles]
    return JsonResponse(result)


def _point(card):
    return {
        "id": card["id"],
        "kind": card["kind"],
        "kind_label": str(CardKind(card["kind"]).label),
        "title": card["title"],
        "summary": card["summary"][:160],
        "lat": round(card["latitude"], 5),
        "lon": round(card["longitude"], 5),
        "url": reverse("cartemploi:card_detail", args=[card["id"]]),
    }


@login_not_required
@require_GET
def card_detail(request, pk):
    card = get_object_or_404(PublicCard.objects.select_related("commune"), pk=pk)
    offers = []
    if card.kind == CardKind.COMPANY:
        offers = PublicCard.objects.filter(offer__company_id=card.company_id)
    user = request.user
    other_side = is_other_side(user, card)
    can_contact = other_side and perms.can_start_conversation(user)
    steps = []
    if other_side and not can_contact:
        back_to = reverse("cartemploi:contact", args=[card.pk])
        steps = missing_contact_steps(user, back_to=back_to)
    return render(
        request,
        "cartemploi/card_detail.html",
        {"card": card, "offers": offers, "can_contact": can_contact, "steps": steps},
    )
