from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CartemploiConfig(AppConfig):
    name = "cartemploi"
    verbose_name = _("Cartemploi")

    def ready(self):
        from cartemploi import fairs, navigation, panels, privacy, renditions, search_sources
        from cartemploi.demo.fairs import seed_fair_companies_demo
        from cartemploi.demo.profiles import seed_cartemploi_demo
        from extranet.demo import register_demo_step

        panels.register()
        navigation.register()
        search_sources.register()
        privacy.register()
        renditions.connect()
        fairs.register()
        register_demo_step(seed_cartemploi_demo)
        register_demo_step(seed_fair_companies_demo)
