from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExtranetConfig(AppConfig):
    name = "extranet"
    verbose_name = _("Extranet")

    def ready(self):
        """Every start-up registration of the extranet, in one place (the Wagtail admin's
        are in `wagtail_hooks.py`): dashboard panels, search sources, demo steps, and what
        the extranet plugs into the répertoire. No module registers anything on import."""
        from extranet import demo, navigation
        from extranet import panels as shared_panels
        from extranet.candidates import panels as candidate_panels
        from extranet.candidates import search_sources as candidate_sources
        from extranet.directory import panels as directory_panels
        from extranet.offers import panels as offer_panels
        from extranet.referrals import panels as referral_panels
        from extranet.referrals import search_sources as referral_sources
        from extranet.structures import reminders as fiche_reminders
        from repertoire import extensions as repertoire_extensions

        for panels in (
            shared_panels,
            referral_panels,
            candidate_panels,
            offer_panels,
            directory_panels,
        ):
            panels.register()
        referral_sources.register()
        candidate_sources.register()
        demo.register_steps()
        navigation.register_extranet_tasks()
        # What the extranet adds to the répertoire, which cannot import it.
        fiche_reminders.register()
        repertoire_extensions.register_fiche_section("extranet/referrals/includes/orient_here.html")
