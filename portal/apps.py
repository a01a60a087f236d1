from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portail")

    def ready(self):
        from portal import menus

        menus.connect()
        import portal.offer_search  # noqa: F401  (registers the offers with search)
        import portal.search_sources  # noqa: F401  (registers the pages with search)
