from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CartemploiConfig(AppConfig):
    name = "cartemploi"
    verbose_name = _("Cartemploi")
