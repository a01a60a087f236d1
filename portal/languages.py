"""Languages of the public portal: French (default, unprefixed addresses) and English (/en/).

The address decides the interface language (`portal.middleware.UrlLanguageMiddleware`).
Pages are translated with wagtail-localize; until a page is translated it exists in French
only, and lists keep to the pages of the language shown (`in_language`).
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_unpublished


def interface_language():
    """ "fr" or "en": the language of the interface now."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def french_free_text():
    """ "fr" when the interface is in another language, else "": the `lang` of text only
    written in French (an event's title, a place's name) shown in a map's pop-up."""
    return "" if interface_language() == "fr" else "fr"


# The language a person reads their e-mails in, stored with what they asked for (an event
# registration, a booking request): the language of the address they used.
PERSON_LANGUAGES = [("fr", _("français")), ("en", _("anglais"))]


def speaking(code):
    """`with speaking(registration.language):` renders (text, dates, addresses made by
    `reverse`) in the language stored as "fr" or "en"; anything else is French."""
    full = {language.split("-")[0]: language for language, _name in settings.LANGUAGES}
    return translation.override(full.get(code, settings.LANGUAGE_CODE))


def locale_codes(request=None):
    """{locale id: language code}, read once per request."""
    codes = getattr(request, "_passerelles_locale_codes", None)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        if request is not None:
            request._passerelles_locale_codes = codes
    return codes


def originals(queryset):
    """Only the pages in the default language (French): one entry per translated page in
    the search index, the booklet, staff choices and the demo."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return queryset.filter(locale__language_code=default)


def shown_text(obj, name):
    """(text, language code) of `obj.<name>`, a free text written in French that may have
    an English twin `<name>_en`: the English on the English site when written, else the
    French."""
    if interface_language() == "en":
        english = getattr(obj, f"{name}_en", "") or ""
        if english.strip():
            return english, "en"
    return getattr(obj, name, "") or "", "fr"


LANGUAGES_KEY = "portal:page-languages:{key}"


def page_languages(page):
    """{"fr", "en"…}: the languages a page is live in, kept in the cache (the switcher asks
    on every page) and forgotten when one of its versions is published or unpublished."""
    key = LANGUAGES_KEY.format(key=page.translation_key)
    languages = cache.get(key)
    if languages is None:
        versions = Page.objects.filter(translation_key=page.translation_key).live()
        codes = versions.values_list("locale__language_code", flat=True)
        languages = {code.split("-")[0] for code in codes}
        cache.set(key, languages, None)
    return languages


def forget_page_languages(sender=None, instance=None, **kwargs):
    if instance is not None:
        cache.delete(LANGUAGES_KEY.format(key=instance.translation_key))


def connect():
    """Called from `PortalConfig.ready()`."""
    for signal in (page_published, page_unpublished):
        signal.connect(forget_page_languages, dispatch_uid=f"portal-languages-{signal}")
    post_delete.connect(forget_page_languages, sender=Page, dispatch_uid="portal-languages-delete")
