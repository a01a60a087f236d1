"""The language switcher, `hreflang` alternates and the language of the content shown.

The address decides the language (`portal.middleware.UrlLanguageMiddleware`). Only the
public portal (`i18n_patterns` in `portal/urls.py`) has an English address; elsewhere the
switcher is not shown. A Wagtail page switches to its translation, or to the other
language's home page when it has none yet.
"""

from dataclasses import dataclass
from datetime import date

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.models import Page

from portal.languages import interface_language, locale_codes, page_languages, shown_text
from portal.public_url import public_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """[{code, name, url, href, current}] of the current address in each language, or []
    when the address exists in one language only (extranet, accounts, admin). `href` is the
    address on the public base URL (`SITE_URL`), never the request's Host: `hreflang`
    alternates are read by search engines away from the page."""
    request = context.get("request")
    if request is None:
        return []
    path = request.get_full_path()
    current = interface_language()
    translated = _translated_languages(context.get("page"))
    versions = []
    for language, name in settings.LANGUAGES:
        code = language.split("-")[0]
        url = path if code == current else translate_url(path, language)
        if url != path and translated is not None and code not in translated:
            url = translate_url("/", language)
        versions.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "href": public_url(url),
                "current": code == current,
            }
        )
    if len({version["url"] for version in versions}) < len(versions):
        return []
    return versions


def _translated_languages(page):
    """Languages the page exists in (live), or None when the view is no Wagtail page."""
    if not isinstance(page, Page):
        return None
    return page_languages(page)


@register.simple_tag(takes_context=True)
def content_lang(context, page=None):
    """` lang="fr"` where the page's text is in another language than the interface (an
    English address listing a French page), else nothing."""
    page = page or context.get("page")
    if page is None or not hasattr(page, "locale_id"):
        return ""
    shown = locale_codes(context.get("request")).get(page.locale_id, settings.LANGUAGE_CODE)
    return _lang_attribute(shown)


@register.simple_tag
def french_text():
    """` lang="fr"` on text only written in French (a structure's description, a service's
    conditions) when the interface is in another language."""
    return _lang_attribute(settings.LANGUAGE_CODE)


def _lang_attribute(language):
    code = language.split("-")[0]
    return "" if code == interface_language() else format_html(' lang="{}"', code)


@register.filter
def shown_label(label):
    """A French label kept as text (a choice's label frozen into a public copy, such as a
    Cartemploi card) in the interface language, through the catalogue; unchanged in French
    or when the catalogue has no such entry."""
    return gettext(label) if label else label


@register.filter
def shown_date(value):
    """An ISO date kept as text (a date frozen into a public copy) as people read it in the
    interface language: "2 mars 2027", "2 March 2027"; unchanged when it is not a date."""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    return date_format(day, "j F Y")


@dataclass(frozen=True)
class ShownText:
    """A free text as shown: `text`, its `lang` attribute (` lang="fr"` when it differs
    from the interface, else "") and its non-empty `lines` (one idea per line in FALC)."""

    text: str
    lang: str

    def __str__(self):
        return self.text

    @property
    def lines(self):
        return [line.strip() for line in self.text.splitlines() if line.strip()]


@register.simple_tag
def in_language(obj, name):
    """`{% in_language structure "summary" as summary %}`: the English text of a fiche's
    field on the English site when written, else the French, with its `lang` attribute."""
    text, language = shown_text(obj, name)
    return ShownText(text, _lang_attribute(language))
