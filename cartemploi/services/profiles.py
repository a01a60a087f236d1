"""Writes on profiles and offers: charter, submission, advisor validation, publication."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cartemploi import notify
from cartemploi.enums import OfferStatus, ValidationStatus
from cartemploi.models import CharterAcceptance, CharterVersion, PublicCard
from cartemploi.services.cards import company_card, offer_card, youth_card
from extranet.audit import record
from extranet.enums import AuditAction
from repertoire.enums import StructureKind
from repertoire.models import Structure
from search.geo import haversine_km


class ValidationError(Exception):
    """A rule refused the change; the message is French and shown to the user."""


def agency_for(commune):
    """The youth agency whose seat is nearest to the commune: it validates and moderates."""
    if commune is None or commune.latitude is None:
        return None
    agencies = Structure.objects.of_kind(StructureKind.YOUTH_AGENCY).select_related("commune")
    located = [a for a in agencies if a.commune and a.commune.latitude is not None]
    if not located:
        return None
    return min(
        located,
        key=lambda a: haversine_km(
            commune.latitude, commune.longitude, a.commune.latitude, a.commune.longitude
        ),
    )


def needs_charter(user):
    """True when a charter is in force and this user has not accepted that version."""
    current = CharterVersion.objects.current()
    if current is None:
        return False
    return not CharterAcceptance.objects.filter(user=user, version=current).exists()


def accept_charter(*, user, recorded_by=None):
    current = CharterVersion.objects.current()
    if current is None:
        return None
    acceptance, _created = CharterAcceptance.objects.get_or_create(
        user=user, version=current, defaults={"recorded_by": recorded_by}
    )
    return acceptance


@transaction.atomic
def save_profile(*, profile, actor, submit=True):
    """Save an owner's or advisor's edit; it goes (back) to validation, the card stays."""
    creating = profile.pk is None
    if creating:
        profile.created_by = actor
    if profile.agency_id is None:
        profile.agency = agency_for(profile.commune)
    if submit:
        profile.status = ValidationStatus.PENDING
        profile.submitted_at = timezone.now()
    profile.save()
    action = AuditAction.CREATE if creating else AuditAction.UPDATE
    record(actor=actor, action=action, obj=profile, reason="cartemploi: profil soumis")
    return profile


def _card_for(obj):
    from cartemploi.models import CompanyProfile, YouthProfile

    if isinstance(obj, YouthProfile):
        return youth_card(obj)
    if isinstance(obj, CompanyProfile):
        return company_card(obj)
    return offer_card(obj)


@transaction.atomic
def publish(*, obj, advisor):
    """Advisor validation: the edit becomes the public version and the owner is told."""
    owner = _owner(obj)
    if needs_charter(owner):
        raise ValidationError(
            _("Le titulaire du profil n'a pas encore accepté la charte en vigueur.")
        )
    if getattr(obj, "company", None) and not obj.company.is_published:
        raise ValidationError(_("L'entreprise doit être validée avant ses offres."))
    obj.status = OfferStatus.PUBLISHED if _is_offer(obj) else ValidationStatus.PUBLISHED
    obj.validated_by = advisor
    if not _is_offer(obj):
        obj.published_at = timezone.now()
        obj.unpublish_reason = ""
    obj.save()
    card = _card_for(obj)
    record(actor=advisor, action=AuditAction.UPDATE, obj=obj, reason="cartemploi: validation")
    notify.send(to=owner.email, template="published", context={"obj": obj, "card": card})
    return card


@transaction.atomic
def unpublish(*, obj, advisor, reason):
    """Take a profile or offer off the public map; the reason is e-mailed to its owner."""
    if not reason.strip():
        raise ValidationError(
            _("Indiquez le motif de la dépublication : il est envoyé au titulaire.")
        )
    PublicCard.objects.filter(**{_card_field(obj): obj}).delete()
    if _is_offer(obj):
        obj.status = OfferStatus.CLOSED
    else:
        obj.status = ValidationStatus.UNPUBLISHED
        obj.unpublish_reason = reason
        if hasattr(obj, "offers"):
            PublicCard.objects.filter(offer__company=obj).delete()
    obj.save()
    record(actor=advisor, action=AuditAction.UPDATE, obj=obj, reason=f"dépublication : {reason}")
    notify.send(
        to=_owner(obj).email, template="unpublished", context={"obj": obj, "reason": reason}
    )


def _is_offer(obj):
    return hasattr(obj, "company_id") and not hasattr(obj, "user_id")


def _owner(obj):
    return obj.company.user if _is_offer(obj) else obj.user


def _card_field(obj):
    if _is_offer(obj):
        return "offer"
    return "youth" if hasattr(obj, "birth_date") else "company"
