"""Filters, sort and pagination of the public offer list (and of its map twin).

Everything is done by the database in a constant number of queries: the radius filter keeps
the offers whose commune lies within the circle (communes computed once, see
`Commune.objects.near`), and "nearest first" orders by an equirectangular distance that
SQLite and PostgreSQL both compute.
"""

import math

from django import forms
from django.db.models import F
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _

from portal.fragments import cached_value
from portal.models.offers import OfferType
from portal.pagination import paginate
from portal.places import DEFAULT_RADIUS_KM, CommuneField, CommuneRadiusForm
from search.geo import KM_PER_DEGREE_LAT, bounding_box

PAGE_SIZE = 20
# What a card and a map marker read of an offer (a page has ~40 columns, the body among them).
LISTED_FIELDS = (
    "id", "title", "slug", "url_path", "path", "depth", "locale", "live", "content_type",
    "translation_key", "first_published_at", "offer_type", "summary", "commune",
    "valid_from", "valid_until", "latitude", "longitude",
)  # fmt: skip
SORT_CHOICES = [
    ("recent", _("Les plus récentes")),
    ("ending", _("Fin de validité proche")),
    ("title", _("Titre (A → Z)")),
    ("near", _("Les plus proches de la commune")),
]


class OfferFilterForm(CommuneRadiusForm):
    type = forms.MultipleChoiceField(
        label=_("Type d'offre"),
        choices=OfferType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    departement = forms.ChoiceField(label=_("Département"), required=False)
    epci = forms.ChoiceField(label=_("Intercommunalité"), required=False)
    commune = CommuneField(
        lenient=True,
        label=_("Commune"),
        required=False,
        help_text=_("Nom ou code postal, par exemple « Guéret » ou « 23000 »."),
        error_messages={"unknown": _("Nous ne trouvons pas cette commune.")},
    )
    tri = forms.ChoiceField(label=_("Trier par"), choices=SORT_CHOICES, required=False)

    field_order = ["type", "departement", "epci", "commune", "rayon", "tri"]

    def __init__(self, *args, places=(), **kwargs):
        """`places`: (department, its name, EPCI, its name) of the offers (`offer_places`)."""
        super().__init__(*args, **kwargs)
        departments = sorted({(d, f"{name} ({d})") for d, name, _e, _n in places})
        epcis = sorted({(e, name) for _d, _dn, e, name in places if e}, key=lambda c: c[1])
        self.fields["departement"].choices = [("", _("Tous"))] + departments
        self.fields["epci"].choices = [("", _("Toutes"))] + epcis


def offer_places(offers):
    """The territories that hold offers, for both lists, from one query."""
    return set(
        offers.order_by()
        .values_list(
            "commune__department", "commune__department__name",
            "commune__epci", "commune__epci__name",
        )
        .distinct()
    )  # fmt: skip


def filter_offers(offers, data):
    """Apply cleaned filter data to a queryset of current offers."""
    if data.get("type"):
        offers = offers.of_type(*data["type"])
    if data.get("departement"):
        offers = offers.filter(commune__department=data["departement"])
    if data.get("epci"):
        offers = offers.filter(commune__epci=data["epci"])
    commune = data.get("commune")
    if commune:
        offers = within(offers, commune, data.get("rayon") or DEFAULT_RADIUS_KM)
    return sort_offers(offers, data.get("tri") or "recent", commune)


def within(offers, commune, km):
    """Offers whose commune lies within `km` of `commune`, each with `distance2`.

    The bounding box lets the database use the commune point index; the circle test uses an
    equirectangular distance (error far below 1 % at a few dozen kilometres).
    """
    min_lat, max_lat, min_lon, max_lon = bounding_box(commune.latitude, commune.longitude, km)
    scale = math.cos(math.radians(commune.latitude))
    dlat = F("commune__latitude") - commune.latitude
    dlon = (F("commune__longitude") - commune.longitude) * scale
    return (
        offers.filter(
            commune__latitude__range=(min_lat, max_lat),
            commune__longitude__range=(min_lon, max_lon),
        )
        .alias(distance2=dlat * dlat + dlon * dlon)
        .filter(distance2__lte=(km / KM_PER_DEGREE_LAT) ** 2)
    )


def sort_offers(offers, sort, commune=None):
    if sort == "near" and commune:
        return offers.order_by("distance2", "pk")
    # Ties broken on the page's own id (= pk), in the table of the first key: PostgreSQL
    # then reads the first page from the `first_published_at` index (a key of the other
    # table made it sort every offer).
    orderings = {
        "ending": ("valid_until", "pk"),
        "title": ("title", "id"),
    }
    return offers.order_by(*orderings.get(sort, ("-first_published_at", "-id")))


def map_points(offers, request=None):
    """JSON-ready markers for the map twin of the listed offers."""
    points = []
    for offer in offers:
        point = offer.point
        if point:
            points.append(
                {
                    "title": offer.title,
                    "url": offer.get_url(request),
                    "type": offer.get_offer_type_display(),
                    "commune": offer.commune.name,
                    "lat": point[0],
                    "lon": point[1],
                }
            )
    return points


def offer_list_context(request, offers):
    """Context of the public offer list: form, page of offers, map markers."""
    offers = offers.current()
    listed = offers.select_related("commune").only(
        *LISTED_FIELDS,
        *(f"commune__{name}" for name in ("name", "department", "latitude", "longitude")),
    )
    # Current offers change with publications (a new generation) and with the date.
    places = cached_value(
        request, "offer-places", [request.path, localdate()], lambda: offer_places(offers)
    )
    form = OfferFilterForm(request.GET or None, places=places)
    data = form.cleaned_data if form.is_valid() else {}
    filtered = filter_offers(listed, data)
    query = request.GET.copy()
    query.pop("page", None)
    # The count of an unchanged list is kept with its fragments (publications start a new
    # generation; validity dates move with the day): at 10k offers it was most of the SQL.
    total = cached_value(
        request, "offer-count", [request.path, query.urlencode(), localdate()], filtered.count
    )
    page = paginate(filtered, request.GET.get("page"), PAGE_SIZE, total=total)
    shown = [offer.pk for offer in page.object_list]
    return {
        "filter_form": form,
        "offers_page": page,
        "offer_points": cached_value(
            request, "offer-points", shown, lambda: map_points(page.object_list, request)
        ),
        "filter_query": query.urlencode(),
        "is_filtered": bool(data and any(data.get(k) for k in ("type", "departement", "epci"))),
    }
