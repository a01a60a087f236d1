"""Cartemploi's tasks in the one task list (`extranet.navigation`): Cartemploi's own menu
for young people, companies and advisors, and the advisors' way in from the extranet."""

from django.utils.translation import gettext_lazy as _

from cartemploi import perms
from extranet.enums import Role
from extranet.navigation import CARTEMPLOI, Task, named, register_task

OWNERS = frozenset({Role.YOUTH, Role.COMPANY})
ADVISORS = frozenset({Role.ADVISOR, Role.REGIONAL_ADMIN})


def _in_relay(user):
    return perms.has_own_space(user) or perms.is_advisor(user)


def register():
    """Called by `CartemploiConfig.ready`."""
    advisor = "cartemploi.perms.is_advisor"
    for task in (
        Task(
            "cartemploi_space",
            _("Mon espace Cartemploi"),
            OWNERS,
            named("cartemploi:my_space", "cartemploi.perms.has_own_space"),
            menu=CARTEMPLOI,
            order=10,
        ),
        Task(
            "cartemploi_conversations",
            _("Mes conversations"),
            OWNERS | {Role.ADVISOR},
            named("cartemploi:conversations", _in_relay),
            menu=CARTEMPLOI,
            order=11,
        ),
        Task(
            "cartemploi_validation",
            _("Validation"),
            ADVISORS,
            named("cartemploi:advisor_queue", advisor),
            menu=CARTEMPLOI,
            order=20,
        ),
        Task(
            "cartemploi_stats",
            _("Statistiques"),
            ADVISORS,
            named("cartemploi:advisor_stats", advisor),
            menu=CARTEMPLOI,
            order=21,
        ),
        Task(
            "cartemploi_fairs",
            _("Salons et forums"),
            ADVISORS,
            named("cartemploi:fair_list", advisor),
            menu=CARTEMPLOI,
            order=22,
        ),
        Task(
            "cartemploi_advisor",
            _("Cartemploi : validation et relais"),
            ADVISORS,
            named("cartemploi:advisor_queue", advisor),
            order=80,
        ),
        Task(
            "cartemploi_offer",
            _("Publier une offre"),
            frozenset({Role.COMPANY}),
            named("cartemploi:offer_create", "cartemploi.perms.can_have_company_profile"),
            menu="",
        ),
    ):
        register_task(task)
