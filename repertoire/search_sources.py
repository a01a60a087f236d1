"""What the répertoire gives the site search: published structures (kind "structure"),
their services (kind "service") and their current permanences (kind "permanence");
`register()` is called by `RepertoireConfig.ready`.

A structure's document carries its services' text, so "vestiaire" finds the association
that runs one; a service's document points at its structure's fiche. A permanence's
document sits where it is held, so a search near Bellac finds the service held in Bellac
by a structure of Limoges.
"""

import time

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from portal.languages import originals
from repertoire.models import Permanence, RepertoirePage, Service, Structure, Theme
from search import registry
from search.documents import Document

PAGE_SECONDS = 300
_page = {"page": None, "url": "", "at": None}


def repertoire_page():
    """The live RepertoirePage and its URL, cached: one query per 5 minutes, not one per
    document; forgotten whenever a RepertoirePage is saved or deleted."""
    if _page["at"] is None or time.monotonic() - _page["at"] > PAGE_SECONDS:
        page = originals(RepertoirePage.objects.live()).first()
        _page.update(page=page, url=(page.url or "") if page else "", at=time.monotonic())
    return _page["page"], _page["url"]


def forget_page(**kwargs):
    _page.update(page=None, url="", at=None)


def fiche_url(structure):
    """The fiche's public URL (the RepertoirePage's `structure_detail` route), or ""."""
    page, url = repertoire_page()
    if not url:
        return ""
    return url + page.reverse_subpage("structure_detail", args=[structure.slug])


def _place(structure):
    commune = structure.commune
    return {
        "commune_code": structure.commune_id or "",
        "department_code": commune.department_id if commune else "",
        "point": structure.point,
    }


def structure_queryset():
    return (
        Structure.objects.published()
        .select_related("commune")
        .prefetch_related("themes", "services")
    )


def structure_document(structure):
    services = list(structure.services.all())
    text = [
        structure.easy_read,
        structure.summary,
        structure.objectives,
        structure.audience,
        structure.access_conditions,
        structure.how_it_works,
        structure.commune.name if structure.commune_id else "",
        *(f"{service.name}. {service.description}" for service in services),
        # The English twins after the French: a search in English finds the fiche too.
        *(getattr(structure, f"{name}_en") for name in Structure.TRANSLATED_FIELDS),
        *(service.description_en for service in services),
    ]
    return Document(
        kind="structure",
        id=str(structure.pk),
        title=structure.name,
        text=" ".join(filter(None, text)),
        url=fiche_url(structure),
        themes=[theme.slug for theme in structure.themes.all()],
        types=[structure.kind],
        updated_at=structure.updated_at,
        suggest=[structure.name],
        **_place(structure),
    )


def service_queryset():
    return (
        Service.objects.filter(structure__live=True)
        .select_related("structure__commune")
        .prefetch_related("structure__themes")
    )


def service_document(service):
    structure = service.structure
    url = fiche_url(structure)
    text = [
        service.description,
        service.publics_details,
        service.access_conditions,
        service.how_to_mobilise,
        structure.name,
        service.description_en,
    ]
    return Document(
        kind="service",
        id=str(service.pk),
        title=service.name,
        text=" ".join(filter(None, text)),
        url=f"{url}#service-{service.pk}" if url else "",
        themes=[theme.slug for theme in structure.themes.all()],
        types=[service.service_type] if service.service_type else [],
        updated_at=service.updated_at,
        suggest=[service.name],
        **_place(structure),
    )


def permanence_queryset():
    return (
        Permanence.objects.current()
        .filter(structure__live=True)
        .select_related("structure", "service", "commune", "host_structure")
        .prefetch_related("structure__themes")
    )


def permanence_document(permanence):
    structure, commune = permanence.structure, permanence.commune
    url = fiche_url(structure)
    text = [
        permanence.place_label,
        permanence.full_address,
        permanence.when(),
        permanence.notes,
        permanence.service.name if permanence.service_id else "",
        structure.summary,
    ]
    title = _("Permanence de %(structure)s à %(commune)s") % {
        "structure": structure.name,
        "commune": permanence.commune_name,
    }
    return Document(
        kind="permanence",
        id=str(permanence.pk),
        title=str(title),
        text=" ".join(filter(None, text)),
        url=f"{url}#permanences" if url else "",
        themes=[theme.slug for theme in structure.themes.all()],
        types=[structure.kind],
        updated_at=structure.updated_at,
        suggest=[],
        commune_code=permanence.commune_id or "",
        department_code=commune.department_id if commune else "",
        point=permanence.point,
    )


def reindex_services(sender, instance, raw=False, **kwargs):
    """A structure going offline (or back) takes its services' documents with it: they
    are not saved when only the structure's `live` changes."""
    from search.tasks import index_object

    if raw:
        return
    # Read from the database: a draft's in-memory services (modelcluster) are not indexed.
    pks = [
        str(pk)
        for pk in Service.objects.filter(structure_id=instance.pk).values_list("pk", flat=True)
    ]
    for pk in pks:
        transaction.on_commit(lambda p=pk: index_object.enqueue("service", p))
    held = Permanence.objects.filter(structure_id=instance.pk).values_list("pk", flat=True)
    for pk in [str(pk) for pk in held]:
        transaction.on_commit(lambda p=pk: index_object.enqueue("permanence", p))


def register():
    """Declare the structure and service sources and their facet labels; connect the
    receivers that keep services and the cached page in step with their structure."""
    registry.register(
        registry.Source(
            kind="structure",
            label=_("Structures"),
            model=Structure,
            get_queryset=structure_queryset,
            to_document=structure_document,
        )
    )
    registry.register(
        registry.Source(
            kind="service",
            label=_("Services"),
            model=Service,
            get_queryset=service_queryset,
            to_document=service_document,
        )
    )
    registry.register(
        registry.Source(
            kind="permanence",
            label=_("Permanences"),
            model=Permanence,
            get_queryset=permanence_queryset,
            to_document=permanence_document,
        )
    )
    registry.register_labels("themes", theme_labels)
    registry.register_labels("types", type_labels)
    post_save.connect(reindex_services, sender=Structure, dispatch_uid="repertoire:services")
    for signal in (post_save, post_delete):
        signal.connect(forget_page, sender=RepertoirePage, dispatch_uid=f"rep:{id(signal)}")


def theme_labels(slugs):
    """Theme names for the search facet ("sante" → "Santé", "Health" in English)."""
    return {theme.slug: theme.label for theme in Theme.objects.filter(slug__in=list(slugs))}


def type_labels(codes):
    """Kinds of structure and types of service (data·inclusion) in words."""
    choices = {
        **dict(Structure._meta.get_field("kind").choices),
        **dict(Service._meta.get_field("service_type").choices),
    }
    return {code: str(choices[code]) for code in codes if code in choices}
