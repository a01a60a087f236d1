from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExtranetConfig(AppConfig):
    name = "extranet"
    verbose_name = _("Extranet")

    def ready(self):
        from extranet import panels  # noqa: F401  (registers the dashboard panels)

        self._register_newcomers()

    @staticmethod
    def _register_newcomers():
        """Candidates join the extranet search; offers and candidates join `seed_demo`."""
        from extranet import candidate_search
        from extranet.demo import register_demo_step
        from extranet.demo_candidates import seed_candidates_demo

        candidate_search.register()
        register_demo_step(seed_candidates_demo)
