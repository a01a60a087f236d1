"""Published structures and services in the data·inclusion schema (v1).

Every schema field is written: typed ones from our columns, the rest from `di_extra` where an
import put them, so an import → export round trip loses nothing.
"""

import logging

from data_inclusion.schema import v1 as di
from django.conf import settings
from pydantic import ValidationError

from repertoire.models import Permanence, Service, Structure

logger = logging.getLogger(__name__)


def _required(schema):
    return {name for name, field in schema.model_fields.items() if field.is_required()}


def _conforming(schema, record):
    """`record` with every field the schema refuses left out, so that one stored value the
    schema finds stricter than our forms (an e-mail, a phone number) never fails a whole
    export or API page. Each dropped field is logged with the record's id only."""
    for _attempt in range(len(record)):
        try:
            schema.model_validate(record, context={"ignore_warnings": True})
        except ValidationError as error:
            failing = {str(detail["loc"][0]) for detail in error.errors() if detail["loc"]}
            droppable = failing - _required(schema)
            if not droppable:
                raise
            logger.warning("data·inclusion %s: champs %s omis", record.get("id"), sorted(droppable))
            record = {key: value for key, value in record.items() if key not in droppable}
        else:
            return record
    return record


def _clean(record):
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def _merged(extra, typed):
    """Our columns win; `di_extra` fills the schema fields we keep no column for."""
    return {**_clean(extra), **_clean(typed)}


def structure_id(structure):
    return structure.di_id or f"{settings.REPERTOIRE_DI_SOURCE}--{structure.slug}"


def structure_to_di(structure):
    point = structure.point or (None, None)
    record = {
        "source": structure.di_source or settings.REPERTOIRE_DI_SOURCE,
        "id": structure_id(structure),
        "nom": structure.name,
        "date_maj": (structure.last_verified_at or structure.updated_at.date()).isoformat(),
        "description": structure.summary if len(structure.summary) >= 5 else None,
        "siret": structure.siret or None,
        "commune": structure.commune.name if structure.commune_id else None,
        "code_postal": structure.display_postal_code or None,
        "code_insee": structure.commune_id,
        "adresse": structure.address,
        "latitude": point[0],
        "longitude": point[1],
        "telephone": structure.phone,
        "courriel": structure.email,
        "site_web": structure.website,
        "horaires_accueil": structure.opening_hours,
        "accessibilite_lieu": structure.acceslibre_url,
    }
    return _conforming(di.Structure, _merged(structure.di_extra, record))


def service_to_di(service, structure=None):
    structure = structure or service.structure
    record = {
        "source": structure.di_source or settings.REPERTOIRE_DI_SOURCE,
        "structure_id": structure_id(structure),
        "id": service.di_id or f"{structure_id(structure)}--{service.pk}",
        "nom": service.name,
        "description": service.description if len(service.description) >= 5 else service.name,
        # An imported service keeps its producer's date (di_extra); ours follow the fiche.
        "date_maj": service.di_extra.get("date_maj")
        or (structure.last_verified_at or service.updated_at.date()).isoformat(),
        "type": service.service_type,
        "thematiques": service.thematiques,
        "frais": service.fees,
        "frais_precisions": service.fees_details,
        "publics": service.publics,
        "publics_precisions": service.publics_details,
        "conditions_acces": service.access_conditions,
        "modes_mobilisation": service.mobilisation_modes,
        "mobilisable_par": service.mobilisable_by,
        "mobilisation_precisions": service.how_to_mobilise,
        "modes_accueil": service.reception_modes,
        "horaires_accueil": service.opening_hours,
    }
    return _conforming(di.Service, _merged(service.di_extra, record))


def permanence_to_di(permanence):
    """A permanence as a service of its structure, with its own place and hours: the
    service it names (or the structure's welcome) held at the host place."""
    structure = permanence.structure
    where = ", ".join(part for part in (permanence.place_label, permanence.commune_name) if part)
    if permanence.service_id:
        base = service_to_di(permanence.service, structure)
        name = f"{permanence.service.name} – permanence à {permanence.commune_name}"
    else:
        base = {
            "source": structure.di_source or settings.REPERTOIRE_DI_SOURCE,
            "structure_id": structure_id(structure),
            "description": structure.summary if len(structure.summary) >= 5 else None,
            "date_maj": (structure.last_verified_at or structure.updated_at.date()).isoformat(),
            "telephone": structure.phone,
            "courriel": structure.email,
        }
        name = f"Permanence de {structure.name} à {permanence.commune_name}"
    point = permanence.point or (None, None)
    commune = permanence.commune
    record = {
        **base,
        "id": f"{structure_id(structure)}--permanence-{permanence.pk}",
        "nom": name[:150],
        "description": base.get("description") or f"Permanence : {where}.",
        "commune": commune.name if commune else None,
        "code_postal": commune.main_postal_code if commune else None,
        "code_insee": permanence.commune_id,
        "adresse": permanence.full_address or None,
        "complement_adresse": permanence.place_label or None,
        "latitude": point[0],
        "longitude": point[1],
        "modes_accueil": ["en-presentiel"],
        "horaires_accueil": permanence.opening_hours,
    }
    return _conforming(di.Service, _clean(record))


def published_permanences():
    return (
        Permanence.objects.current()
        .filter(structure__live=True)
        .select_related("structure", "service", "commune", "host_structure")
        .order_by("pk")
    )


def published_structures():
    return Structure.objects.published().select_related("commune").order_by("pk")


def published_services():
    return (
        Service.objects.filter(structure__live=True)
        .select_related("structure", "structure__commune")
        .order_by("pk")
    )
