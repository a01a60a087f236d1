"""What the search templates show, prepared from a `SearchResult`."""

from django.conf import settings
from django.utils.http import urlencode
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from search.registry import labels_for

FACET_LEGENDS = {
    "kind": _("Nature"),
    "themes": _("Thématiques"),
    "types": _("Catégories"),
    "department_code": _("Département"),
    "commune_code": _("Commune"),
}


def query_string(params, **overrides):
    """`params` (a QueryDict) re-encoded with some keys replaced (None removes)."""
    pairs = []
    for key in params:
        if key in overrides:
            continue
        pairs += [(key, value) for value in params.getlist(key)]
    pairs += [(k, v) for k, v in overrides.items() if v is not None]
    return urlencode(pairs)


def facet_groups(facets, filters):
    """One fieldset per facet; values checked but absent from the counts (unknown ones
    typed into the URL) stay listed with 0 so they can be unchecked."""
    groups = []
    for name, counts in facets.items():
        chosen = list(filters.get(name, []))
        values = list(counts) + [(v, 0) for v in chosen if v not in dict(counts)]
        labels = labels_for(name, [v for v, _n in values])
        options = [
            {
                "value": value,
                "label": labels.get(value, value),
                "count": count,
                "checked": value in chosen,
                "id": f"facet-{name}-{index}",
            }
            for index, (value, count) in enumerate(values)
        ]
        if options:
            groups.append(
                {"name": name, "legend": FACET_LEGENDS.get(name, name), "options": options}
            )
    return groups


def page_links(params, result):
    if result.pages <= 1:
        return None
    window = range(max(1, result.page - 2), min(result.pages, result.page + 2) + 1)
    link = lambda n: "?" + query_string(params, page=n)  # noqa: E731
    return {
        "previous": link(result.page - 1) if result.page > 1 else None,
        "next": link(result.page + 1) if result.page < result.pages else None,
        "pages": [{"number": n, "url": link(n), "current": n == result.page} for n in window],
    }


def map_markers(hits):
    """The map twin of the list: the same hits, those that have a point. Titles are indexed
    in French: `lang` says so when the interface is in another language."""
    lang = indexed_language_if_other()
    return [
        {"lat": h.point[0], "lon": h.point[1], "title": h.title, "url": h.url, "rank": index}
        | ({"lang": lang} if lang else {})
        for index, h in enumerate(hits, start=1)
        if h.point
    ]


def indexed_language_if_other():
    """ "fr" (the language documents are indexed in) when the interface shows another, else
    "" — the `lang` of indexed text shown on the page."""
    indexed = settings.LANGUAGE_CODE.split("-")[0]
    return indexed if (get_language() or indexed).split("-")[0] != indexed else ""


def label_hits(hits):
    """Give each hit the label of its kind ("Structures", "Pages"…)."""
    labels = labels_for("kind", {h.kind for h in hits})
    for hit in hits:
        hit.kind_label = labels.get(hit.kind, hit.kind)
    return hits


def localise_hits(hits):
    """Each hit's address in the interface language where the page exists in it (setting
    `SEARCH_SHOWN_URLS`); `hit.url_lang` tells the other language of an address left as
    indexed (French), for `hreflang`."""
    shown = import_string(settings.SEARCH_SHOWN_URLS)([h.url for h in hits if h.url])
    lang = indexed_language_if_other()
    for hit in hits:
        translated = shown.get(hit.url)
        hit.url_lang = lang if not translated else ""
        hit.url = translated or hit.url
    return hits


def did_you_mean(params, suggestions):
    return [
        {"text": text, "url": "?" + query_string(params, q=text, page=None)} for text in suggestions
    ]
