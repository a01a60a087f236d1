from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portail")

    def ready(self):
        from portal import languages, menus, offer_search, page_cache, search_sources

        languages.connect()
        menus.connect()
        page_cache.connect()
        search_sources.register()
        offer_search.register()
