"""Places for the search page (setting `SEARCH_RESOLVE_PLACE`): a commune by name or by
INSEE code, and department names for the facet labels."""

import re

from portal.models import Commune, Department

INSEE_RE = re.compile(r"^(\d[0-9AB]\d{3})$", re.IGNORECASE)


def _find_commune(text):
    located = Commune.objects.located().select_related("department")
    if INSEE_RE.match(text):
        return located.filter(insee_code=text.upper()).first()
    exact = located.filter(name__iexact=text).order_by("-population").first()
    return exact or located.search_name(text).first()


def resolve_place(text):
    """(label, latitude, longitude) of the commune the visitor typed, or None.

    "Bourganeuf", "bourganeuf", "23030" and "Bourganeuf (23)" all resolve; an ambiguous
    name picks the most populated commune.
    """
    text = re.sub(r"\s*\(\s*\w{2,3}\s*\)\s*$", "", (text or "").strip())[:120]
    if len(text) < 2:
        return None
    commune = _find_commune(text)
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
