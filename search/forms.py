"""Reading the search page's GET parameters: anything a visitor can type is accepted,
clamped or explained, never an error page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.api import MAX_QUERY_CHARS, MAX_RADIUS_KM, MIN_RADIUS_KM, clamp_radius, truncate

DEFAULT_RADIUS_KM = 20
RADIUS_CHOICES = (5, 10, 20, 50, 100)
FILTER_PARAMS = ("kind", "themes", "types", "department_code")
# The radius is `rayon` on every page; older links and bookmarks said `radius` (or `km`).
RADIUS_PARAM, LEGACY_RADIUS_PARAMS = "rayon", ("radius", "km")


def radius_param(params):
    """The name the radius has in `params` (`rayon` unless only a legacy name is there)."""
    names = (RADIUS_PARAM, *LEGACY_RADIUS_PARAMS)
    return next((name for name in names if name in params), RADIUS_PARAM)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Rechercher"), required=False, strip=True)
    place = forms.CharField(
        label=_("Près de la commune"),
        required=False,
        help_text=_("Nom ou code INSEE, par exemple « Bourganeuf » ou « 23030 »."),
    )
    rayon = forms.CharField(label=_("Dans un rayon de (km)"), required=False)
    page = forms.CharField(required=False)

    def __init__(self, data, **kwargs):
        data = data.copy()
        for key in list(data):  # a NUL byte would make the whole form invalid
            data.setlist(key, [v.replace("\x00", "") for v in data.getlist(key)])
        data.setlist(RADIUS_PARAM, data.getlist(radius_param(data)))
        super().__init__(data, **kwargs)
        self.notices = []

    def clean_q(self):
        text = " ".join(self.cleaned_data["q"].split())
        if len(text) > MAX_QUERY_CHARS:
            self.notices.append(
                _("Votre recherche a été raccourcie à %(n)s caractères.") % {"n": MAX_QUERY_CHARS}
            )
            text = truncate(text)
        return text

    def clean_place(self):
        return " ".join(self.cleaned_data["place"].split())[:120]

    def clean_rayon(self):
        raw = self.cleaned_data["rayon"].strip().replace(",", ".")
        try:
            km = float(raw) if raw else DEFAULT_RADIUS_KM
        except ValueError:
            return DEFAULT_RADIUS_KM
        if km != km or km in (float("inf"), float("-inf")):
            return DEFAULT_RADIUS_KM
        clamped = int(round(clamp_radius(km)))
        if not MIN_RADIUS_KM <= km <= MAX_RADIUS_KM:
            self.notices.append(
                _(
                    "Le rayon doit être compris entre %(min)s et %(max)s km : "
                    "nous avons retenu %(km)s km."
                )
                % {"min": MIN_RADIUS_KM, "max": MAX_RADIUS_KM, "km": clamped}
            )
        return clamped

    def clean_page(self):
        raw = self.cleaned_data["page"].strip()
        return int(raw) if raw.isascii() and raw.isdigit() and 0 < len(raw) < 5 else 1

    def filters(self):
        """The facet values checked, as the search API takes them."""
        return {
            name: self.data.getlist(name)[:20] for name in FILTER_PARAMS if self.data.getlist(name)
        }
