"""Every refusal is logged once, at WARNING, with identifiers only (issue #14).

`DenialLogMiddleware` is the one place access denials are written: any 403 (a permission
check, CSRF, a decorator) and any 404 on a URL naming an object that a signed-in person
asked for (out of scope reads as not found). A line carries the user id, the URL name and
the object identifiers from the URL (references, numbers, slugs), never a name, an e-mail
or the query string. `upload_refused` writes a refused upload in the same shape, with the
request's user and URL taken from the same middleware.
"""

import contextvars
import logging
from functools import wraps

from django.core.exceptions import ValidationError

from portal import antivirus

logger = logging.getLogger("passerelles.denials")

_current = contextvars.ContextVar("passerelles_denial_request", default=None)


def _who(request):
    user = getattr(request, "user", None)
    return str(user.pk) if user is not None and user.is_authenticated else "anonyme"


def _where(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "-", ""
    objects = ",".join(f"{key}={value}" for key, value in sorted(match.kwargs.items()))
    return match.view_name or "-", objects


def _is_denial(request, status):
    if status == 403:
        return True
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    asked_for_an_object = match is not None and bool(match.kwargs)
    return status == 404 and asked_for_an_object and user is not None and user.is_authenticated


class DenialLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if _is_denial(request, response.status_code):
            url_name, objects = _where(request)
            logger.warning(
                "access denied: status=%s user=%s url=%s objects=%s method=%s",
                response.status_code,
                _who(request),
                url_name,
                objects or "-",
                request.method,
            )
        return response


def upload_refused(what, reason, size):
    """Log a refused upload: what it was for, why (a code), its size; no file name."""
    request = _current.get()
    user, url_name = ("-", "-") if request is None else (_who(request), _where(request)[0])
    logger.warning(
        "upload refused: what=%s reason=%s size=%s user=%s url=%s",
        what,
        reason,
        size,
        user,
        url_name,
    )


def logged_upload_check(what):
    """Decorate an upload check (`check(upload, ...)` raising `ValidationError`): the
    upload is scanned for viruses first when a scanner is configured, and every refusal is
    logged with its error code."""

    def decorate(check):
        @wraps(check)
        def wrapper(upload, *args, **kwargs):
            try:
                antivirus.scan(upload)
                return check(upload, *args, **kwargs)
            except ValidationError as error:
                code = getattr(error, "code", None) or "invalid"
                upload_refused(what, code, getattr(upload, "size", "?"))
                raise

        return wrapper

    return decorate
