"""Demo Cartemploi data on the real communes around the demo mission locale.

People and companies are invented. Idempotent: re-running updates, never duplicates.
"""

import random
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from cartemploi.enums import (
    Gender,
    NafSection,
    OfferKind,
    OfferStatus,
    SizeBand,
    SkillLevel,
    ValidationStatus,
)
from cartemploi.models import (
    CompanyProfile,
    Conversation,
    JobOffer,
    Message,
    Outcome,
    Skill,
    YouthProfile,
)
from cartemploi.services.cards import company_card, offer_card, youth_card
from cartemploi.services.profiles import accept_charter
from portal.enums import AccountKind
from portal.models import Commune, User
from repertoire.models import Structure

AGENCY_SLUG = "mission-locale-deux-vallees-demo"
DOMAIN = "demo.passerelles.localhost"
FIRST_NAMES = [
    "Léa",
    "Hugo",
    "Inès",
    "Nathan",
    "Chloé",
    "Louis",
    "Manon",
    "Enzo",
    "Jade",
    "Théo",
    "Camille",
    "Noah",
    "Zoé",
    "Mathis",
    "Lina",
    "Tom",
    "Emma",
    "Yanis",
    "Sarah",
    "Axel",
]
SKILLS = [
    ("Service en salle", "I"),
    ("Cuisine", "I"),
    ("Maçonnerie", "F"),
    ("Menuiserie", "F"),
    ("Soudure", "C"),
    ("Conduite d'engins agricoles", "A"),
    ("Soins aux animaux", "A"),
    ("Vente", "G"),
    ("Mécanique automobile", "G"),
    ("Aide à la personne", "Q"),
    ("Bureautique", "N"),
    ("Logistique", "H"),
    ("Boulangerie", "C"),
    ("Électricité", "F"),
]
COMPANIES = [
    ("Menuiserie du Taurion", "Menuisier", "F"),
    ("Ferme des Combes", "Éleveur", "A"),
    ("Auberge des Deux Vallées", "Restaurateur", "I"),
    ("Garage de la Creuse", "Garagiste", "G"),
    ("Boulangerie du Marché", "Boulanger", "C"),
    ("Transports du Plateau", "Transporteur", "H"),
    ("EHPAD Les Tilleuls", "Aide-soignant", "Q"),
    ("Électricité Marchoise", "Électricien", "F"),
    ("Métallerie Guérétoise", "Métallier", "C"),
    ("Épicerie de Bourganeuf", "Commerçant", "G"),
]


def _user(local, first, last, kind):
    user, created = User.objects.get_or_create(
        email=f"{local}@{DOMAIN}", defaults={"first_name": first, "last_name": last, "kind": kind}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    accept_charter(user=user)
    return user


def _youth(user, commune, agency, rng, gender=""):
    profile, _created = YouthProfile.objects.get_or_create(
        user=user,
        defaults={
            "first_name": user.first_name,
            "gender": gender,
            "commune": commune,
            "agency": agency,
            "birth_date": date.today()
            - timedelta(days=365 * rng.randint(17, 25) + rng.randint(0, 300)),
            "driving_licence": rng.random() < 0.6,
            "has_vehicle": rng.random() < 0.4,
            "mobility_km": rng.choice([10, 20, 30, 50]),
            "motivations": "J'ai envie d'apprendre un métier près de chez moi.",
            "looking_for": rng.sample([k.value for k in OfferKind], 2),
            "status": ValidationStatus.PUBLISHED,
            "published_at": timezone.now(),
        },
    )
    if not profile.skills.exists():
        for label, sector in rng.sample(SKILLS, rng.randint(1, 3)):
            Skill.objects.create(profile=profile, label=label, level=rng.choice(SkillLevel.values))
            profile.sectors = sorted({*profile.sectors, sector})
        profile.save(update_fields=["sectors"])
    youth_card(profile)
    return profile


def _company(user, spec, commune, agency, rng):
    name, trade, sector = spec
    company, _created = CompanyProfile.objects.get_or_create(
        user=user,
        defaults={
            "name": name,
            "trade": trade,
            "sector": sector,
            "commune": commune,
            "agency": agency,
            "know_how": f"{trade} depuis trois générations, nous formons nos apprentis.",
            "values": "Transmission, respect, travail bien fait.",
            "size_band": rng.choice(SizeBand.values),
            "offers_kinds": [OfferKind.INTERNSHIP, OfferKind.JOB],
            "contact_name": f"{user.first_name} {user.last_name}",
            "contact_email": user.email,
            "status": ValidationStatus.PUBLISHED,
            "published_at": timezone.now(),
        },
    )
    company_card(company)
    offer, _created = JobOffer.objects.get_or_create(
        company=company,
        title=f"{trade} (H/F)",
        defaults={
            "kind": rng.choice(OfferKind.values[:3]),
            "commune": commune,
            "description": f"Rejoignez notre équipe : {trade.lower()}, "
            f"{NafSection(sector).label.lower()}.",
            "status": OfferStatus.PUBLISHED,
        },
    )
    offer_card(offer)
    return company


def _conversations(youths, companies, rng):
    for youth, company in zip(youths[:12], companies * 2, strict=False):
        conv, created = Conversation.objects.get_or_create(
            youth=youth, company=company, defaults={"started_by": "company", "agency": youth.agency}
        )
        if not created:
            continue
        Message.objects.create(
            conversation=conv,
            sender=company.user,
            sender_side="company",
            body="Bonjour, votre profil nous intéresse : seriez-vous disponible pour une visite ?",
            status="delivered",
        )
        conv.last_message_at = timezone.now()
        if rng.random() < 0.7:
            Message.objects.create(
                conversation=conv,
                sender=youth.user,
                sender_side="youth",
                body="Bonjour, oui avec plaisir !",
                status="delivered",
            )
            conv.answered_at = timezone.now()
            Outcome.objects.create(conversation=conv, kind="interview", occurred_on=date.today())
        conv.save()


def _gender(n):
    """Most said it, a few declined or were never asked: enough for the observatory's
    breakdown to show some cells and hide the small ones."""
    if n % 10 == 7:
        return ""
    if n in (9, 23):
        return Gender.DECLINED
    if n == 31:
        return Gender.OTHER
    return Gender.WOMAN if n % 2 == 0 else Gender.MAN


def _outcomes(youths, companies):
    """Answered conversations with interviews and a few hires (deterministic)."""
    for n, youth in enumerate(youths, start=12):
        company = companies[n % len(companies)]
        conv, created = Conversation.objects.get_or_create(
            youth=youth, company=company, defaults={"started_by": "youth", "agency": youth.agency}
        )
        if not created:
            continue
        for sender, side, body in [
            (youth.user, "youth", "Bonjour, je serais ravi·e de découvrir votre métier."),
            (company.user, "company", "Bonjour, venez nous rencontrer la semaine prochaine."),
        ]:
            Message.objects.create(
                conversation=conv, sender=sender, sender_side=side, body=body, status="delivered"
            )
        conv.last_message_at = conv.answered_at = timezone.now()
        conv.save()
        if n % 4 != 3:
            Outcome.objects.create(conversation=conv, kind="interview", occurred_on=date.today())
        if n in (12, 13, 14, 15, 16, 18, 20, 22):
            Outcome.objects.create(conversation=conv, kind="hire", occurred_on=date.today())


@transaction.atomic
def seed_cartemploi_demo():
    agency = Structure.objects.filter(slug=AGENCY_SLUG).select_related("commune").first()
    if agency is None or agency.commune is None or agency.commune.latitude is None:
        return
    rng = random.Random(23)
    communes = list(Commune.objects.near(agency.commune.latitude, agency.commune.longitude, 45))
    if not communes:
        return
    youths = [
        _youth(
            _user(f"jeune-{n:02d}", FIRST_NAMES[n % 20], f"Démo{n:02d}", AccountKind.YOUTH),
            rng.choice(communes),
            agency,
            rng,
            _gender(n),
        )
        for n in range(40)
    ]
    companies = [
        _company(
            _user(f"entreprise-{n:02d}", "Contact", f"Démo{n:02d}", AccountKind.COMPANY),
            COMPANIES[n % len(COMPANIES)]
            if n < len(COMPANIES)
            else (f"{COMPANIES[n % len(COMPANIES)][0]} {n}", *COMPANIES[n % len(COMPANIES)][1:]),
            rng.choice(communes),
            agency,
            rng,
        )
        for n in range(20)
    ]
    _conversations(youths, companies, rng)
    _outcomes(youths[12:32], companies)
    _printed_accounts(communes[0], agency)


def _printed_accounts(commune, agency):
    """The young person and the company printed by `demo_accounts` open a space that works:
    charter accepted, a published profile (their own random draw: the others' stay as is)."""
    rng = random.Random(2026)
    _youth(_user("jeune", "Léa", "Démo", AccountKind.YOUTH), commune, agency, rng)
    company = _user("entreprise", "Contact", "Démo", AccountKind.COMPANY)
    _company(company, ("Atelier de démonstration", "Menuisier", "C"), commune, agency, rng)
