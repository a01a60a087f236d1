"""Security middleware: private responses and admin CSP, idle sign-out."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"


class PrivateResponseMiddleware:
    """What a signed-in person sees is never stored by a browser or a proxy cache.

    Every response to an authenticated request (extranet pages, candidate exports, account
    pages) gets `Cache-Control: no-store, private`: a shared computer's back button or a
    reverse proxy must not replay someone's candidates. Wagtail's admin keeps a Content
    Security Policy of its own (it needs inline scripts); the site's policy is strict.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
            response.headers.pop("Expires", None)
        if request.path.startswith(ADMIN_PREFIX):
            response._csp_config = settings.PASSERELLES_ADMIN_CSP
        return response


class IdleSessionTimeoutMiddleware:
    """Sign out a session left idle longer than `SESSION_IDLE_TIMEOUT` seconds.

    The session cookie lives two weeks at most; a social worker who walks away from a shared
    computer must not leave candidates open for that long. The last activity is written at
    most once a minute, so ordinary pages do not pay a session write each.
    """

    touch_every = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get("last_seen", now)
            if now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                messages.info(request, _("Votre session a expiré après une période d’inactivité."))
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= self.touch_every or "last_seen" not in request.session:
                request.session["last_seen"] = now
        return self.get_response(request)
