"""`<meta name="description">` of every public page, in the language the page is shown in.

A view or template may say it (`meta_description` in the context, or the template's own
`meta_description` block); else a Wagtail page's search description, introduction or
summary, then the first paragraph of its body; else the site's own description, in the
interface language.
"""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

register = template.Library()

MAX_CHARACTERS = 160
PAGE_FIELDS = ("search_description", "introduction", "summary")


@register.simple_tag(takes_context=True)
def page_description(context):
    """The page's description, at most 160 characters, never empty."""
    text = context.get("meta_description") or _page_text(context.get("page"))
    return shorten(text) or site_description()


def shorten(text):
    return Truncator(" ".join(strip_tags(str(text or "")).split())).chars(MAX_CHARACTERS)


def site_description():
    return _(
        "Passerelles : s'installer, travailler et trouver de l'aide sur le territoire. "
        "Offres, répertoire des structures et réseau d'accueil."
    )


def _page_text(page):
    if page is None:
        return ""
    for name in PAGE_FIELDS:
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return value
    return _first_paragraph(getattr(page, "body", None))


def _first_paragraph(body):
    """The text of the body's first paragraph block (rich text or plain), or ""."""
    for block in body or []:
        if block.block_type in ("paragraph", "p", "text", "rich_text"):
            text = strip_tags(str(getattr(block.value, "source", block.value)))
            if text.strip():
                return text
    return ""
