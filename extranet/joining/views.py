"""The partner sign-up path: ask to join a structure; managers and the regional admin decide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from extranet.decorators import member_required
from extranet.joining import services
from extranet.joining.forms import (
    JoinRequestForm,
    RefusalForm,
    StructureSearchForm,
    structure_matches,
)
from extranet.models import JoinRequest
from extranet.perms import can_ask_to_join, can_review_join_requests
from portal.pagination import paginate_uncounted

PAGE_SIZE = 20


@login_required
@require_http_methods(["GET", "POST"])
def join(request):
    """Search a structure, pick it, write a word; see one's own requests."""
    if not can_ask_to_join(request.user):
        raise PermissionDenied
    search = StructureSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    matches = structure_matches(query)
    form = JoinRequestForm(request.POST or None, matches=matches)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = services.submit(
            user=request.user, structure=data["structure"], message=data["message"]
        )
        if created is None:
            form.add_error("structure", _("Une demande à cette structure attend déjà sa réponse."))
        else:
            messages.success(
                request,
                _("Demande envoyée à %(structure)s : vous recevrez sa réponse par e-mail.")
                % {"structure": data["structure"]},
            )
            return redirect("extranet:join")
    own = JoinRequest.objects.filter(user=request.user).select_related("structure")[:20]
    context = {"search": search, "query": query, "form": form, "matches": matches, "own": own}
    return render(request, "extranet/joining/join.html", context)


@member_required
@require_http_methods(["GET"])
def join_requests(request):
    if not can_review_join_requests(request.user):
        raise PermissionDenied
    pending = (
        JoinRequest.objects.reviewable_by(request.user)
        .pending()
        .select_related("user", "structure")
        .order_by("created_at", "pk")
    )
    page = paginate_uncounted(pending, request.GET.get("page"), PAGE_SIZE)
    return render(
        request,
        "extranet/joining/join_requests.html",
        {"page_obj": page},
    )


@member_required
@require_http_methods(["GET", "POST"])
def join_request_decide(request, pk):
    """One pending request: accept it, or refuse it with a reason (sent to the person)."""
    if not can_review_join_requests(request.user):
        raise PermissionDenied
    join_request = (
        JoinRequest.objects.reviewable_by(request.user)
        .pending()
        .select_related("user", "structure")
        .filter(pk=pk)
        .first()
    )
    if join_request is None:
        raise Http404
    form = RefusalForm(request.POST if request.POST.get("decision") == "refuse" else None)
    if request.method == "POST":
        done = _decide(request, join_request, form)
        if done:
            return redirect("extranet:join_requests")
    context = {"join_request": join_request, "form": form}
    return render(request, "extranet/joining/join_request.html", context)


def _decide(request, join_request, form):
    person = join_request.user.get_full_name() or join_request.user.email
    try:
        if request.POST.get("decision") == "accept":
            services.accept(join_request.pk, request.user)
            messages.success(
                request,
                _("%(person)s est maintenant membre de %(structure)s.")
                % {"person": person, "structure": join_request.structure},
            )
            return True
        if not form.is_valid():
            return False
        services.refuse(join_request.pk, request.user, form.cleaned_data["reason"])
        messages.success(request, _("La demande est refusée ; la personne en est informée."))
    except services.AlreadyDecided:
        messages.error(request, _("Cette demande a déjà reçu une réponse."))
    return True
