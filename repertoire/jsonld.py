"""schema.org JSON-LD of a fiche: GovernmentService for public services, else Organization."""

import json

from django.utils.safestring import mark_safe

from repertoire.enums import StructureKind

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PUBLIC_KINDS = {
    StructureKind.PUBLIC_SERVICE,
    StructureKind.LOCAL_AUTHORITY,
    StructureKind.YOUTH_AGENCY,
}


def _address(structure):
    address = {"@type": "PostalAddress", "addressCountry": "FR"}
    if structure.address:
        address["streetAddress"] = structure.address
    if structure.display_postal_code:
        address["postalCode"] = structure.display_postal_code
    if structure.commune_id:
        address["addressLocality"] = structure.commune.name
    return address


def _hours(structure):
    """Weekly hours as schema.org specifications (days whose hours vary — "1er mardi du
    mois", seasons — cannot be said there and are left to the fiche's text)."""
    hours = structure.parsed_hours
    if hours is None:
        return []
    by_spans = {}
    for weekday, spans in sorted(hours.weekly_spans().items()):
        by_spans.setdefault(spans, []).append(SCHEMA_DAYS[weekday])
    specs = []
    for spans, days in by_spans.items():
        for start, end in spans:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": days,
                    "opens": f"{start // 60:02d}:{start % 60:02d}",
                    "closes": f"{min(end, 1439) // 60:02d}:{min(end, 1439) % 60:02d}",
                }
            )
    return specs


def structure_data(structure, url):
    organization = {
        "@type": "Organization",
        "name": structure.name,
        "url": url,
        "address": _address(structure),
    }
    for key, value in (
        ("telephone", structure.phone),
        ("email", structure.email),
        ("description", structure.summary),
        ("sameAs", structure.website),
    ):
        if value:
            organization[key] = value
    if structure.point:
        organization["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": structure.point[0],
            "longitude": structure.point[1],
        }
    hours = _hours(structure)
    if structure.kind not in PUBLIC_KINDS:
        if hours:
            organization["openingHoursSpecification"] = hours
        return {"@context": "https://schema.org", **organization}
    service = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": structure.name,
        "url": url,
        "provider": organization,
        "areaServed": structure.commune.name if structure.commune_id else "",
    }
    if hours:
        organization["openingHoursSpecification"] = hours
    return service


def structure_jsonld(structure, url):
    """Safe to print inside <script type="application/ld+json">."""
    text = json.dumps(structure_data(structure, url), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 — escaped above


__all__ = ["structure_jsonld"]
