"""The demo territory: welcome poles, one account per role, and the demo-step registry.

`seed_demo` calls `seed()`: the portal pages (portal.demo), the structures
(repertoire.demo), then the poles and accounts below, then every step registered with
`register_demo_step` — how higher apps (cartemploi) add their demo data without this
module importing them. The extranet's own steps are in this package (`candidates`,
`coordination`), registered by `register_steps`. People's names and e-mails are fictitious.
"""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from extranet.demo.candidates import seed_candidates_demo
from extranet.demo.coordination import seed_referrals_demo
from extranet.demo.members import seed_members_demo
from extranet.enums import MembershipRole, Role
from extranet.models import Membership, WelcomePole
from extranet.roles import ADVISOR_GROUP, REGIONAL_ADMIN_GROUP
from portal.demo import site as portal_demo
from portal.demo.english import seed_english_demo
from portal.enums import AccountKind
from portal.models import Commune, Epci, User
from repertoire.demo import structures as repertoire_demo
from repertoire.demo.english import seed_fiche_languages
from repertoire.demo.events import seed_events_demo
from repertoire.demo.fiches import ensure_repertoire_page, seed_repertoire_demo
from repertoire.demo.workspaces import seed_workspaces_demo

# The one password of every demo account (printed by `manage.py demo_accounts`).
# Demo only: `seed_demo` refuses to run with production settings.
DEMO_PASSWORD = "Passerelles-demo-2026"
DEMO_EMAIL_DOMAIN = "demo.passerelles.localhost"

_demo_steps = []


def register_demo_step(step):
    """Run `step()` at the end of every `seed_demo` (usable as a decorator).

    A step must be idempotent, like the rest of the demo. Registering twice is harmless.
    """
    if step not in _demo_steps:
        _demo_steps.append(step)
    return step


def demo_steps():
    return tuple(_demo_steps)


def register_steps():
    """The steps the extranet knows of, called by `ExtranetConfig.ready`.

    The répertoire's own demo (20 fiches with permanences, the public RepertoirePage)
    comes first: later steps (offers, candidates, referrals) point at its structures.
    """
    for step in (
        seed_repertoire_demo,
        ensure_repertoire_page,
        seed_workspaces_demo,
        seed_events_demo,
        seed_referrals_demo,
        seed_candidates_demo,
        seed_members_demo,
        seed_english_demo,
        seed_fiche_languages,
    ):
        register_demo_step(step)


class DemoDataMissing(Exception):
    """The reference communes or EPCIs the demo is built on are not in the database."""


@dataclass(frozen=True)
class DemoPole:
    slug: str
    name: str
    structure: str  # slug of the carrier structure (repertoire.demo)
    epcis: tuple = ()
    is_regional: bool = False


POLES = (
    DemoPole(
        "service-regional-demo",
        "Service régional d'accueil",
        repertoire_demo.REGIONAL_SERVICE,
        is_regional=True,
    ),
    DemoPole(
        "creuse-sud-demo",
        "Pôle local d'accueil Creuse Sud",
        repertoire_demo.POLE_CREUSE_SUD,
        # CC Creuse Grand Sud, CC Creuse Sud Ouest, CC Marche et Combraille en Aquitaine
        epcis=("200044014", "200067189", "200067593"),
    ),
    DemoPole(
        "monts-et-barrages-demo",
        "Pôle local d'accueil Monts et Barrages",
        repertoire_demo.POLE_MONTS_BARRAGES,
        # CC des Portes de Vassivière, CC Briance-Combade, CC de Noblat
        epcis=("248719353", "248719338", "248719361"),
    ),
)


@dataclass(frozen=True)
class DemoAccount:
    role: str  # the `Role` this account demonstrates
    label: str  # what `demo_accounts` prints
    local_part: str
    first_name: str
    last_name: str
    kind: str = AccountKind.PROFESSIONAL
    is_staff: bool = False
    groups: tuple = ()
    structure: str = ""  # slug of the structure the account belongs to
    membership_role: str = MembershipRole.MEMBER
    job_title: str = ""
    poles: tuple = field(default=())  # slugs of the poles the account is an officer of

    @property
    def email(self):
        return f"{self.local_part}@{DEMO_EMAIL_DOMAIN}"


ACCOUNTS = (
    DemoAccount(
        Role.REGIONAL_ADMIN,
        "Administration régionale (accès à l'administration Wagtail)",
        "admin",
        "Hélène",
        "Vasseur",
        is_staff=True,
        groups=(REGIONAL_ADMIN_GROUP,),
        structure=repertoire_demo.REGIONAL_SERVICE,
        job_title="Coordinatrice régionale du réseau d'accueil",
    ),
    DemoAccount(
        Role.POLE_OFFICER,
        "Chargé de mission d'un pôle local d'accueil (Creuse Sud)",
        "pole",
        "Thomas",
        "Lebreton",
        structure=repertoire_demo.POLE_CREUSE_SUD,
        job_title="Chargé de mission accueil",
        poles=("creuse-sud-demo",),
    ),
    DemoAccount(
        Role.STRUCTURE_MANAGER,
        "Responsable de structure (épicerie solidaire)",
        "responsable",
        "Sophie",
        "Maréchal",
        structure=repertoire_demo.GROCERY,
        membership_role=MembershipRole.MANAGER,
        job_title="Coordinatrice",
    ),
    DemoAccount(
        Role.STRUCTURE_MEMBER,
        "Membre du réseau (centre social)",
        "membre",
        "Julien",
        "Aubert",
        structure=repertoire_demo.SOCIAL_CENTRE,
        job_title="Animateur familles",
    ),
    DemoAccount(
        Role.ADVISOR,
        "Conseillère mission locale",
        "conseillere",
        "Inès",
        "Carpentier",
        groups=(ADVISOR_GROUP,),
        structure=repertoire_demo.YOUTH_AGENCY,
        job_title="Conseillère en insertion professionnelle",
    ),
    DemoAccount(
        Role.EDITOR,
        "Éditeur du site (administration Wagtail)",
        "editeur",
        "Paul",
        "Renaud",
        is_staff=True,
        groups=("Editors",),
    ),
    DemoAccount(Role.YOUTH, "Jeune (Cartemploi)", "jeune", "Lucas", "Bernier", AccountKind.YOUTH),
    DemoAccount(
        Role.COMPANY,
        "Entreprise (Cartemploi)",
        "entreprise",
        "Margaux",
        "Tessier",
        AccountKind.COMPANY,
    ),
)

# Printed too, beyond one account per role: who demonstrates a flow another account's
# structure has no part in (the relay's manager answers booking requests).
MORE_ACCOUNTS = (
    DemoAccount(
        Role.STRUCTURE_MANAGER,
        "Responsable d'un relais France services (espaces de travail et réservations)",
        "relais",
        "Nadia",
        "Ferrand",
        structure=repertoire_demo.SERVICES_RELAY,
        membership_role=MembershipRole.MANAGER,
        job_title="Animatrice France services",
    ),
)
PRINTED_ACCOUNTS = ACCOUNTS + MORE_ACCOUNTS

COMMUNE_CODES = repertoire_demo.COMMUNE_CODES
EPCI_CODES = frozenset(code for pole in POLES for code in pole.epcis)


def check_reference_data():
    """Raise `DemoDataMissing` naming what is missing when the communes are not loaded."""
    communes = set(Commune.objects.filter(pk__in=COMMUNE_CODES).values_list("pk", flat=True))
    epcis = set(Epci.objects.filter(pk__in=EPCI_CODES).values_list("pk", flat=True))
    missing = sorted(COMMUNE_CODES - communes) + sorted(EPCI_CODES - epcis)
    if missing:
        raise DemoDataMissing(", ".join(missing))


def seed_poles(structures):
    poles = {}
    for demo in POLES:
        pole, _ = WelcomePole.objects.update_or_create(
            slug=demo.slug,
            defaults={
                "name": demo.name,
                "structure": structures[demo.structure],
                "is_regional": demo.is_regional,
            },
        )
        pole.epcis.set(demo.epcis)
        poles[demo.slug] = pole
    return poles


def seed_account(demo, structures, poles, *, reset_password=False):
    user, created = User.objects.update_or_create(
        email=demo.email,
        defaults={
            "first_name": demo.first_name,
            "last_name": demo.last_name,
            "kind": demo.kind,
            "is_staff": demo.is_staff,
            "is_active": True,
        },
    )
    if created or reset_password:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    user.groups.add(*(Group.objects.get(name=name) for name in demo.groups))
    if demo.structure:
        Membership.objects.update_or_create(
            user=user,
            structure=structures[demo.structure],
            defaults={"role": demo.membership_role, "job_title": demo.job_title, "is_active": True},
        )
    for slug in demo.poles:
        poles[slug].officers.add(user)
    return user


@transaction.atomic
def seed(*, reset_passwords=False):
    """Build or update the whole demo; returns the demo accounts by role."""
    check_reference_data()
    portal_demo.seed_site()
    structures = repertoire_demo.seed_structures()
    poles = seed_poles(structures)
    accounts = {
        demo.role: seed_account(demo, structures, poles, reset_password=reset_passwords)
        for demo in ACCOUNTS
    }
    for demo in MORE_ACCOUNTS:
        accounts[demo.local_part] = seed_account(
            demo, structures, poles, reset_password=reset_passwords
        )
    for step in demo_steps():
        step()
    return accounts
