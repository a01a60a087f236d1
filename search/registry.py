"""Where apps declare what they make searchable. `search/` never imports them back.

    register(Source(kind="structure", label=_("Structures"), model=Structure,
                    get_queryset=lambda: Structure.objects.published(),
                    to_document=structure_document))

Saving or deleting a registered model (and Wagtail's publish/unpublish for pages) enqueues
indexing tasks, run after the transaction commits: apps never call the engine.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

_SOURCES = {}
_LABELLERS = {}


@dataclass(frozen=True)
class Source:
    kind: str
    label: Any
    model: Any
    get_queryset: Any
    to_document: Any
    public: bool = True

    def __hash__(self):
        return hash(self.kind)


def register(source):
    """Declare a source; registering the same kind again replaces it (autoreload-safe)."""
    _connect_once()
    _SOURCES[source.kind] = source
    return source


def unregister(kind):
    _SOURCES.pop(kind, None)


def sources():
    return dict(_SOURCES)


def get_source(kind):
    return _SOURCES.get(kind)


def sources_for_model(model):
    """Sources whose `model` (a model class or a tuple of them) the class is, or extends."""
    return [s for s in _SOURCES.values() if issubclass(model, s.model)]


def register_labels(field, labeller):
    """`labeller(values) -> {value: label}` names the values of a facet field on screen
    (e.g. department codes → names). Several apps may name values of the same field (each
    its own types); unlabelled values show as they are."""
    labellers = _LABELLERS.setdefault(field, [])
    if labeller not in labellers:
        labellers.append(labeller)


def labels_for(field, values):
    values = list(values)
    if field == "kind":
        return {v: str(_SOURCES[v].label) for v in values if v in _SOURCES}
    labels = {}
    for labeller in _LABELLERS.get(field, []) if values else []:
        labels.update({v: label for v, label in labeller(values).items() if v not in labels})
    return labels


def _on_save(sender, instance, raw=False, **kwargs):
    from search.tasks import index_object

    if raw:  # fixtures: the rebuild command indexes them
        return
    for source in sources_for_model(type(instance)):
        kind, pk = source.kind, str(instance.pk)
        transaction.on_commit(lambda k=kind, p=pk: index_object.enqueue(k, p))


def _on_delete(sender, instance, **kwargs):
    from search.tasks import delete_object

    for source in sources_for_model(type(instance)):
        kind, pk = source.kind, str(instance.pk)
        transaction.on_commit(lambda k=kind, p=pk: delete_object.enqueue(k, p))


def _connect_once():
    """One receiver per signal, for every sender: it looks the instance's sources up, so
    subclasses (specific Wagtail pages) and tuples of models work alike."""
    from wagtail.signals import page_published, page_unpublished

    post_save.connect(_on_save, dispatch_uid="search:save")
    post_delete.connect(_on_delete, dispatch_uid="search:delete")
    page_published.connect(_on_save, dispatch_uid="search:published")
    page_unpublished.connect(_on_save, dispatch_uid="search:unpublished")
