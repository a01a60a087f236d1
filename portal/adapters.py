from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils.module_loading import import_string


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """Network members land on the extranet dashboard; everybody else on the home page.

        The rule lives in the extranet (`PASSERELLES_EXTRANET_GATE`), which `portal` must
        not import: the setting is the wiring.
        """
        next_url = super().get_login_redirect_url(request)
        if next_url != reverse(settings.LOGIN_REDIRECT_URL):
            return next_url
        can_enter = import_string(settings.PASSERELLES_EXTRANET_GATE)
        return next_url if can_enter(request.user) else "/"
