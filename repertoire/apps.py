from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepertoireConfig(AppConfig):
    name = "repertoire"
    verbose_name = _("Répertoire")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from repertoire.models.themes import Theme, forget_cached_themes

        post_save.connect(forget_cached_themes, sender=Theme, dispatch_uid="repertoire_themes_save")
        post_delete.connect(
            forget_cached_themes, sender=Theme, dispatch_uid="repertoire_themes_del"
        )
        from wagtail.signals import workflow_approved, workflow_rejected

        workflow_approved.connect(_approved, dispatch_uid="repertoire_fiche_approved")
        workflow_rejected.connect(_rejected, dispatch_uid="repertoire_fiche_rejected")
        _skip_wagtail_decision_mails_for_fiches()

        from repertoire import search_sources
        from repertoire.events import home as event_home
        from repertoire.events import search as event_search

        search_sources.register()
        event_search.register()
        event_home.register()


def _approved(sender, instance, **kwargs):
    from repertoire.services import notify_partner_of_decision

    notify_partner_of_decision(workflow_state=instance, approved=True)


def _rejected(sender, instance, **kwargs):
    from repertoire.services import notify_partner_of_decision

    notify_partner_of_decision(workflow_state=instance, approved=False)


def _skip_wagtail_decision_mails_for_fiches():
    """The partner who proposed a fiche change gets our French e-mail (`_approved`,
    `_rejected`); Wagtail's own approval/rejection notice, with links into an admin the
    partner cannot open, would be a second, confusing one. Other workflows keep it.
    Same dispatch_uid as Wagtail's: whichever app is ready first, one handler remains."""
    from wagtail.admin import signal_handlers as wagtail_handlers
    from wagtail.models import WorkflowState
    from wagtail.signals import workflow_approved, workflow_rejected

    for signal, notifier, uid in (
        (
            workflow_approved,
            wagtail_handlers.workflow_approval_email_notifier,
            "workflow_state_approved_email_notification",
        ),
        (
            workflow_rejected,
            wagtail_handlers.workflow_rejection_email_notifier,
            "workflow_state_rejected_email_notification",
        ),
    ):
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(_unless_fiche(notifier), sender=WorkflowState, dispatch_uid=uid, weak=False)


def _unless_fiche(notifier):
    def notify(sender, instance, **kwargs):
        from repertoire.models import Structure

        if isinstance(instance.content_object, Structure):
            return None
        return notifier(sender=sender, instance=instance, **kwargs)

    return notify
