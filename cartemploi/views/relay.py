"""The relay seen by the two parties (and by advisors, who also moderate)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cartemploi import perms
from cartemploi.contact_steps import is_other_side, missing_contact_steps
from cartemploi.enums import CardKind, MessageStatus
from cartemploi.forms import MessageForm, OutcomeForm, ReasonForm
from cartemploi.masking import MASKED_NOTICE
from cartemploi.models import Conversation, PublicCard
from cartemploi.services import relay
from cartemploi.services.profiles import ValidationError
from extranet.audit import record
from extranet.enums import AuditAction


def _parties(user, card):
    """(youth profile, company profile, offer) of a conversation `user` starts about `card`."""
    if card.kind == CardKind.YOUTH:
        return card.youth, getattr(user, "companyprofile", None), None
    company = card.company or card.offer.company
    return getattr(user, "youthprofile", None), company, card.offer


@login_required
@require_http_methods(["GET", "POST"])
def contact(request, pk):
    card = get_object_or_404(PublicCard.objects.select_related("youth", "company", "offer"), pk=pk)
    if not is_other_side(request.user, card):
        raise PermissionDenied
    if steps := missing_contact_steps(request.user, back_to=request.path):
        return render(request, "cartemploi/contact_steps.html", {"card": card, "steps": steps})
    youth, company, offer = _parties(request.user, card)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            conversation, _message, masked = relay.start_conversation(
                sender=request.user,
                youth=youth,
                company=company,
                offer=offer,
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            form.add_error(None, str(error))
        else:
            if masked:
                messages.warning(request, MASKED_NOTICE)
            messages.success(
                request,
                _("Message envoyé. La mission locale le relit avant de le transmettre."),
            )
            return redirect("cartemploi:conversation", conversation.pk)
    return render(request, "cartemploi/contact.html", {"card": card, "form": form})


@login_required
def conversations(request):
    rows = (
        Conversation.objects.visible_to(request.user)
        .select_related("youth__commune", "company")
        .order_by("-last_message_at", "-created_at")[:200]
    )
    return render(request, "cartemploi/conversations.html", {"conversations": rows})


@login_required
@require_http_methods(["GET", "POST"])
def conversation(request, pk):
    conv = get_object_or_404(
        Conversation.objects.visible_to(request.user).select_related(
            "youth__user", "youth__commune", "company__user", "offer"
        ),
        pk=pk,
    )
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if not perms.can_write_in(request.user, conv):
            raise PermissionDenied
        if form.is_valid():
            try:
                _message, masked = relay.post_message(
                    conversation=conv, sender=request.user, body=form.cleaned_data["body"]
                )
            except ValidationError as error:
                form.add_error(None, str(error))
            else:
                if masked:
                    messages.warning(request, MASKED_NOTICE)
                messages.success(request, _("Message envoyé."))
                return redirect("cartemploi:conversation", conv.pk)
    record(actor=request.user, action=AuditAction.READ, obj=conv, reason="conversation")
    return render(request, "cartemploi/conversation.html", _thread_context(request, conv, form))


def _thread_context(request, conv, form):
    side = conv.side_of(request.user)
    moderator = perms.can_moderate(request.user, conv)
    thread = list(conv.messages.all())
    if not moderator:
        # A held message is shown to its sender only, until an advisor releases it.
        thread = [m for m in thread if m.status == MessageStatus.DELIVERED or m.sender_side == side]
    return {
        "conversation": conv,
        "thread": thread,
        "side": side,
        "form": form,
        "can_write": perms.can_write_in(request.user, conv),
        "is_moderator": moderator,
        "outcome_form": OutcomeForm(),
        "block_form": ReasonForm(),
        "can_record_outcome": perms.can_record_outcome(request.user, conv),
        "youth_label": relay.sender_label(conv, "youth"),
    }


@login_required
@require_POST
def share_contacts(request, pk):
    conv = get_object_or_404(Conversation.objects.visible_to(request.user), pk=pk)
    if conv.side_of(request.user) is None:
        raise PermissionDenied
    relay.share_contacts(conversation=conv, user=request.user)
    messages.success(
        request,
        _("C'est noté. Vos coordonnées seront visibles dès que l'autre partie aura accepté aussi."),
    )
    return redirect("cartemploi:conversation", conv.pk)


@login_required
@require_POST
def record_outcome(request, pk):
    conv = get_object_or_404(Conversation.objects.visible_to(request.user), pk=pk)
    if not perms.can_record_outcome(request.user, conv):
        raise PermissionDenied
    form = OutcomeForm(request.POST)
    if form.is_valid():
        outcome = relay.record_outcome(conversation=conv, actor=request.user, **form.cleaned_data)
        messages.success(
            request, _("Résultat enregistré : %(kind)s.") % {"kind": outcome.get_kind_display()}
        )
    else:
        messages.error(request, _("Résultat non enregistré : indiquez le type et une date valide."))
    return redirect("cartemploi:conversation", conv.pk)
