"""Request id: one identifier per request, echoed in logs, audit rows and the response.

Imported by the logging configuration before the apps are ready: no model import here."""

import contextvars
import logging
import re
import uuid

_request_id = contextvars.ContextVar("request_id", default=None)
_VALID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def current_request_id():
    return _request_id.get()


def _trust_incoming():
    from django.conf import settings

    return settings.TRUST_REQUEST_ID_HEADER


class RequestIdMiddleware:
    header = "X-Request-ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A client could write any id into audit rows: only a proxy we trust may set it.
        incoming = request.headers.get(self.header, "") if _trust_incoming() else ""
        request.id = incoming if _VALID.match(incoming) else uuid.uuid4().hex
        token = _request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[self.header] = request.id
        return response


class RequestIdLogFilter(logging.Filter):
    def filter(self, record):
        record.request_id = current_request_id() or "-"
        return True


class UrlLanguageMiddleware:
    """The address alone decides the language: `/en/…` is English, every other address is
    French. Neither the browser's Accept-Language nor a cookie turns a French address into a
    half-translated page (Django's LocaleMiddleware would, outside `i18n_patterns`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        language = translation.get_language_from_path(request.path_info)
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
