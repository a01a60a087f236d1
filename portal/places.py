"""Communes as people type them, for every form and filter of every app.

- `resolve_commune` (strict): the one commune meant, or a French error naming the
  candidates. For what is stored (a newcomer's project, a referral, a profile, an offer).
- `find_commune` (lenient): the most populated located commune matching, or None. For
  filters and the search page (setting `SEARCH_RESOLVE_PLACE` → `resolve_place`).
- `CommuneField` + `CommuneInput`: either of them in a form.
- `CommuneRadiusForm`: "around this commune, within `rayon` km", the base of the offer,
  répertoire and Cartemploi filters. Older links' `km` and `radius` are still read.

Both resolvers read the same things: "Guéret", "guéret", "Guéret (23)", an INSEE code
("23096", "2A004") or a postal code ("23000").
"""

import difflib
import re
import unicodedata

from django import forms
from django.db.models import Case, Q, Value, When
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from portal.models import Commune, Department

MAX_CHARS = 120
CODE_RE = re.compile(r"^\d[0-9AB]\d{3}$", re.IGNORECASE)
WITH_DEPARTMENT_RE = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<dept>\w{2,3})\s*\)$")
ACCENTED = {"e": "éèê", "a": "àâ", "i": "î", "o": "ô", "u": "û"}
STRICT_CANDIDATES = 6
DEFAULT_RADIUS_KM = 20
RADIUS_CHOICES = [(5, "5 km"), (10, "10 km"), (20, "20 km"), (50, "50 km")]
ERROR_MESSAGES = {
    "unknown": _(
        "Commune inconnue : « %(text)s ». Vérifiez l'orthographe ou saisissez son code postal."
    ),
    "unknown_suggest": _("Nous ne connaissons pas cette commune. Vouliez-vous dire : %(names)s ?"),
    "ambiguous": _("Plusieurs communes correspondent : %(names)s. Précisez le département."),
}


def _normalise(text):
    return " ".join((text or "").split())[:MAX_CHARS]


def _matches(communes, text):
    """Communes matching exactly, biggest first: by name (within a department when it is
    given in brackets), or by INSEE or postal code."""
    match = WITH_DEPARTMENT_RE.match(text)
    if match:
        found = communes.filter(name__iexact=match["name"], department_id=match["dept"].upper())
    elif CODE_RE.match(text):
        code = text.upper()
        found = communes.filter(Q(insee_code=code) | Q(postal_codes__contains=code))
        # The commune of an INSEE code before those sharing it as postal code.
        first = Case(When(insee_code=code, then=Value(0)), default=Value(1))
        return found.order_by(first, "-population")
    else:
        found = communes.filter(name__iexact=text)
    return found.order_by("-population")


def resolve_commune(text, messages=None):
    """The one `Commune` meant by what was typed; a ValidationError (in French, with the
    communes it could be or the names it resembles) when none or several match.

    An exact INSEE code wins over communes sharing it as postal code."""
    messages = messages or ERROR_MESSAGES
    text = _normalise(text)
    found = list(_matches(Commune.objects.all(), text)[:STRICT_CANDIDATES])
    if len(found) == 1 or (found and found[0].insee_code == text.upper()):
        return found[0]
    if found:
        names = ", ".join(str(commune) for commune in found)
        raise forms.ValidationError(messages["ambiguous"] % {"names": names}, code="ambiguous")
    raise unknown_commune_error(text, messages)


def find_commune(text):
    """The most populated located commune matching what was typed, or None; a name may
    also be the start or a part of the commune's name ("Saint-Fi" → Saint-Fiel)."""
    text = _normalise(text)
    if len(text) < 2:
        return None
    communes = Commune.objects.located().select_related("department")
    found = _matches(communes, text).first()
    if found is not None or CODE_RE.match(text) or WITH_DEPARTMENT_RE.match(text):
        return found
    starts_first = Case(When(name__istartswith=text, then=Value(0)), default=Value(1))
    return communes.search_name(text).order_by(starts_first, "-population").first()


def _plain(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def commune_suggestions(text, limit=5):
    """Names close to what was typed, accents and hyphens forgiven ("Gueret" → Guéret)."""
    match = WITH_DEPARTMENT_RE.match(text)
    plain = _plain(match["name"] if match else text)
    if not plain:
        return []
    starts = Q()
    for letter in plain[0] + ACCENTED.get(plain[0], ""):
        starts |= Q(name__istartswith=letter)
    rows = Commune.objects.filter(starts).values_list("name", "department_id", "population")
    by_plain = {}
    for name, dept, population in rows:
        by_plain.setdefault(_plain(name), []).append((population or 0, f"{name} ({dept})"))
    close = difflib.get_close_matches(plain, list(by_plain), n=limit, cutoff=0.75)
    labels = []
    for key in close:
        labels.extend(label for _pop, label in sorted(by_plain[key], reverse=True))
    return labels[:limit]


def unknown_commune_error(text, messages=None):
    """ "We do not know this commune", with the names it resembles when there are some."""
    messages = messages or ERROR_MESSAGES
    suggestions = commune_suggestions(text)
    if suggestions:
        message = messages["unknown_suggest"] % {"names": ", ".join(suggestions)}
    else:
        message = messages["unknown"] % {"text": text}
    return forms.ValidationError(message, code="unknown")


def resolve_place(text):
    """(label, latitude, longitude) of the commune typed on the search page, or None."""
    commune = find_commune(text)
    if commune is None:
        return None
    return (str(commune), commune.latitude, commune.longitude)


def commune_labels(codes):
    """{insee code: "Guéret"} for the commune facet and the nearby-communes suggestion."""
    rows = Commune.objects.filter(insee_code__in=list(codes)).values_list("insee_code", "name")
    return dict(rows)


def department_labels(codes):
    """{code: "Creuse (23)"} for the department facet."""
    return {d.code: str(d) for d in Department.objects.filter(code__in=list(codes))}


class CommuneInput(forms.TextInput):
    """A text input for a commune; `datalist` names a <datalist> of known names to offer
    while typing (the browser's own history is then switched off, it would hide them)."""

    def __init__(self, attrs=None, datalist=None):
        attrs = dict(attrs or {})
        if datalist:
            attrs.update(list=datalist, autocomplete="off")
        super().__init__(attrs)


class CommuneField(forms.CharField):
    """A commune typed by name or code, cleaned to a `Commune` (None when left empty).

    Strict by default (several communes match → the person chooses); `lenient=True` takes
    the most populated located match, as filters do. Messages can be reworded per form with
    `error_messages` (keys `unknown`, `unknown_suggest`, `ambiguous`)."""

    widget = CommuneInput
    default_error_messages = ERROR_MESSAGES

    def __init__(self, *, lenient=False, **kwargs):
        kwargs.setdefault("max_length", MAX_CHARS)
        self.lenient = lenient
        super().__init__(**kwargs)

    def prepare_value(self, value):
        """A chosen commune shows as "Guéret (23)", which reads back to the same one."""
        return str(value) if isinstance(value, Commune) else value

    def clean(self, value):
        text = _normalise(super().clean(value))
        if not text:
            return None
        if not self.lenient:
            return resolve_commune(text, self.error_messages)
        commune = find_commune(text)
        if commune is None:
            raise unknown_commune_error(text, self.error_messages)
        return commune


class CommuneChoiceField(forms.ModelChoiceField):
    """The form field of a ForeignKey to `Commune`: typed as text (name, "Bellac (87)",
    INSEE or postal code) with the strict resolver, never a select of every commune.
    Models use it through `formfield(form_class=CommuneChoiceField)`."""

    widget = CommuneInput
    default_error_messages = {**forms.ModelChoiceField.default_error_messages, **ERROR_MESSAGES}

    def __init__(self, queryset=None, **kwargs):
        kwargs.pop("limit_choices_to", None)
        kwargs.pop("to_field_name", None)
        super().__init__(queryset=Commune.objects.all(), **kwargs)

    def prepare_value(self, value):
        if isinstance(value, Commune):
            return str(value)
        if value and isinstance(value, str) and CODE_RE.match(value):
            commune = Commune.objects.filter(pk=value).first()
            return str(commune) if commune else value
        return value

    def to_python(self, value):
        text = _normalise(value or "")
        if not text:
            return None
        return resolve_commune(text, self.error_messages)

    def has_changed(self, initial, data):
        return str(self.prepare_value(initial) or "") != (data or "").strip()


class CommuneRadiusForm(forms.Form):
    """Around a commune, within a radius: the base of every "commune + radius" filter.

    The radius is read from `rayon`; `km` and `radius`, its names in older links and
    bookmarks, are still read when `rayon` is absent. Subclasses reword the fields and
    choose the radii; `around()` gives the communes in the circle."""

    LEGACY_RADIUS_NAMES = ("km", "radius")
    default_radius_km = DEFAULT_RADIUS_KM

    commune = CommuneField(lenient=True, label=_("Commune"), required=False)
    rayon = forms.TypedChoiceField(
        label=_("Dans un rayon de"),
        choices=RADIUS_CHOICES,
        coerce=int,
        required=False,
        empty_value=DEFAULT_RADIUS_KM,
        initial=DEFAULT_RADIUS_KM,
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(with_radius_alias(data, self.LEGACY_RADIUS_NAMES), *args, **kwargs)

    def around(self):
        """Communes within the radius of the chosen one, nearest first, each with
        `.distance_km` (only the commune itself for a radius of 0; [] without one)."""
        commune = self.cleaned_data.get("commune") if self.is_valid() else None
        if commune is None:
            return []
        km = self.cleaned_data.get("rayon")
        km = self.default_radius_km if km is None else km
        if not km:
            commune.distance_km = 0.0
            return [commune]
        return Commune.objects.near(commune.latitude, commune.longitude, km)


def with_radius_alias(data, legacy_names):
    """`data` with the radius under `rayon` when only a legacy name carries it."""
    legacy = next((name for name in legacy_names if name in (data or ())), None)
    if legacy is None or "rayon" in data:
        return data
    data = data.copy()
    if isinstance(data, MultiValueDict):
        data.setlist("rayon", data.getlist(legacy))
    else:
        data["rayon"] = data[legacy]
    del data[legacy]
    return data
