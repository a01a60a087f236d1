"""Open data API of the répertoire, in the data·inclusion schema, described by OpenAPI
(/api/docs, /api/openapi.json)."""

from data_inclusion.schema import v1 as di
from ninja import NinjaAPI, Query, Schema
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder

from portal.pagination import MAX_OFFSET, bounded_int
from repertoire.interop.export import (
    permanence_to_di,
    published_permanences,
    published_services,
    published_structures,
    service_to_di,
    structure_to_di,
)


class SchemaEncoder(NinjaJSONEncoder):
    """The schema's multi-valued fields are sets: written as sorted lists."""

    def default(self, o):
        if isinstance(o, set | frozenset):
            return sorted(o)
        return super().default(o)


class SchemaRenderer(JSONRenderer):
    encoder_class = SchemaEncoder


api = NinjaAPI(
    renderer=SchemaRenderer(),
    title="Passerelles – répertoire des compétences sociales",
    version="1.0",
    description="Structures et services publiés, au schéma data·inclusion v1.",
    urls_namespace="repertoire_api",
)


class Page(Schema):
    offset: int = 0
    limit: int = 500


def _window(queryset, page):
    offset = bounded_int(page.offset, default=0, minimum=0, maximum=MAX_OFFSET)
    limit = bounded_int(page.limit, default=500, minimum=1, maximum=1000)
    return queryset[offset : offset + limit]


@api.get("/repertoire/structures", response=list[di.Structure], tags=["répertoire"])
def list_structures(request, page: Query[Page]):
    """Structures publiées (pagination par offset/limit, 1000 au plus)."""
    return [structure_to_di(s) for s in _window(published_structures(), page)]


@api.get("/repertoire/services", response=list[di.Service], tags=["répertoire"])
def list_services(request, page: Query[Page]):
    """Services des structures publiées, puis leurs permanences (un service par lieu, avec
    son adresse et ses horaires)."""
    offset = bounded_int(page.offset, default=0, minimum=0, maximum=MAX_OFFSET)
    limit = bounded_int(page.limit, default=500, minimum=1, maximum=1000)
    services = published_services()
    records = [service_to_di(s) for s in services[offset : offset + limit]]
    if len(records) < limit:
        start = max(offset - services.count(), 0)
        held = published_permanences()[start : start + limit - len(records)]
        records += [permanence_to_di(p) for p in held]
    return records
