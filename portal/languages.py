"""Languages of the public portal: French (default, unprefixed addresses) and English (/en/).

The address decides the interface language (`portal.middleware.UrlLanguageMiddleware`).
Pages are translated with wagtail-localize; until a page is translated it exists in French
only, and lists keep to the pages of the language shown (`in_language`).
"""

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale


def interface_language():
    """ "fr" or "en": the language of the interface now."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


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
