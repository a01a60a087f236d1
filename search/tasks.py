"""Indexing runs as `django.tasks` tasks: immediate by default, a worker in production."""

from django.tasks import task

from search import registry
from search.backends import writing_backends


@task
def index_object(kind, pk):
    """(Re)index one object of a source, or drop it when its queryset no longer holds it
    (an unpublished page, a structure taken offline)."""
    source = registry.get_source(kind)
    if source is None:
        return "unknown kind"
    obj = source.get_queryset().filter(pk=pk).first()
    for backend in writing_backends():
        if obj is None:
            backend.delete(kind, [pk])
        else:
            backend.index([source.to_document(obj)])
    return "deleted" if obj is None else "indexed"


@task
def delete_object(kind, pk):
    for backend in writing_backends():
        backend.delete(kind, [pk])
    return "deleted"
