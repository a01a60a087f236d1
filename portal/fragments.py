"""Cached HTML fragments of public lists: a card rendered once, then read from the cache.

A list page renders the same cards (an offer, a fiche, a Cartemploi card) for every visitor;
the page cache keeps whole pages only for anonymous visitors without a query string, the
fragments serve every other request (filters, pages, signed-in people). A fragment's key
holds the page cache's generation (`portal.page_cache`: forgotten on any publication and
on any change of `PAGE_CACHE_MODELS`), the interface language and the values the caller
names (the object's key and what varies by request: a distance, "ouvert maintenant"), so
a fragment is never stale longer than a page would be. `FRAGMENT_CACHE_SECONDS` = 0 turns
it off.

In templates: `{% load fragments %}{% fragment "offer-card" offer.pk %}…{% endfragment %}`.
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from portal.page_cache import generation

_PREFIX_ATTRIBUTE = "_fragment_prefix"


def _prefix(request):
    """Generation, host (URLs differ by site) and language: read once per request."""
    if request is None:
        return f"fragment:{generation()}:-:{get_language()}"
    found = getattr(request, _PREFIX_ATTRIBUTE, None)
    if found is None:
        found = f"fragment:{generation()}:{request.get_host()}:{get_language()}"
        setattr(request, _PREFIX_ATTRIBUTE, found)
    return found


def fragment_key(request, name, parts):
    """The parts hashed: any text (a path, "Fermé — ouvre à 9 h") makes a valid key."""
    values = "\x1f".join(str(part) for part in parts).encode()
    return f"{_prefix(request)}:{name}:{hashlib.blake2b(values, digest_size=16).hexdigest()}"


def cached_value(request, name, parts, build):
    """`build()`, computed once per generation, language and `parts` (plain values)."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0:
        return build()
    key = fragment_key(request, name, parts)
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, seconds)
    return found


class FragmentNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context):
        seconds = settings.FRAGMENT_CACHE_SECONDS
        if seconds <= 0:
            return self.nodelist.render(context)
        parts = [part.resolve(context) for part in self.parts]
        key = fragment_key(context.get("request"), self.name, parts)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, seconds)
        return html


def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]}: a name and at least one value")
    name = bits[1].strip("\"'")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return FragmentNode(name, [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
