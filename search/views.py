"""Public search (`/recherche/`) and members' search (`/extranet/recherche/`)."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from search import api
from search.forms import SearchForm, radius_param
from search.presenters import (
    did_you_mean,
    facet_groups,
    label_hits,
    localise_hits,
    map_markers,
    page_links,
    query_string,
)
from search.registry import labels_for

NEARBY_PLACES = 3
NEARBY_HITS = 50  # hits read, nearest first, to find the nearest communes with results


def _resolve_place(text):
    return import_string(settings.SEARCH_RESOLVE_PLACE)(text)


def _near(form, cleaned, notices):
    place = cleaned.get("place", "")
    if not place:
        return None, None
    found = _resolve_place(place)
    if found is None:
        notices.append(
            _(
                "Nous ne trouvons pas la commune « %(place)s ». Vérifiez l'orthographe ou "
                "saisissez son code INSEE (5 caractères, par exemple 23030)."
            )
            % {"place": place}
        )
        return None, None
    label, lat, lon = found
    return label, ((lat, lon), cleaned["rayon"])


def _search_context(request, user):
    form = SearchForm(request.GET)
    form.is_valid()  # every field cleans to a usable value; errors are never raised
    cleaned = {"q": "", "place": "", "rayon": 20, "page": 1, **form.cleaned_data}
    notices = list(form.notices)
    place_label, near = _near(form, cleaned, notices)
    filters = form.filters()
    result = api.search(cleaned["q"], filters=filters, near=near, page=cleaned["page"], user=user)
    localise_hits(label_hits(result.hits))
    return {
        "form": form,
        "query": cleaned["q"],
        "radius": cleaned["rayon"],
        "place_label": place_label,
        "notices": notices,
        "result": result,
        "searched": bool(cleaned["q"] or filters or near),
        "facet_groups": facet_groups(result.facets, filters),
        "did_you_mean": did_you_mean(request.GET, result.suggestions),
        "page_links": page_links(request.GET, result),
        "broader_radius": _broader_radius(request.GET, near, result),
        "nearby_places": _nearby_places(request.GET, cleaned["q"], filters, near, result, user),
        "markers": map_markers(result.hits),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }


def _broader_radius(params, near, result):
    if not near or result.total or near[1] >= api.MAX_RADIUS_KM:
        return None
    km = min(api.MAX_RADIUS_KM, near[1] * 2 if near[1] >= 20 else 50)
    # The link keeps the spelling of the visitor's own (an old bookmark's `radius`).
    overrides = {radius_param(params): km, "page": None}
    return {"km": km, "url": "?" + query_string(params, **overrides)}


def _nearby_places(params, text, filters, near, result, user):
    """Nothing near the chosen commune: the nearest communes where the same search finds
    something, with their distance and a link to search around them."""
    if not near or result.total:
        return []
    wider = api.search(
        text,
        filters=filters,
        facets=("commune_code",),
        near=(near[0], api.MAX_RADIUS_KM),
        per_page=NEARBY_HITS,
        user=user,
    )
    found = {}
    for hit in wider.hits:
        if hit.commune_code and hit.commune_code not in found:
            found[hit.commune_code] = hit.distance_km
    codes = list(found)[:NEARBY_PLACES]
    counts = dict(wider.facets.get("commune_code", []))
    names = labels_for("commune_code", codes)
    return [
        {
            "name": names.get(code, code),
            "km": round(found[code]),
            "count": counts.get(code),
            "url": "?" + query_string(params, place=code, page=None),
        }
        for code in codes
    ]


@login_not_required
@require_GET
def public_search(request):
    """Everything public: pages, structures, services, offers."""
    return render(request, "search/public_search.html", _search_context(request, None))


@login_not_required
@require_GET
def public_suggest(request):
    return JsonResponse({"suggestions": api.suggest(request.GET.get("q", ""))})


def _members_only(view):
    def wrapper(request, *args, **kwargs):
        if not import_string(settings.PASSERELLES_EXTRANET_GATE)(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(require_GET(wrapper))


@_members_only
def extranet_search(request):
    """The same engine, over what the member may see (visibility and scopes)."""
    context = _search_context(request, request.user)
    return render(request, "search/extranet_search.html", context)


@_members_only
def extranet_suggest(request):
    return JsonResponse({"suggestions": api.suggest(request.GET.get("q", ""), user=request.user)})
