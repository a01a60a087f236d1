from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CartemploiConfig(AppConfig):
    name = "cartemploi"
    verbose_name = _("Cartemploi")

    def ready(self):
        from cartemploi import panels

        panels.register()
        self._register_optional()

    def _register_optional(self):
        """Search and demo registries land with other issues: register when they exist."""
        try:
            from extranet.demo import register_demo_step
        except ImportError:
            register_demo_step = None
        if register_demo_step is not None:
            from cartemploi.demo.profiles import seed_cartemploi_demo

            register_demo_step(seed_cartemploi_demo)
        try:
            from search import registry
        except ImportError:
            registry = None
        if registry is not None and hasattr(registry, "register"):
            from cartemploi import search_sources

            search_sources.register(registry)
