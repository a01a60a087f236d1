from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portail")

    def ready(self):
        from django.core import checks

        from portal import antivirus, languages, menus, offer_search, page_cache, search_sources

        checks.register(antivirus.check_scanner, checks.Tags.security)
        register_commune_field()

        languages.connect()
        menus.connect()
        page_cache.connect()
        search_sources.register()
        offer_search.register()


def register_commune_field():
    """Every Wagtail admin form types a commune (name, "Bellac (87)", INSEE or postcode)
    instead of shipping a <select> of the 35,000 communes (4.7 MB, 9-60 s to open)."""
    from django.db import models
    from wagtail.admin.forms.models import register_form_field_override

    from portal.models import Commune
    from portal.places import CommuneChoiceField

    register_form_field_override(
        models.ForeignKey, to=Commune, override={"form_class": CommuneChoiceField}
    )
