"""The partner directory: every partner structure, its identity fiche and its members.

Partners' professional contact details are shared with the whole network on purpose (that is
what an annuaire is for); each member manages their own (phone, job title).
"""

from django import forms
from django.contrib import messages
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from extranet.decorators import member_required
from extranet.models import Membership
from portal.pagination import paginate_uncounted
from repertoire.models import Structure

PAGE_SIZE = 25


def _active_members(**conditions):
    return Membership.objects.filter(structure=OuterRef("pk"), is_active=True, **conditions)


def partners():
    """Structures with at least one active member: the network's partners (a semi-join,
    not a join made distinct: the planner stops at the page's last row)."""
    return Structure.objects.filter(Exists(_active_members()))


def _member_count():
    """Active members of the row's structure, counted for the rows shown only."""
    counted = _active_members().order_by().values("structure").annotate(n=Count("pk")).values("n")
    return Subquery(counted)


@require_GET
@member_required
def directory(request):
    query = (request.GET.get("q") or "").strip()[:100]
    structures = partners().select_related("commune").annotate(members=_member_count())
    if query:
        structures = structures.filter(
            Q(name__icontains=query)
            | Q(commune__name__icontains=query)
            | Exists(_active_members(user__last_name__icontains=query))
            | Q(summary__icontains=query)
        )
    page = paginate_uncounted(structures.order_by("name"), request.GET.get("page"), PAGE_SIZE)
    context = {"page_obj": page, "q": query, "query": f"q={query}" if query else ""}
    return render(request, "extranet/directory/directory.html", context)


@require_GET
@member_required
def directory_structure(request, slug):
    members = Membership.objects.active().select_related("user").order_by("user__last_name")
    structure = get_object_or_404(
        partners()
        .select_related("commune")
        .prefetch_related(Prefetch("memberships", members, to_attr="active_members"), "themes"),
        slug=slug,
    )
    return render(request, "extranet/directory/structure.html", {"structure": structure})


class ContactForm(forms.Form):
    phone = forms.CharField(
        label=gettext_lazy("Téléphone professionnel"), max_length=30, required=False
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        for membership in memberships:
            self.fields[f"job_title_{membership.pk}"] = forms.CharField(
                label=_("Fonction à %(structure)s") % {"structure": membership.structure},
                max_length=120,
                required=False,
                initial=membership.job_title,
            )


@require_http_methods(["GET", "POST"])
@member_required
def my_contact(request):
    memberships = list(
        Membership.objects.active().filter(user=request.user).select_related("structure")
    )
    form = ContactForm(
        request.POST or None, memberships=memberships, initial={"phone": request.user.phone}
    )
    if request.method == "POST" and form.is_valid():
        request.user.phone = form.cleaned_data["phone"]
        request.user.save(update_fields=["phone"])
        for membership in memberships:
            membership.job_title = form.cleaned_data[f"job_title_{membership.pk}"]
            membership.save(update_fields=["job_title"])
        messages.success(request, _("Vos coordonnées sont à jour dans l'annuaire."))
        return redirect("extranet:my_contact")
    return render(request, "extranet/directory/my_contact.html", {"form": form})
