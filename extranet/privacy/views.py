"""Self-service account deletion for young people, companies and newcomers."""

from allauth.account.forms import ReauthenticateForm
from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from extranet import audit
from extranet.enums import AuditAction
from extranet.perms import can_delete_own_account
from extranet.privacy.anonymise import anonymise_user


@require_http_methods(["GET", "POST"])
def delete_account(request):
    """Asks the password again, then anonymises the account, its Cartemploi profile and
    messages, and signs the person out. Network professionals ask their structure."""
    user = request.user
    if not can_delete_own_account(user):
        raise Http404
    form = ReauthenticateForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        anonymise_user(user)
        audit.record(
            actor=user, action=AuditAction.ANONYMISE, obj=user, reason="Suppression du compte"
        )
        logout(request)
        messages.success(request, _("Votre compte est supprimé. Au revoir !"))
        return redirect("/")
    return TemplateResponse(request, "account/delete_account.html", {"form": form})
