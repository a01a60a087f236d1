"""The writes of a data·inclusion import: rows already validated, upserted in bulk.

Structures are keyed by (di_source, di_id), services by (structure, di_id). Bulk writes
send no signals: the import command refreshes the search index once at the end.
"""

from django.utils import timezone
from django.utils.text import slugify

from repertoire.enums import StructureKind
from repertoire.interop.mapping import SERVICE_FIELDS, STRUCTURE_FIELDS
from repertoire.models import Service, Structure, Theme

BATCH = 500
# bulk_update writes one CASE per field over the batch: small batches keep it linear.
UPDATE_BATCH = 100
PUBLIC_NETWORKS = {
    "caf",
    "cpam",
    "cnam",
    "ccas-cias",
    "france-service",
    "france-travail",
    "mutualite-sociale-agricole",
    "msap",
    "la-poste",
    "mdph",
    "pjj",
    "spip",
}
NETWORK_KINDS = {
    "mission-locale": StructureKind.YOUTH_AGENCY,
    "communes": StructureKind.LOCAL_AUTHORITY,
    "departements": StructureKind.LOCAL_AUTHORITY,
    "regions": StructureKind.LOCAL_AUTHORITY,
}


def _assign(obj, values):
    """Set `values` on `obj`; True when one of them differs from what it held."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _chunks(values, size=BATCH):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def kind_of(networks):
    """Our structure kind guessed from its data·inclusion networks (new structures only)."""
    for network in networks or []:
        if network in NETWORK_KINDS:
            return NETWORK_KINDS[network]
        if network in PUBLIC_NETWORKS:
            return StructureKind.PUBLIC_SERVICE
    return StructureKind.OTHER


def unique_slug(name, taken):
    base = slugify(name)[:190] or "structure"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def _structures_by_key(keys):
    by_source, found = {}, {}
    for source, di_id in keys:
        by_source.setdefault(source, []).append(di_id)
    for source, ids in by_source.items():
        for chunk in _chunks(ids):
            for structure in Structure.objects.filter(di_source=source, di_id__in=chunk):
                found[(source, structure.di_id)] = structure
    return found


def _new_structure(row, taken, now):
    return Structure(
        di_source=row.source,
        di_id=row.id,
        slug=unique_slug(row.values["name"], taken),
        kind=kind_of(row.extra.get("reseaux_porteurs")),
        live=True,
        first_published_at=now,
        last_published_at=now,
    )


def upsert_structures(rows, now):
    """{(source, id): pk} of the written structures, and (created, updated) counts."""
    existing = _structures_by_key([row.key for row in rows])
    taken = set(Structure.objects.values_list("slug", flat=True)) if rows else set()
    new, changed, keys = [], [], {}
    for row in rows:
        values = {**row.values, "commune_id": row.commune_code or None, "di_extra": row.extra}
        structure = existing.get(row.key)
        if structure is None:
            structure = _new_structure(row, taken, now)
            _assign(structure, values)
            new.append(structure)
        elif _assign(structure, values):
            structure.updated_at = now
            changed.append(structure)
        keys[row.key] = structure
    Structure.objects.bulk_create(new, batch_size=BATCH)
    fields = [*STRUCTURE_FIELDS.values(), "commune", "di_extra", "updated_at"]
    Structure.objects.bulk_update(changed, fields, batch_size=UPDATE_BATCH)
    return {key: s.pk for key, s in keys.items()}, (len(new), len(changed))


def _services_by_key(structure_pks):
    found = {}
    for chunk in _chunks(structure_pks):
        for service in Service.objects.filter(structure_id__in=chunk).exclude(di_id=""):
            found[(service.structure_id, service.di_id)] = service
    return found


def upsert_services(rows, structure_pks, now):
    """Services under their structures; (created, updated) counts."""
    existing = _services_by_key({structure_pks[(r.source, r.structure_id)] for r in rows})
    new, changed = [], []
    for position, row in enumerate(rows):
        parent = structure_pks[(row.source, row.structure_id)]
        values = {**row.values, "di_extra": row.extra}
        service = existing.get((parent, row.id))
        if service is None:
            service = Service(structure_id=parent, di_id=row.id, sort_order=position)
            _assign(service, values)
            new.append(service)
        elif _assign(service, values):
            service.updated_at = now
            changed.append(service)
    Service.objects.bulk_create(new, batch_size=BATCH)
    fields = [*SERVICE_FIELDS.values(), "di_extra", "updated_at"]
    Service.objects.bulk_update(changed, fields, batch_size=UPDATE_BATCH)
    return len(new), len(changed)


def add_themes(rows, structure_pks):
    """File each structure under the themes its services' thématiques map to (added to the
    editors' choice, never removed)."""
    themes = list(Theme.objects.all())
    through = Structure.themes.through
    links = set()
    for row in rows:
        parent = structure_pks[(row.source, row.structure_id)]
        for thematique in row.values["thematiques"]:
            links |= {(parent, theme.pk) for theme in themes if theme.covers(thematique)}
    through.objects.bulk_create(
        [through(structure_id=s, theme_id=t) for s, t in sorted(links)],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def write(structures, services):
    """Upsert valid rows; returns (counts, pks of every structure touched)."""
    now = timezone.now()
    structure_pks, (s_new, s_changed) = upsert_structures(structures, now)
    missing = {(r.source, r.structure_id) for r in services} - set(structure_pks)
    structure_pks |= {key: s.pk for key, s in _structures_by_key(missing).items()}
    v_new, v_changed = upsert_services(services, structure_pks, now)
    add_themes(services, structure_pks)
    counts = {
        "structures_created": s_new,
        "structures_updated": s_changed,
        "services_created": v_new,
        "services_updated": v_changed,
    }
    touched = {structure_pks[(r.source, r.structure_id)] for r in services}
    return counts, sorted(touched | set(structure_pks.values()))
