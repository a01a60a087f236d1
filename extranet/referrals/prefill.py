"""Initial values of a new referral: the répertoire fiche or service it starts from, the
candidate it is about, or the previous referral for the same person (all scoped)."""

from extranet.models import Candidate, Referral
from extranet.referrals.perms import sender_structures
from repertoire.models import Service, Structure

PERSON_FIELDS = (
    "person_first_name",
    "person_last_name",
    "person_phone",
    "person_email",
    "person_reach",
)


def _target(params):
    initial = {}
    structure = Structure.objects.published().filter(slug=params.get("structure") or "").first()
    if structure is not None:
        initial["target_structure"] = structure.pk
    service_id = params.get("service") or ""
    if service_id.isascii() and service_id.isdigit():
        service = Service.objects.filter(pk=int(service_id)).select_related("structure").first()
        if service is not None and service.structure.live:
            initial["target_service"] = service.pk
            initial["target_structure"] = service.structure_id
    return initial


def _from_previous(user, reference):
    previous = Referral.objects.visible_to(user).filter(reference=reference).first()
    if previous is None:
        return {}
    initial = {name: getattr(previous, name) for name in PERSON_FIELDS}
    initial.update(
        commune=previous.person_commune.name if previous.person_commune_id else "",
        thematiques=list(previous.thematiques),
        subject=previous.subject,
    )
    return initial


def _from_candidate(user, reference):
    candidate = (
        Candidate.objects.visible_to(user)
        .filter(reference=reference)
        .select_related("target_commune")
        .first()
    )
    if candidate is None:
        return {}
    return {
        "person_first_name": candidate.first_name,
        "person_last_name": candidate.last_name,
        "person_phone": candidate.phone,
        "person_email": candidate.email,
        "commune": candidate.target_commune.name if candidate.target_commune_id else "",
        "subject": candidate.get_project_type_display(),
        "candidate_reference": candidate.reference,
    }


def initial_for(user, params):
    initial = {}
    mine = list(sender_structures(user).values_list("pk", flat=True)[:1])
    if mine:
        initial["sender_structure"] = mine[0]
    if params.get("previous"):
        initial.update(_from_previous(user, params["previous"]))
    elif params.get("candidate"):
        initial.update(_from_candidate(user, params["candidate"]))
    initial.update(_target(params))
    return initial
