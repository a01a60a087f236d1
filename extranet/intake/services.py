"""Turn a completed intake form into a routed `Candidate` and tell the people concerned."""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from extranet.candidates import services as candidate_services
from extranet.intake.forms import NEEDS
from extranet.models import Candidate, WelcomePole
from portal.languages import interface_language
from portal.mail import outbox

CANDIDATE_FIELDS = (
    "first_name",
    "last_name",
    "origin_country",
    "origin_postcode",
    "adults",
    "children",
    "children_ages",
    "project_type",
    "sector",
    "target_date",
    "project_description",
    "housing_wish",
    "needs_other",
    "email",
    "phone",
)


@dataclass
class IntakeResult:
    candidate: Candidate
    merged: bool  # True when this submission repeated a very recent one


def fingerprint(data):
    """What makes two submissions "identical": person, project and place."""
    commune = data.get("commune_1")
    parts = [
        data.get("email", "").strip().lower(),
        data.get("first_name", "").strip().lower(),
        data.get("last_name", "").strip().lower(),
        data.get("project_type", ""),
        getattr(commune, "pk", ""),
    ]
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def origin_department(country, postcode):
    if country.strip().lower() != "france" or len(postcode) < 2:
        return ""
    return postcode[:3] if postcode.startswith("97") else postcode[:2]


@transaction.atomic
def submit_intake(*, data):
    """Create (or merge into a very recent identical one) the candidate of an online request.

    Routed to the pole covering the first target commune, else the regional service.
    The confirmation and the pole notification go through the outbox, so a mail failure
    never loses the candidate.
    """
    digest = fingerprint(data)
    since = timezone.now() - datetime.timedelta(minutes=settings.INTAKE_DUPLICATE_MINUTES)
    recent = (
        Candidate.objects.select_for_update()
        .filter(fingerprint=digest, created_at__gte=since)
        .first()
    )
    if recent:
        Candidate.objects.filter(pk=recent.pk).update(submissions=F("submissions") + 1)
        return IntakeResult(recent, merged=True)
    candidate = _create_candidate(data, digest)
    notify_new_candidate(candidate)
    return IntakeResult(candidate, merged=False)


def _create_candidate(data, digest):
    values = {name: data.get(name) or "" for name in CANDIDATE_FIELDS}
    values["target_date"] = data.get("target_date")
    values["adults"] = data.get("adults") or 1
    values["children"] = data.get("children") or 0
    values["language"] = interface_language()
    for key, _label in NEEDS:
        values[key] = key in data.get("needs", [])
    commune = data["commune_1"]
    now = timezone.now()
    earlier = (
        Candidate.objects.filter(email__iexact=values["email"]).order_by("-created_at").first()
        if values["email"]
        else None
    )
    candidate = Candidate(
        **values,
        origin_department=origin_department(values["origin_country"], values["origin_postcode"]),
        target_commune=commune,
        pole=WelcomePole.for_commune(commune),
        consent_at=now,
        fingerprint=digest,
        duplicate_of=earlier,
        created_at=now,
    )
    others = [data[k] for k in ("commune_2", "commune_3") if data.get(k)]
    return candidate_services.receive_online_request(candidate=candidate, other_communes=others)


def pole_recipients(pole):
    if pole is None:
        return [settings.INTAKE_FALLBACK_EMAIL]
    officers = list(pole.officers.filter(is_active=True).values_list("email", flat=True))
    if officers:
        return officers
    structure_email = pole.structure.email if pole.structure_id else ""
    return [structure_email or settings.INTAKE_FALLBACK_EMAIL]


def notify_new_candidate(candidate):
    context = {
        "candidate": candidate,
        "pole": candidate.pole,
        "site_url": settings.SITE_URL,
        "detail_url": settings.SITE_URL
        + reverse("extranet:candidate_detail", kwargs={"reference": candidate.reference}),
    }
    if candidate.email:
        outbox.enqueue(
            to=[candidate.email],
            subject=_("Votre demande d'installation a bien été reçue (%(ref)s)")
            % {"ref": candidate.reference},
            template="extranet/emails/intake_confirmation",
            context=context,
            kind="intake_confirmation",
        )
    # The pole reads French, whatever language the person wrote in.
    with translation.override(settings.LANGUAGE_CODE):
        _notify_pole(candidate, context)


def _notify_pole(candidate, context):
    outbox.enqueue(
        to=pole_recipients(candidate.pole),
        subject=_("Nouvelle demande d'installation : %(ref)s") % {"ref": candidate.reference},
        template="extranet/emails/intake_pole_notification",
        context=context,
        kind="intake_pole_notification",
    )
