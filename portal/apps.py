from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portail")

    def ready(self):
        from django.core import checks

        from portal import antivirus, languages, menus, offer_search, page_cache, search_sources

        checks.register(antivirus.check_scanner, checks.Tags.security)

        languages.connect()
        menus.connect()
        page_cache.connect()
        search_sources.register()
        offer_search.register()
