"""The regional admin's page for requests about personal data (access, erasure)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem

from extranet.perms import can_handle_personal_data_requests
from extranet.privacy import subject
from extranet.privacy.forms import SubjectRequestForm


def subject_request(request):
    if not can_handle_personal_data_requests(request.user):
        raise PermissionDenied
    form = SubjectRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if form.cleaned_data["action"] == SubjectRequestForm.EXPORT:
            return export_response(email, request.user)
        found = subject.erase(email=email, actor=request.user)
        messages.success(
            request,
            _("%(count)d dossier(s) anonymisé(s) pour cette adresse.")
            % {"count": len(found.roots)},
        )
        return redirect("extranet_privacy_requests")
    return TemplateResponse(request, "extranet/privacy/subject_request.html", {"form": form})


def export_response(email, actor):
    _found, data = subject.export_zip(email=email, actor=actor)
    response = HttpResponse(data, content_type="application/zip")
    name = f"donnees-personnelles-{timezone.localdate():%Y%m%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


class SubjectRequestMenuItem(MenuItem):
    def is_shown(self, request):
        return can_handle_personal_data_requests(request.user)


def menu_item():
    return SubjectRequestMenuItem(
        gettext_lazy("Données personnelles"),
        reverse("extranet_privacy_requests"),
        icon_name="lock",
        order=260,
    )
