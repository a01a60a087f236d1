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


def _task(key, label, who, url, rule=None, order=100, menu=EXTRANET):
    """A task from a row: `url` is a URL name (opened to those `rule` lets in) or a
    `user -> URL` function; a 3-tuple url `(name, args)` carries reverse arguments."""
    if callable(url):
        return Task(key, label, who, url, menu=menu, order=order)
    name, args = url if isinstance(url, tuple) else (url, ())
    return Task(key, label, who, named(name, rule, args), menu=menu, order=order)


def _menu_tasks(*, partner, admin, officer, network):
    """The side menu's entries, in order: (key, label, who, url, rule, order) rows. Pages of
    a structure only for its members (an editor or an advisor without one has no use of
    them); bookings and events pages then say how a structure starts."""
    from django.utils.translation import gettext_lazy as _

    from extranet.enums import Role

    staff, members, editors = admin | officer, partner | admin, admin | {Role.EDITOR}
    managers, proposers = admin | {Role.STRUCTURE_MANAGER}, partner | officer
    cand, part, offers, x = CANDIDATES_RULE, PARTNER_RULE, OFFERS_RULE, "extranet:"
    join, review = JOIN_RULE, REVIEW_DOCUMENTS_RULE
    rows = (
        ("dashboard", _("Tableau de bord"), network, x + "dashboard", None, 10),
        ("fiche", _("Notre fiche au répertoire"), partner, _fiche_url, None, 20),
        ("my_structures", _("Mes structures"), partner, x + "my_structures", part, 21),
        ("candidates", _("Candidats"), staff, x + "candidate_list", cand, 30),
        ("candidate_stats", _("Statistiques"), staff, x + "candidate_stats", cand, 31),
        ("referrals", _("Fiches de liaison"), members, x + "referral_list", None, 40),
        ("pathways", _("Fiches parcours"), partner, x + "pathway_list", part, 41),
        ("bookings", _("Espaces et réservations"), partner, x + "booking_requests", part, 45),
        ("events", _("Événements"), partner, x + "event_list", part, 46),
        ("offers", _("Proposer une offre"), proposers, x + "offer_proposals", offers, 50),
        ("search", _("Rechercher"), partner | staff, "search:extranet", None, 60),
        ("news", _("Actualités du réseau"), members, x + "news_list", None, 70),
        ("documents", _("Documents"), members, x + "document_list", None, 71),
        ("directory", _("Annuaire"), members, x + "directory", None, 72),
        ("join_requests", _("Demandes d'adhésion"), managers, x + "join_requests", join, 73),
        ("document_proposals", _("Documents proposés"), editors, x + "document_proposals", review, 74),  # noqa: E501
        ("admin", _("Administration du site"), editors, _admin_url, None, 90),
    )  # fmt: skip
    return tuple(_task(*row[:5], order=row[5]) for row in rows)


def _page_tasks(*, partner, admin, officer, network):
    """Tasks done from the pages above (a button, a link in a list), not the menu."""
    from django.utils.translation import gettext_lazy as _

    cand, part, offers, x = CANDIDATES_RULE, PARTNER_RULE, OFFERS_RULE, "extranet:"
    export, staff, proposers = (x + "candidate_export", ["csv"]), admin | officer, partner | officer
    rows = (
        ("candidate_create", _("Nouveau candidat"), officer, x + "candidate_create", cand),
        ("candidate_export", _("Exporter les candidats"), staff, export, cand),
        ("referral_create", _("Nouvelle fiche de liaison"), partner, x + "referral_create", part),
        ("referral_stats", _("Statistiques des orientations"), admin, x + "referral_stats", None),
        ("pathway_create", _("Nouvelle fiche parcours"), partner, x + "pathway_create", part),
        ("offer_propose", _("Nouvelle proposition d'offre"), proposers, x + "offer_propose", offers),  # noqa: E501
        ("my_contact", _("Mes coordonnées"), partner, x + "my_contact", None),
        ("document_share", _("Partager un document"), partner, x + "document_share", SHARE_RULE),
        ("event_create", _("Nouvel événement"), partner, x + "event_create", EVENTS_RULE),
    )  # fmt: skip
    return tuple(_task(*row, menu="") for row in rows)
