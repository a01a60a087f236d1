from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepertoireConfig(AppConfig):
    name = "repertoire"
    verbose_name = _("Répertoire")
