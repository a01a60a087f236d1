"""Paper répertoire: fiche PDF, booklet (see `repertoire.paper.booklet`) and the blank fiche de
liaison / fiche parcours, rendered by WeasyPrint."""

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from portal.public_url import public_page_url, public_url
from repertoire.paper import typesetting
from repertoire.paper.booklet import (
    PDF_CSS,
    booklet_queryset,
    cache_key,
    pictogram_uri,
    render_booklet,
)

BOOKLET_CACHE_SECONDS = 24 * 3600


def render_pdf(template, context, base_url=None):
    html = render_to_string(template, context)
    return typesetting.lay_out(html, [finders.find(PDF_CSS)], base_url).pdf


def pdf_response(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def structure_pdf(request, page, slug):
    from repertoire.views import get_structure, hosted_permanences

    structure = get_structure(slug)
    context = {
        "structure": structure,
        "hosted_permanences": hosted_permanences(structure),
        "services": list(structure.services.all()),
        "site_url": public_url("/"),
        "fiche_url": f"{public_page_url(page, request)}structures/{slug}/",
        "today": timezone.localdate(),
        "pictogram": pictogram_uri(),
    }
    content = render_pdf("repertoire/pdf/fiche.html", context, request.build_absolute_uri("/"))
    return pdf_response(content, f"fiche-{structure.slug}.pdf")


def cached_booklet(page, params, base_url=None):
    """(PDF bytes, scope) of the booklet `params` ask for (theme, département), set once
    and kept until one of its fiches changes: a long booklet takes tens of seconds to lay
    out, the next reader gets it at once (`build_booklets` sets them ahead, at night).
    The address printed on the cover is the page's public one, whatever host served."""
    structures, scope = booklet_queryset(params)
    site_url = public_page_url(page)
    key = cache_key(structures, scope, page.booklet_title, site_url)
    content = cache.get(key)
    if content is None:
        content = render_booklet(structures, scope, page.booklet_title, site_url, base_url)
        cache.set(key, content, BOOKLET_CACHE_SECONDS)
    return content, scope


def booklet_pdf(request, page):
    content, scope = cached_booklet(page, request.GET, request.build_absolute_uri("/"))
    suffix = "-".join(slugify(part) for part in scope) or "complet"
    return pdf_response(content, f"repertoire-{suffix}.pdf")


BLANK_FORMS = {
    "referral": ("repertoire/pdf/referral_form.html", "fiche-de-liaison.pdf"),
    "pathway": ("repertoire/pdf/pathway_form.html", "fiche-parcours.pdf"),
}


def blank_form_pdf(request, page, kind):
    template, filename = BLANK_FORMS[kind]
    context = {"site_url": public_page_url(page, request)}
    return pdf_response(render_pdf(template, context), filename)
