"""Writes of the répertoire that send mail or span models. Keyword-only, never `request`."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.mail import outbox
from repertoire import extensions
from repertoire.models import ErrorReport, FreshnessReminder, Structure

logger = logging.getLogger(__name__)


def editor_emails():
    """Addresses of the editors (the Wagtail groups named in REPERTOIRE_EDITOR_GROUPS)."""
    users = get_user_model().objects.filter(
        is_active=True, groups__name__in=settings.REPERTOIRE_EDITOR_GROUPS
    )
    return sorted({email for email in users.values_list("email", flat=True) if email})


def _mail(*, subject, template, context, recipients, kind):
    """Queue one plain-text message per recipient in the outbox (sent after commit)."""
    if not recipients:
        return 0
    body = render_to_string(template, context)
    return len(outbox.enqueue_rendered(to=recipients, subject=subject, text=body, kind=kind))


def report_error(*, structure, message, reporter_email="", fiche_url=""):
    """Record a 'signaler une erreur' report and tell the editors at once."""
    report = ErrorReport.objects.create(
        structure=structure, message=message, reporter_email=reporter_email
    )
    _mail(
        subject=_("[Répertoire] Erreur signalée sur la fiche « %s »") % structure.name,
        template="repertoire/emails/error_report.txt",
        context={"report": report, "structure": structure, "fiche_url": fiche_url},
        recipients=editor_emails(),
        kind="repertoire_error_report",
    )
    return report


@transaction.atomic
def propose_fiche_changes(*, structure, user):
    """Save the partner's edited fiche as a draft revision and submit it for moderation.

    `structure` carries the proposed values in memory; the published row is untouched until
    an editor approves in Wagtail. A pending proposal is replaced by the new one.
    """
    structure.last_verified_at = timezone.localdate()
    revision = structure.save_revision(user=user, log_action=True)
    state = structure.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    workflow = structure.get_workflow()
    if workflow is None:
        raise RuntimeError("No moderation workflow is assigned to structures.")
    workflow.start(structure, user)
    return revision


def notify_partner_of_decision(*, workflow_state, approved):
    """Tell the partner who proposed the change what the editors decided."""
    structure = workflow_state.content_object
    requester = workflow_state.requested_by
    if not isinstance(structure, Structure) or requester is None or not requester.email:
        return 0
    task_state = workflow_state.current_task_state
    comment = task_state.specific.get_comment() if task_state else ""
    subject = (
        _("[Répertoire] Vos modifications de « %s » sont publiées")
        if approved
        else _("[Répertoire] Vos modifications de « %s » demandent des changements")
    )
    return _mail(
        subject=subject % structure.name,
        template="repertoire/emails/partner_decision.txt",
        context={
            "structure": structure,
            "approved": approved,
            "comment": comment,
            "site_url": settings.SITE_URL,
        },
        recipients=[requester.email],
        kind="repertoire_partner_decision",
    )


def send_stale_reminders(*, today=None, dry_run=False):
    """Remind the keepers of every stale published fiche (`repertoire.extensions`:
    the structure's managers), once per verification cycle.

    Returns (reminded structures, skipped because already reminded). Safe to run daily:
    the (structure, cycle) unique constraint is the guard against duplicates.
    """
    today = today or timezone.localdate()
    reminded, skipped = [], 0
    stale = Structure.objects.published().stale(today=today).order_by("pk")
    done = set(FreshnessReminder.objects.values_list("structure_id", "cycle"))
    for structure in stale.iterator():
        cycle = structure.last_verified_at.isoformat() if structure.last_verified_at else "never"
        if (structure.pk, cycle) in done:
            skipped += 1
            continue
        if dry_run:
            reminded.append(structure)
            continue
        if _remind(structure, cycle):
            reminded.append(structure)
    return reminded, skipped


def _remind(structure, cycle):
    recipients = extensions.keeper_emails(structure)
    try:
        with transaction.atomic():
            FreshnessReminder.objects.create(
                structure=structure, cycle=cycle, recipients=len(recipients)
            )
    except IntegrityError:  # another run got there first
        return False
    _mail(
        subject=_("[Répertoire] Votre fiche « %s » est-elle à jour ?") % structure.name,
        template="repertoire/emails/stale_reminder.txt",
        context={
            "structure": structure,
            "months": settings.REPERTOIRE_STALE_AFTER_MONTHS,
            "site_url": settings.SITE_URL,
        },
        recipients=recipients,
        kind="repertoire_stale_reminder",
    )
    return True
