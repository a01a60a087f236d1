"""The portal's own pages in the site search (kind "page"), and the names of departments and
communes on the facets; `register()` is called by `PortalConfig.ready`."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.languages import originals
from portal.models import HomePage, StandardPage
from portal.places import commune_labels, department_labels
from search import registry
from search.documents import Document

PAGE_MODELS = (HomePage, StandardPage)


def page_queryset():
    return originals(Page.objects.live().public().type(*PAGE_MODELS)).specific()


def _flatten(value):
    if isinstance(value, str):
        return strip_tags(value)
    if isinstance(value, dict):
        return " ".join(_flatten(v) for v in value.values())
    if isinstance(value, list | tuple):
        return " ".join(_flatten(v) for v in value)
    return ""


def _stream_text(body):
    # StreamField's raw data holds the editor's text; rendering every block through its
    # template would cost much for nothing the index needs.
    return " ".join(_flatten(block.get("value")) for block in (body.raw_data if body else []))


def page_document(page):
    return Document(
        kind="page",
        id=str(page.pk),
        title=page.title,
        text=" ".join(
            filter(None, [page.search_description, page.introduction, _stream_text(page.body)])
        ),
        url=page.url or "",
        updated_at=page.last_published_at,
        suggest=[page.title],
    )


def register():
    registry.register(
        registry.Source(
            kind="page",
            label=_("Pages"),
            model=PAGE_MODELS,
            get_queryset=page_queryset,
            to_document=page_document,
        )
    )
    registry.register_labels("department_code", department_labels)
    registry.register_labels("commune_code", commune_labels)
