"""Writes on pathways: atomic, audited; the e-mail to the person needs their consent."""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from extranet import audit
from extranet.enums import AuditAction
from extranet.models import Pathway, PathwayContact, PathwayStep
from portal.mail import outbox


class PathwayError(Exception):
    """A refused action; the message is French and shown as is."""


def assign_reference(pathway):
    pathway.reference = f"FP-{pathway.created_at:%Y}-{pathway.pk:05d}"
    Pathway.objects.filter(pk=pathway.pk).update(reference=pathway.reference)


@transaction.atomic
def save_pathway(*, actor, pathway, contacts, steps, email_consent):
    """Create or update a pathway and replace its contacts [(structure, service, what_for)]
    and steps [(text, due_on)], in the order given."""
    created = pathway.pk is None
    if created:
        pathway.author = actor
    if email_consent and not pathway.email_consent_at:
        pathway.email_consent_at = timezone.now()
    elif not email_consent:
        pathway.email_consent_at = None
    pathway.save()
    if created:
        assign_reference(pathway)
    pathway.contacts.all().delete()
    pathway.steps.all().delete()
    PathwayContact.objects.bulk_create(
        PathwayContact(pathway=pathway, structure=s, service=sv, what_for=w, order=i)
        for i, (s, sv, w) in enumerate(contacts)
    )
    PathwayStep.objects.bulk_create(
        PathwayStep(pathway=pathway, text=t, due_on=d, order=i) for i, (t, d) in enumerate(steps)
    )
    action = AuditAction.CREATE if created else AuditAction.UPDATE
    audit.record(actor=actor, action=action, obj=pathway, reason="fiche parcours")
    return pathway


@transaction.atomic
def email_to_person(*, actor, pathway, context):
    """Send the pathway (plain text + HTML) to the person, only with their recorded consent,
    in the pathway's language."""
    if not pathway.email_consent_at or not pathway.person_email:
        raise PathwayError(
            _("La personne n'a pas donné son accord pour recevoir sa fiche par e-mail.")
        )
    with translation.override(pathway.language):
        outbox.enqueue(
            to=[pathway.person_email],
            subject=_("Votre fiche parcours"),
            template="extranet/emails/pathway",
            context=context,
            kind="pathway",
        )
    Pathway.objects.filter(pk=pathway.pk).update(emailed_at=timezone.now())
    audit.record(actor=actor, action=AuditAction.SHARE, obj=pathway, reason="envoi par e-mail")
