"""Build the public copy of a validated profile or offer (see `models.cards`).

Only fields listed here ever reach the public: this module is the anonymity boundary.
"""

from cartemploi import renditions
from cartemploi.enums import CardKind, NafSection, OfferKind
from cartemploi.masking import mask_contacts
from cartemploi.models import PublicCard
from cartemploi.models.cards import tokens


def _labels(choices, values):
    return [str(choices(v).label) for v in values if v in choices.values]


def _clean(text):
    return mask_contacts(text or "")[0]


def youth_data(profile):
    skills = list(profile.skills.all())
    return {
        "initial": profile.initial,
        "age_band": str(profile.age_band.label),
        "commune": profile.commune.name,
        "skills": [
            {"label": s.label, "level": s.level, "level_label": str(s.get_level_display())}
            for s in skills
        ],
        "motivations": _clean(profile.motivations),
        "looking_for": _labels(OfferKind, profile.looking_for),
        "sectors": _labels(NafSection, profile.sectors),
        "driving_licence": profile.driving_licence,
        "has_vehicle": profile.has_vehicle,
        "mobility_km": profile.mobility_km,
        "availability": _clean(profile.availability),
    }


def youth_card(profile):
    data = youth_data(profile)
    skills = [s["label"] for s in data["skills"]]
    validated = [s["label"] for s in data["skills"] if s["level"] != "declared"]
    card = _store(
        "youth",
        profile,
        kind=CardKind.YOUTH,
        title=f"{data['initial']} — {data['age_band']}",
        summary=", ".join(skills),
        commune=profile.commune,
        point=profile.commune.point,
        sectors=tokens(profile.sectors),
        offer_kinds=tokens(profile.looking_for),
        skills=tokens(skills),
        validated_skills=tokens(validated),
        data=data,
    )
    return renditions.refresh(card, profile.photo)


def company_card(company):
    data = {
        "name": company.name,
        "trade": company.trade,
        "know_how": _clean(company.know_how),
        "values": _clean(company.values),
        "sector": str(company.get_sector_display()),
        "size_band": str(company.get_size_band_display()),
        "offers_kinds": _labels(OfferKind, company.offers_kinds),
        "commune": company.commune.name,
    }
    return _store(
        "company",
        company,
        kind=CardKind.COMPANY,
        title=company.name,
        summary=company.trade,
        commune=company.commune,
        point=company.point,
        sectors=tokens([company.sector]),
        offer_kinds=tokens(company.offers_kinds),
        skills=tokens([company.trade]),
        validated_skills="",
        data=data,
    )


def offer_card(offer):
    company = offer.company
    data = {
        "company": company.name,
        "company_card": getattr(getattr(company, "public_card", None), "pk", None),
        "kind": str(offer.get_kind_display()),
        "description": _clean(offer.description),
        "starts_on": offer.starts_on.isoformat() if offer.starts_on else None,
        "ends_on": offer.ends_on.isoformat() if offer.ends_on else None,
        "commune": offer.commune.name,
        "sector": str(company.get_sector_display()),
    }
    return _store(
        "offer",
        offer,
        kind=CardKind.OFFER,
        title=offer.title,
        summary=f"{offer.get_kind_display()} — {company.name}",
        commune=offer.commune,
        point=offer.commune.point,
        sectors=tokens([company.sector]),
        offer_kinds=tokens([offer.kind]),
        skills=tokens([offer.title]),
        validated_skills="",
        data=data,
    )


def _store(field, obj, *, point, **values):
    latitude, longitude = point or (None, None)
    card, _created = PublicCard.objects.update_or_create(
        **{field: obj}, defaults={**values, "latitude": latitude, "longitude": longitude}
    )
    return card
