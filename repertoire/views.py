"""Public views of the répertoire, served through `RepertoirePage` routes."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db.models import Case, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Least
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from portal.languages import interface_language, shown_text
from portal.models import Commune
from portal.pagination import paginate
from portal.public_url import public_url
from portal.ratelimit import is_rate_limited
from repertoire import extensions, services
from repertoire.forms import ErrorReportForm, RepertoireFilterForm
from repertoire.jsonld import structure_jsonld
from repertoire.models import Permanence, Service, Structure
from repertoire.models.permanences import listed_permanences_prefetch, permanences_prefetch
from repertoire.models.themes import cached_themes
from search import api as search_api
from search.geo import haversine_km
from search.text import query_terms

logger = logging.getLogger(__name__)
PER_PAGE = 20
SEARCH_KINDS = ("structure", "service")
# The keyword keeps the most relevant structures and services: enough for a list a
# person reads, and one SQL page whatever the size of the répertoire.
SEARCH_LIMIT = 100


def search_matches(text, theme=None, commune=None, km=0):
    """Hits of structures and services matching a keyword (nearest or most relevant
    first), through the site search: accents, plurals and elisions are forgiven."""
    filters = {"kind": SEARCH_KINDS}
    if theme is not None:
        filters["themes"] = [theme.slug]
    near = None
    if commune is not None and km:
        near = ((commune.latitude, commune.longitude), km)
    elif commune is not None:
        filters["commune_code"] = [commune.pk]
    result = search_api.search(text, filters=filters, facets=(), near=near, per_page=SEARCH_LIMIT)
    return result.hits, result.total > len(result.hits)


def _positions(hits, kind):
    return [When(pk=int(hit.id), then=Value(n)) for n, hit in enumerate(hits) if hit.kind == kind]


def _rank(hits):
    """(position of a structure's best hit — its own or one of its services' —, pks of
    the structures of the matching services), as SQL: no query of their own."""
    last = Value(len(hits))
    own_positions, service_positions = _positions(hits, "structure"), _positions(hits, "service")
    own = Case(*own_positions, default=last) if own_positions else last
    if not service_positions:
        return own, []
    service_pks = [int(hit.id) for hit in hits if hit.kind == "service"]
    matching = Service.objects.filter(pk__in=service_pks)
    best = matching.filter(structure=OuterRef("pk")).annotate(
        position=Case(*service_positions, default=last)
    )
    best = best.order_by("position").values("position")[:1]
    return Least(own, Coalesce(Subquery(best), last)), matching.values("structure_id")


def keyword_filter(structures, text, also=None, **scope):
    """(Structures matching `text` directly or through a service — or through `also`, a
    Q —, in the search's order — nearest, then most relevant —, whether more hits than
    SEARCH_LIMIT were left out); the plain database filter if the search fails."""
    if not query_terms(text):
        return structures, False
    try:
        hits, capped = search_matches(text, **scope)
    except Exception:
        # Outside a transaction (Django's default), a failed query leaves the connection
        # usable; no savepoint, which would cost two queries on every list page.
        logger.exception("Recherche indisponible, filtre par la base de données")
        return structures.matching(text), False
    own = [int(hit.id) for hit in hits if hit.kind == "structure"]
    rank, via_services = _rank(hits)
    # Two IN lists (the second a plain subquery): the primary key index answers both.
    matched = Q(pk__in=own) | Q(pk__in=via_services)
    structures = structures.filter(matched | also if also is not None else matched)
    return structures.alias(search_rank=rank).order_by("search_rank", "name"), capped


def held_near(text, commune, km):
    """Structures matching `text` (database filter) that hold a current permanence within
    `km` of `commune` (its bounding box), as a Q: no query of its own. The search places
    a structure where it sits; this brings those that only come to the commune."""
    if km:
        box = Commune.objects.located().in_box(commune.latitude, commune.longitude, km)
    else:
        box = Commune.objects.filter(pk=commune.pk)
    held = Permanence.objects.current().filter(commune__in=box).values("structure_id")
    matching = Structure.objects.matching(text).values("pk")
    return Q(pk__in=held) & Q(pk__in=matching)


def filtered_structures(form, theme=None):
    """Published structures matching the filters, a function giving each one's place
    relative to the chosen commune — (km, the nearer permanence or None), (None, None)
    without one — and whether a keyword matched more than the SEARCH_LIMIT most
    relevant hits kept. Near a commune, a structure also matches through a permanence
    held within the radius ("permanence à Bellac")."""
    structures = Structure.objects.published()
    if theme is not None:
        structures = structures.in_theme(theme)
    if not form.is_valid():
        return structures, _nowhere, False
    commune, km, text = (form.cleaned_data[k] for k in ("commune", "rayon", "q"))
    if text and query_terms(text):
        # Search filters by place and orders by distance itself.
        scope = {"theme": theme, "commune": commune, "km": km or 0}
        also = held_near(text, commune, km) if commune is not None else None
        structures, capped = keyword_filter(structures, text, also=also, **scope)
        place = _place_from(commune, km or 0) if commune is not None else _nowhere
        return structures, place, capped
    if commune is None:
        return structures, _nowhere, False
    distances = {c.pk: round(c.distance_km, 1) for c in form.around()}
    return structures.in_communes(distances), _place_from(commune, km, distances), False


def _nowhere(structure):
    return None, None


def _place_from(commune, km, distances=None):
    """(km to the structure or to its nearest permanence within the radius, that
    permanence when it is the nearer); from `distances` {insee_code: km} when known,
    else from the points."""

    def km_to(code, point):
        if distances is not None:
            return distances.get(code)
        if code == commune.pk:
            return 0.0
        if point is None or commune.latitude is None:
            return None
        found = round(haversine_km(commune.latitude, commune.longitude, *point), 1)
        return found if found <= km else None

    def place(structure):
        own = km_to(structure.commune_id, structure.point)
        if own is None and structure.point and commune.latitude is not None:
            own = round(haversine_km(commune.latitude, commune.longitude, *structure.point), 1)
        held = [(km_to(p.commune_id, p.point), p) for p in structure.current_permanences()]
        held = [(d, p) for d, p in held if d is not None]
        nearest = min(held, key=lambda pair: pair[0], default=None)
        if nearest is not None and (own is None or nearest[0] < own):
            return nearest
        return own, None

    return place


def _theme_or_404(themes, slug):
    if slug is None:
        return None
    for theme in themes:
        if theme.slug == slug:
            return theme
    raise Http404


def structure_list(request, page, theme_slug=None):
    themes = cached_themes()
    theme = _theme_or_404(themes, theme_slug)
    form = RepertoireFilterForm(request.GET or None)
    structures, distance, capped = filtered_structures(form, theme)
    listing = structures.for_listing().prefetch_related(listed_permanences_prefetch())
    page_obj = paginate(listing, request.GET.get("page"), PER_PAGE)
    rows = list(page_obj.object_list)
    for structure in rows:
        _prepare_card(structure, distance, themes)
    base_url = page.get_url(request)
    query = request.GET.copy()
    query.pop("page", None)
    if theme is not None:
        query["theme"] = theme.slug
    context = page.get_context(request)
    context.update(
        base_url=base_url,
        themes=themes,
        theme=theme,
        form=form,
        page_obj=page_obj,
        structures=rows,
        querystring=query.urlencode(),
        map_url=f"{base_url}carte/?{query.urlencode()}",
        map_tile_attribution=settings.MAP_TILE_ATTRIBUTION,
        known_communes=known_communes(),
        capped=capped,
        search_limit=SEARCH_LIMIT,
    )
    return TemplateResponse(request, "repertoire/repertoire_page.html", context)


def _prepare_card(structure, distance, themes):
    """What a card shows that varies by request, computed once in Python (the template's
    lookups cost more), and the card fragment's key made of it."""
    structure.distance_km, structure.near_permanence = distance(structure)
    structure.theme_list = structure.listed_themes(themes)
    structure.status = structure.status_now()
    structure.open_permanence = structure.permanence_open_now()
    structure.listed_permanences = structure.current_permanences()
    near, held = structure.near_permanence, structure.open_permanence
    structure.card_key = (
        structure.pk, structure.distance_km, near.pk if near else None,
        len(structure.listed_permanences), structure.status.text if structure.status else None,
        held.pk if held else None,
    )  # fmt: skip


def known_communes():
    """Names offered while typing a commune: those with a structure (cached 10 min)."""
    names = cache.get("repertoire:communes")
    if names is None:
        rows = Commune.objects.filter(structures__live=True).values_list("name", flat=True)
        names = sorted(set(rows))
        cache.set("repertoire:communes", names, 600)
    return names


def map_data(request, page):
    """GeoJSON of every structure matching the filters: the map twin of the list."""
    themes = cached_themes()
    theme = _theme_or_404(themes, request.GET.get("theme") or None)
    form = RepertoireFilterForm(request.GET or None)
    structures, _distance, _capped = filtered_structures(form, theme)
    base_url = page.get_url(request)
    rows = structures.values_list(
        "name",
        "slug",
        "latitude",
        "longitude",
        "commune__name",
        "commune__latitude",
        "commune__longitude",
    )
    features = []
    for name, slug, lat, lon, commune, c_lat, c_lon in rows:
        lat, lon = (lat, lon) if lat is not None and lon is not None else (c_lat, c_lon)
        if lat is None or lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "name": name,
                    "commune": commune or "",
                    "url": f"{base_url}structures/{slug}/",
                },
            }
        )
    features.extend(_permanence_features(structures, base_url))
    return JsonResponse({"type": "FeatureCollection", "features": features})


def _permanence_features(structures, base_url):
    """The permanences of the structures on the map, each its own point (one query)."""
    held = (
        Permanence.objects.current()
        .filter(structure__in=structures.order_by().values("pk"))
        .select_related("structure", "commune", "host_structure")
    )
    features = []
    for permanence in held:
        point = permanence.point
        if point is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [point[1], point[0]]},
                "properties": {
                    "name": _("Permanence : %s") % permanence.structure.name,
                    "commune": f"{permanence.place_label}, {permanence.commune_name} — "
                    f"{permanence.when()}",
                    "url": f"{base_url}structures/{permanence.structure.slug}/#permanences",
                    "kind": "permanence",
                },
            }
        )
    return features


def get_structure(slug):
    queryset = (
        Structure.objects.published()
        .select_related("commune")
        .prefetch_related("themes", "services", permanences_prefetch())
    )
    return get_object_or_404(queryset, slug=slug)


def hosted_permanences(structure):
    """Current permanences of published structures held at `structure`."""
    hosted = Permanence.objects.current().filter(host_structure=structure, structure__live=True)
    return list(hosted.select_related("structure", "service"))


def structure_detail(request, page, slug):
    structure = get_structure(slug)
    base_url = page.get_url(request)
    fiche_url = f"{base_url}structures/{structure.slug}/"
    context = page.get_context(request)
    context.update(
        structure=structure,
        services=list(structure.services.all()),
        base_url=base_url,
        fiche_url=fiche_url,
        jsonld=structure_jsonld(structure, public_url(fiche_url)),
        hosted_permanences=hosted_permanences(structure),
        fiche_sections=extensions.fiche_sections(),
        fiche_clock=fiche_clock(structure),
        meta_description=fiche_description(structure),
    )
    return TemplateResponse(request, "repertoire/structure_detail.html", context)


def fiche_clock(structure):
    """What time changes in a fiche's body (its cached fragment is keyed by it): the day
    (hours described from this week, closures to come) and each permanence's next date."""
    return (localdate(), *(p.next_date() for p in structure.current_permanences()))


def fiche_description(structure):
    """The fiche's summary in the language shown; on the English site without an English
    summary, a sentence of translated labels (never French text under `lang="en"`)."""
    text, language = shown_text(structure, "summary")
    if text.strip() and language == interface_language():
        return text
    kind = structure.get_kind_display()
    if not structure.commune_id:
        return _("%(kind)s : horaires, accès, services et contacts.") % {"kind": kind}
    return _("%(kind)s à %(commune)s : horaires, accès, services et contacts.") % {
        "kind": kind,
        "commune": structure.commune.name,
    }


def report_error(request, page, slug):
    structure = get_structure(slug)
    base_url = page.get_url(request)
    fiche_url = f"{base_url}structures/{structure.slug}/"
    form = ErrorReportForm(request.POST or None)
    if request.method == "POST" and _too_many_reports(request):
        form.add_error(
            None,
            _("Trop de signalements envoyés depuis votre connexion : réessayez dans une heure."),
        )
        context = page.get_context(request)
        context.update(structure=structure, form=form, fiche_url=fiche_url, base_url=base_url)
        return TemplateResponse(request, "repertoire/report_error.html", context, status=429)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam():
            services.report_error(
                structure=structure,
                message=form.cleaned_data["message"],
                reporter_email=form.cleaned_data["reporter_email"],
                fiche_url=public_url(fiche_url),
            )
        messages.success(request, _("Merci ! L'équipe du répertoire va vérifier cette fiche."))
        return redirect(fiche_url)
    context = page.get_context(request)
    context.update(structure=structure, form=form, fiche_url=fiche_url, base_url=base_url)
    return TemplateResponse(request, "repertoire/report_error.html", context)


def _too_many_reports(request):
    return is_rate_limited(
        request, "report-error", limit=settings.REPORT_ERROR_RATE_LIMIT, window=3600
    )
