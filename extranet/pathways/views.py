"""Fiches parcours: list, write (new or edit), read, PDF, e-mail to the person.

Reads go through `Pathway.objects.visible_to(user)` (out of scope → 404) and are audited.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from extranet import audit
from extranet.decorators import member_required
from extranet.enums import AuditAction
from extranet.models import Pathway, PathwayContact, Referral
from extranet.pathways import services
from extranet.pathways.forms import ContactFormSet, PathwayForm, StepFormSet
from extranet.pathways.paper import EASY, pathway_context, pathway_pdf_response
from extranet.pathways.perms import author_structures, can_write
from extranet.privacy.sensitive import pathways_flagged
from extranet.thematiques import thematique_groups
from portal.public_url import public_url


def visible(user):
    contacts = PathwayContact.objects.select_related("structure__commune", "service")
    return (
        pathways_flagged(Pathway.objects.visible_to(user), user)
        .select_related("structure", "author")
        .prefetch_related(
            Prefetch("contacts", contacts.prefetch_related("structure__themes")), "steps"
        )
    )


def get_visible(user, reference):
    return get_object_or_404(visible(user), reference=reference)


@require_GET
@member_required
def pathway_list(request):
    pathways = Pathway.objects.visible_to(request.user).select_related("structure", "author")[:100]
    return render(
        request,
        "extranet/pathways/pathway_list.html",
        {"pathways": pathways, "can_write": can_write(request.user)},
    )


def _initial_from_referral(user, reference):
    referral = Referral.objects.visible_to(user).filter(reference=reference).first()
    if referral is None:
        return None, {}, []
    initial = {
        "person_first_name": referral.person_first_name,
        "person_last_name": referral.person_last_name,
        "person_email": referral.person_email,
        "thematiques": list(referral.thematiques),
    }
    contacts = [{"structure": referral.target_structure_id, "service": referral.target_service_id}]
    return referral, initial, contacts


def _forms(request, pathway, initial=None, contacts=None):
    data = request.POST if request.method == "POST" else None
    form = PathwayForm(
        data, instance=pathway, initial=initial, structures=author_structures(request.user)
    )
    contact_set = ContactFormSet(data, instance=pathway, prefix="contacts", initial=contacts)
    step_set = StepFormSet(data, instance=pathway, prefix="steps")
    return form, contact_set, step_set


def _kept(formset):
    return [
        f.cleaned_data
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.has_changed()
    ]


def _save(request, form, contact_set, step_set):
    pathway = form.save(commit=False)
    pathway.structure = form.cleaned_data["structure"]
    pathway.thematiques = form.cleaned_data["thematiques"]
    contacts = [
        (c["structure"], c.get("service"), c["what_for"])
        for c in _kept(contact_set)
        if c.get("structure")
    ]
    steps = [(s["text"], s.get("due_on")) for s in _kept(step_set) if s.get("text")]
    return services.save_pathway(
        actor=request.user,
        pathway=pathway,
        contacts=contacts,
        steps=steps,
        email_consent=form.cleaned_data["email_consent"],
    )


def _write(request, pathway, initial=None, contacts=None):
    form, contact_set, step_set = _forms(request, pathway, initial, contacts)
    if request.method == "POST" and all(
        [form.is_valid(), contact_set.is_valid(), step_set.is_valid()]
    ):
        saved = _save(request, form, contact_set, step_set)
        messages.success(
            request, _("Fiche parcours %(ref)s enregistrée.") % {"ref": saved.reference}
        )
        return redirect("extranet:pathway_detail", saved.reference)
    context = {
        "form": form,
        "contact_set": contact_set,
        "step_set": step_set,
        "thematique_groups": thematique_groups(form["thematiques"]),
        "pathway": pathway if pathway.pk else None,
    }
    return render(request, "extranet/pathways/pathway_form.html", context)


@require_http_methods(["GET", "POST"])
@member_required
def pathway_create(request):
    if not can_write(request.user):
        raise PermissionDenied
    referral, initial, contacts = _initial_from_referral(request.user, request.GET.get("referral"))
    pathway = Pathway(referral=referral)
    return _write(request, pathway, initial, contacts)


@require_http_methods(["GET", "POST"])
@member_required
def pathway_edit(request, reference):
    pathway = get_visible(request.user, reference)
    if not pathway.reads_sensitive:  # the form holds the situation: its writers only
        raise PermissionDenied
    return _write(request, pathway)


@require_GET
@member_required
def pathway_detail(request, reference):
    pathway = get_visible(request.user, reference)
    audit.record(actor=request.user, action=AuditAction.READ, obj=pathway, reason="fiche parcours")
    context = pathway_context(pathway, site_url=public_url("/"))
    return render(request, "extranet/pathways/pathway_detail.html", context)


@require_GET
@member_required
def pathway_pdf(request, reference):
    """The PDF to print, in the pathway's language; `?version=facile`: easy to read."""
    pathway = get_visible(request.user, reference)
    version = EASY if request.GET.get("version") == EASY else ""
    reason = "PDF facile à lire" if version else "PDF"
    audit.record(actor=request.user, action=AuditAction.EXPORT, obj=pathway, reason=reason)
    return pathway_pdf_response(pathway, site_url=public_url("/"), version=version)


@member_required
@require_http_methods(["POST"])
def pathway_email(request, reference):
    pathway = get_visible(request.user, reference)
    with translation.override(pathway.language):  # hours and dates in the person's language
        context = pathway_context(pathway) | {"show_sensitive": True}
    try:
        services.email_to_person(actor=request.user, pathway=pathway, context=context)
    except services.PathwayError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Fiche envoyée à %(email)s.") % {"email": pathway.person_email})
    return redirect("extranet:pathway_detail", reference)
