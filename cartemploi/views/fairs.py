"""Advisors choose the companies attending their structure's job fairs."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from cartemploi.models import CompanyProfile, FairCompany
from cartemploi.views.advisor import advisor_required
from repertoire.events.enums import EventKind
from repertoire.models import Event


def my_fairs(user):
    """Upcoming job fairs of the advisor's structures."""
    return (
        Event.objects.managed_by(user)
        .filter(kind=EventKind.JOB_FAIR, end__gte=timezone.now())
        .select_related("commune")
        .order_by("start", "pk")
    )


class FairCompaniesForm(forms.Form):
    companies = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Entreprises présentes"),
        queryset=CompanyProfile.objects.published().order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("Seules les entreprises validées sur Cartemploi sont proposées."),
    )


@advisor_required
@require_GET
def fair_list(request):
    return render(
        request, "cartemploi/advisor/fairs.html", {"fairs": list(my_fairs(request.user)[:50])}
    )


@advisor_required
@require_http_methods(["GET", "POST"])
def fair_companies(request, slug):
    fair = get_object_or_404(my_fairs(request.user), slug=slug)
    attending = CompanyProfile.objects.filter(fairs__event=fair)
    data = request.POST if request.method == "POST" else None  # none ticked: an empty POST
    form = FairCompaniesForm(data, initial={"companies": list(attending)})
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["companies"])
        with transaction.atomic():
            FairCompany.objects.filter(event=fair).exclude(company__in=chosen).delete()
            for company in chosen:
                FairCompany.objects.get_or_create(event=fair, company=company)
        messages.success(request, _("Entreprises présentes enregistrées."))
        return redirect("cartemploi:fair_list")
    return render(request, "cartemploi/advisor/fair_companies.html", {"fair": fair, "form": form})
