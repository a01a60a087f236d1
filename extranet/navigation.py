"""Each role's tasks (PRODUCT.md) and the menus that reach them: ONE list.

The extranet's side menu and Cartemploi's menu render the tasks of their `menu` this user
may open; the role crawls (`tests/test_role_crawl.py`) check that every task of every role
of a demo account is linked from its start page. A task with `menu=""` is done from another
page (an export from a list, a new offer from one's space): the crawl still finds it.

Apps register their tasks from `AppConfig.ready()` with `register_task` (Cartemploi adds
its own). A task's `url(user)` returns where this user does it, or None when the user may
not: a menu never offers a page that would refuse them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.module_loading import import_string

EXTRANET = "extranet"
CARTEMPLOI = "cartemploi"

_tasks = []


@dataclass(frozen=True)
class Task:
    key: str
    label: str
    roles: frozenset  # the `Role`s whose job this is: their start page must lead to it
    url: Callable  # user -> URL or None (the user may not do it)
    menu: str = EXTRANET  # which menu lists it; "" = reached from another page
    order: int = 100


def register_task(task):
    if any(t.key == task.key for t in _tasks):
        return task
    _tasks.append(task)
    _tasks.sort(key=lambda t: (t.order, t.key))
    return task


def tasks():
    return tuple(_tasks)


def named(url_name, rule=None, args=()):
    """A `Task.url` for a fixed URL, given to whoever passes `rule` (a callable or a dotted
    path to one; None: anyone who sees the menu)."""

    def url(user):
        if rule is not None and not passes(user, rule):
            return None
        return reverse(url_name, args=args)

    return url


def passes(user, rule):
    """`rule(user)`, asked once per request: several tasks share a rule that may query."""
    answers = user.__dict__.setdefault("_passerelles_rules", {})
    if rule not in answers:
        answers[rule] = (import_string(rule) if isinstance(rule, str) else rule)(user)
    return answers[rule]


def menu_for(request, menu):
    """(label, url) of the tasks of `menu` this request's user may do, cached per request."""
    cache = request.__dict__.setdefault("_passerelles_menus", {})
    if menu not in cache:
        entries = []
        for task in _tasks:
            if task.menu != menu:
                continue
            url = task.url(request.user)
            if url is not None:
                entries.append({"key": task.key, "label": task.label, "url": url})
        cache[menu] = entries
    return cache[menu]


def url_for(request, key):
    """Where this request's user does task `key`, or None (cached per request)."""
    cache = request.__dict__.setdefault("_passerelles_task_urls", {})
    if key not in cache:
        task = next(t for t in _tasks if t.key == key)
        cache[key] = task.url(request.user) if request.user.is_authenticated else None
    return cache[key]


def tasks_of(user, roles):
    """{task key: URL} of the tasks belonging to any of `roles`, as `user` would do them."""
    return {task.key: task.url(user) for task in _tasks if task.roles & set(roles)}


def _fiche_url(user):
    """A partner's own fiche: straight to it with one structure, else the list of them."""
    from extranet.roles import structure_slugs

    slugs = structure_slugs(user)
    if not slugs:
        return None
    if len(slugs) == 1:
        return reverse("extranet:partner_fiche", args=slugs)
    return reverse("extranet:my_structures")


def _admin_url(user):
    from extranet.enums import Role
    from extranet.roles import has_role

    if user.is_staff or has_role(user, Role.REGIONAL_ADMIN, Role.EDITOR):
        return reverse("wagtailadmin_home")
    return None


def register_extranet_tasks():
    """The extranet's own tasks, called by `ExtranetConfig.ready`."""
    from extranet.enums import Role

    partner = frozenset({Role.STRUCTURE_MEMBER, Role.STRUCTURE_MANAGER})
    roles = {
        "partner": partner,
        "admin": frozenset({Role.REGIONAL_ADMIN}),
        "officer": frozenset({Role.POLE_OFFICER}),
    }
    roles["network"] = partner | roles["admin"] | roles["officer"] | {Role.ADVISOR, Role.EDITOR}
    for task in (*_menu_tasks(**roles), *_page_tasks(**roles)):
        register_task(task)


CANDIDATES_RULE = "extranet.candidates.perms.can_view_candidates"
PARTNER_RULE = "extranet.pathways.perms.can_write"
OFFERS_RULE = "extranet.offers.perms.can_propose_offer"
EVENTS_RULE = "extranet.events.perms.can_organise_events"
JOIN_RULE = "extranet.perms.can_review_join_requests"
SHARE_RULE = "extranet.perms.can_share_documents"
REVIEW_DOCUMENTS_RULE = "extranet.perms.can_review_documents"


def _menu_tasks(*, partner, admin, officer, network):
    """The side menu's entries, in order: (key, label, who, url, order) rows."""
    from django.utils.translation import gettext_lazy as _

    from extranet.enums import Role

    staff, members = admin | officer, partner | admin
    rows = (
        ("dashboard", _("Tableau de bord"), network, named("extranet:dashboard"), 10),
        ("fiche", _("Notre fiche au répertoire"), partner, _fiche_url, 20),
        (
            "my_structures",
            _("Mes structures"),
            partner,
            named("extranet:my_structures", PARTNER_RULE),
            21,
        ),
        (
            "candidates",
            _("Candidats"),
            staff,
            named("extranet:candidate_list", CANDIDATES_RULE),
            30,
        ),
        (
            "candidate_stats",
            _("Statistiques"),
            staff,
            named("extranet:candidate_stats", CANDIDATES_RULE),
            31,
        ),
        ("referrals", _("Fiches de liaison"), members, named("extranet:referral_list"), 40),
        (
            "pathways",
            _("Fiches parcours"),
            partner,
            named("extranet:pathway_list", PARTNER_RULE),
            41,
        ),
        # Only for members of a structure (an editor or an advisor without one has no use of
        # them); bookings and events pages then say how a structure starts.
        (
            "bookings",
            _("Espaces et réservations"),
            partner,
            named("extranet:booking_requests", PARTNER_RULE),
            45,
        ),
        ("events", _("Événements"), partner, named("extranet:event_list", PARTNER_RULE), 46),
        (
            "offers",
            _("Proposer une offre"),
            partner | officer,
            named("extranet:offer_proposals", OFFERS_RULE),
            50,
        ),
        ("search", _("Rechercher"), partner | staff, named("search:extranet"), 60),
        ("news", _("Actualités du réseau"), members, named("extranet:news_list"), 70),
        ("documents", _("Documents"), members, named("extranet:document_list"), 71),
        ("directory", _("Annuaire"), members, named("extranet:directory"), 72),
        (
            "join_requests",
            _("Demandes d'adhésion"),
            admin | {Role.STRUCTURE_MANAGER},
            named("extranet:join_requests", JOIN_RULE),
            73,
        ),
        (
            "document_proposals",
            _("Documents proposés"),
            admin | {Role.EDITOR},
            named("extranet:document_proposals", REVIEW_DOCUMENTS_RULE),
            74,
        ),
        ("admin", _("Administration du site"), admin | {Role.EDITOR}, _admin_url, 90),
    )
    return tuple(Task(key, label, who, url, order=order) for key, label, who, url, order in rows)


def _page_tasks(*, partner, admin, officer, network):
    """Tasks done from the pages above (a button, a link in a list), not the menu."""
    from django.utils.translation import gettext_lazy as _

    candidates, partner_rule, offers = CANDIDATES_RULE, PARTNER_RULE, OFFERS_RULE
    return (
        Task(
            "candidate_create",
            _("Nouveau candidat"),
            officer,
            named("extranet:candidate_create", candidates),
            menu="",
        ),
        Task(
            "candidate_export",
            _("Exporter les candidats"),
            admin | officer,
            named("extranet:candidate_export", candidates, ["csv"]),
            menu="",
        ),
        Task(
            "referral_create",
            _("Nouvelle fiche de liaison"),
            partner,
            named("extranet:referral_create", partner_rule),
            menu="",
        ),
        Task(
            "referral_stats",
            _("Statistiques des orientations"),
            admin,
            named("extranet:referral_stats"),
            menu="",
        ),
        Task(
            "pathway_create",
            _("Nouvelle fiche parcours"),
            partner,
            named("extranet:pathway_create", partner_rule),
            menu="",
        ),
        Task(
            "offer_propose",
            _("Nouvelle proposition d'offre"),
            partner | officer,
            named("extranet:offer_propose", offers),
            menu="",
        ),
        Task("my_contact", _("Mes coordonnées"), partner, named("extranet:my_contact"), menu=""),
        Task(
            "document_share",
            _("Partager un document"),
            partner,
            named("extranet:document_share", SHARE_RULE),
            menu="",
        ),
        Task(
            "event_create",
            _("Nouvel événement"),
            partner,
            named("extranet:event_create", EVENTS_RULE),
            menu="",
        ),
    )
