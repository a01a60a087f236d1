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

        from repertoire import search_sources

        search_sources.connect()


def _approved(sender, instance, **kwargs):
    from repertoire.services import notify_partner_of_decision

    notify_partner_of_decision(workflow_state=instance, approved=True)


def _rejected(sender, instance, **kwargs):
    from repertoire.services import notify_partner_of_decision

    notify_partner_of_decision(workflow_state=instance, approved=False)
