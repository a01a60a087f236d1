"""What each demo account may reach, restated from PRODUCT.md in plain model filters.

The access matrix (`test_access_matrix.py`) compares the site's answers with these rules,
written independently of the scoped querysets the views use, so a view that forgets its
scope and a scope helper that drifts from the product rule both show up.
"""

from django.db.models import Q
from wagtail.documents import get_document_model

from cartemploi.models import (
    CompanyProfile,
    Conversation,
    JobOffer,
    Message,
    PublicCard,
    YouthProfile,
)
from extranet.enums import Role
from extranet.models import (
    Candidate,
    JoinRequest,
    Pathway,
    Referral,
    ReferralAttachment,
    SharedDocument,
)
from repertoire.enums import StructureKind
from repertoire.models import Booking, Event, EventRegistration, Structure, Workspace


def own_structures(user):
    return Structure.objects.filter(memberships__user=user, memberships__is_active=True)


def agencies(user, role):
    """An advisor's territory: the youth agencies they work for."""
    if role != Role.ADVISOR:
        return Structure.objects.none()
    return own_structures(user).filter(kind=StructureKind.YOUTH_AGENCY)


def territory(user, role, field="agency"):
    """Rows of an advisor's territory; rows no agency took yet are every advisor's."""
    if role != Role.ADVISOR:
        return Q(pk__in=[])
    return Q(**{f"{field}__in": agencies(user, role)}) | Q(**{f"{field}__isnull": True})


def candidates(user, role):
    """The regional admin sees all; a pole officer their pole's; a partner those shared
    with their structure."""
    if role == Role.REGIONAL_ADMIN:
        return Candidate.objects.all()
    shared = Q(shares__structure__in=own_structures(user))
    return Candidate.objects.filter(Q(pole__officers=user) | shared).distinct()


def referrals(user, role):
    """The regional admin sees all; members those their structure sent or received."""
    if role == Role.REGIONAL_ADMIN:
        return Referral.objects.all()
    mine = own_structures(user)
    return Referral.objects.filter(Q(sender_structure__in=mine) | Q(target_structure__in=mine))


def attachments(user, role):
    return ReferralAttachment.objects.filter(referral__in=referrals(user, role))


def pathways(user, role):
    if role == Role.REGIONAL_ADMIN:
        return Pathway.objects.all()
    return Pathway.objects.filter(structure__in=own_structures(user))


def member_lists(user, role):
    """Member lists: the regional admin all; members their own structures'."""
    return Structure.objects.all() if role == Role.REGIONAL_ADMIN else own_structures(user)


def partner_fiches(user, role):
    """The partner's fiche screen: members of the structure only (the admin edits fiches in
    the Wagtail admin)."""
    return own_structures(user)


def partners(user, role):
    """The directory: every structure with active members, for every network member."""
    if role in (Role.YOUTH, Role.COMPANY):
        return Structure.objects.none()
    return Structure.objects.filter(memberships__is_active=True).distinct()


def network_documents(user, role):
    from extranet.directory.documents import network_collections

    if role in (Role.YOUTH, Role.COMPANY):
        return get_document_model().objects.none()
    return get_document_model().objects.filter(collection__in=network_collections())


def managed_workspaces(user, role):
    """Workspaces: the members of the place's structure (the admin has no part in them)."""
    return Workspace.objects.filter(structure__in=own_structures(user))


def managed_bookings(user, role):
    return Booking.objects.filter(room__workspace__structure__in=own_structures(user))


def managed_events(user, role):
    """Events and their registrations: the members of the organising structure."""
    return Event.objects.filter(organiser__in=own_structures(user))


def event_registrations(user, role):
    return EventRegistration.objects.filter(event__in=managed_events(user, role))


def fairs(user, role):
    """Job fairs: the advisors of the organising structure choose their companies."""
    return managed_events(user, role).filter(kind="job_fair")


def cards(user, role):
    return PublicCard.objects.all()


def own_offers(user, role):
    """A company edits its own offers; nobody else reaches that screen."""
    return JobOffer.objects.filter(company__user=user)


def youth_files(user, role):
    """A young person's files: their own; advisors of their territory; the regional admin."""
    if role == Role.REGIONAL_ADMIN:
        return YouthProfile.objects.all()
    return YouthProfile.objects.filter(Q(user=user) | territory(user, role)).exclude(cv="")


def conversations(user, role):
    """The two parties; advisors of the young person's territory; the regional admin."""
    if role == Role.REGIONAL_ADMIN:
        return Conversation.objects.all()
    parties = Q(youth__user=user) | Q(company__user=user)
    return Conversation.objects.filter(parties | territory(user, role))


def moderated_conversations(user, role):
    """What an advisor moderates: their territory's conversations (the admin: all)."""
    if role == Role.REGIONAL_ADMIN:
        return Conversation.objects.all()
    return Conversation.objects.filter(territory(user, role))


def moderated_messages(user, role):
    return Message.objects.filter(conversation__in=moderated_conversations(user, role))


def reviewed_youths(user, role):
    """Profiles an advisor reviews: their territory's (the admin: all)."""
    if role == Role.REGIONAL_ADMIN:
        return YouthProfile.objects.all()
    return YouthProfile.objects.filter(territory(user, role))


def reviewed_companies(user, role):
    if role == Role.REGIONAL_ADMIN:
        return CompanyProfile.objects.all()
    return CompanyProfile.objects.filter(territory(user, role))


def join_requests(user, role):
    """Pending requests to the structures one manages; all of them for the admin."""
    if role not in (Role.REGIONAL_ADMIN, Role.STRUCTURE_MANAGER):
        return JoinRequest.objects.none()
    return JoinRequest.objects.reviewable_by(user).pending()


def proposed_documents(user, role):
    """Documents waiting for the editors: the editors' and the admin's to decide on."""
    if role not in (Role.REGIONAL_ADMIN, Role.EDITOR):
        return SharedDocument.objects.none()
    return SharedDocument.objects.filter(status="proposed")


# Each object kind: the rule above, and the URL keyword arguments naming one object.
KINDS = {
    "candidate": (candidates, lambda obj: {"reference": obj.reference}),
    "referral": (referrals, lambda obj: {"reference": obj.reference}),
    "attachment": (
        attachments,
        lambda obj: {"reference": obj.referral.reference, "key": str(obj.key)},
    ),
    "pathway": (pathways, lambda obj: {"reference": obj.reference}),
    "member_list": (member_lists, lambda obj: {"slug": obj.slug}),
    "partner_fiche": (partner_fiches, lambda obj: {"slug": obj.slug}),
    "partner": (partners, lambda obj: {"slug": obj.slug}),
    "document": (network_documents, lambda obj: {"key": str(obj.pk)}),
    "workspace": (managed_workspaces, lambda obj: {"slug": obj.slug}),
    "workspace_export": (managed_workspaces, lambda obj: {"slug": obj.slug, "fmt": "csv"}),
    "booking": (managed_bookings, lambda obj: {"reference": obj.reference}),
    "event": (managed_events, lambda obj: {"slug": obj.slug}),
    "event_export": (managed_events, lambda obj: {"slug": obj.slug, "fmt": "csv"}),
    "event_registration": (
        event_registrations,
        lambda obj: {"slug": obj.event.slug, "pk": obj.pk},
    ),
    "fair": (fairs, lambda obj: {"slug": obj.slug}),
    "card": (cards, lambda obj: {"pk": obj.pk}),
    "own_offer": (own_offers, lambda obj: {"pk": obj.pk}),
    "youth_file": (youth_files, lambda obj: {"pk": obj.pk, "what": "cv"}),
    "conversation": (conversations, lambda obj: {"pk": obj.pk}),
    "moderated_conversation": (moderated_conversations, lambda obj: {"pk": obj.pk}),
    "moderated_message": (moderated_messages, lambda obj: {"pk": obj.pk}),
    "review_youth": (reviewed_youths, lambda obj: {"kind": "jeune", "pk": obj.pk}),
    "join_request": (join_requests, lambda obj: {"pk": obj.pk}),
    "proposed_document": (proposed_documents, lambda obj: {"pk": obj.pk}),
}

MODELS = {
    "candidate": Candidate,
    "referral": Referral,
    "attachment": ReferralAttachment,
    "pathway": Pathway,
    "member_list": Structure,
    "partner_fiche": Structure,
    "partner": Structure,
    "document": get_document_model,
    "workspace": Workspace,
    "workspace_export": Workspace,
    "booking": Booking,
    "event": Event,
    "event_export": Event,
    "event_registration": EventRegistration,
    "fair": Event,
    "card": PublicCard,
    "own_offer": JobOffer,
    "youth_file": YouthProfile,
    "conversation": Conversation,
    "moderated_conversation": Conversation,
    "moderated_message": Message,
    "review_youth": YouthProfile,
    "join_request": JoinRequest,
    "proposed_document": SharedDocument,
}


def model_of(kind):
    model = MODELS[kind]
    return model() if model is get_document_model else model


def inside_and_outside(kind, user, role):
    """One object of the account's scope and one outside it (None where there is none)."""
    rule, _kwargs = KINDS[kind]
    scope = rule(user, role) if user is not None else model_of(kind).objects.none()
    inside = scope.order_by("pk").first()
    outside = model_of(kind).objects.exclude(pk__in=scope.values("pk")).order_by("pk").first()
    return inside, outside


def url_kwargs(kind, obj):
    return KINDS[kind][1](obj)
