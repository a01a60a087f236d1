from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from extranet.roles import is_staff_role

# Paths a staff member without TOTP may still reach: enrolment itself, logout, assets.
_ALLOWED_PREFIXES = ("/comptes/", "/static/", "/media/", "/favicon")


class StaffMfaRequiredMiddleware:
    """Send staff-role users to TOTP enrolment until they have an authenticator."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_enrol(request):
            return redirect(reverse("mfa_activate_totp") + f"?next={request.path}")
        return self.get_response(request)

    def _must_enrol(self, request):
        if not getattr(settings, "PASSERELLES_REQUIRE_MFA_FOR_STAFF", True):
            return False
        user = request.user
        if not user.is_authenticated or request.path.startswith(_ALLOWED_PREFIXES):
            return False
        if not is_staff_role(user):
            return False
        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
