"""Paper répertoire: fiche PDF, booklet (cover, contents by theme, index of communes, page
numbers) and the blank fiche de liaison / fiche parcours, rendered by WeasyPrint."""

from collections import defaultdict

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.models import Department
from repertoire.models import Structure, Theme

PDF_CSS = "css/repertoire-pdf.css"


def render_pdf(template, context, base_url=None):
    from weasyprint import CSS, HTML  # heavy import, only when a PDF is asked for

    html = render_to_string(template, context)
    stylesheet = CSS(filename=finders.find(PDF_CSS))
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[stylesheet])


def pdf_response(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def structure_pdf(request, page, slug):
    from repertoire.views import get_structure

    structure = get_structure(slug)
    context = {
        "structure": structure,
        "services": list(structure.services.all()),
        "site_url": request.build_absolute_uri("/"),
        "fiche_url": request.build_absolute_uri(f"{page.get_url(request)}structures/{slug}/"),
        "today": timezone.localdate(),
    }
    content = render_pdf("repertoire/pdf/fiche.html", context, request.build_absolute_uri("/"))
    return pdf_response(content, f"fiche-{structure.slug}.pdf")


def booklet_sections(structures, themes):
    """[(theme, [structures])] each structure under its first theme, then 'Autres'."""
    sections = defaultdict(list)
    for structure in structures:
        own = list(structure.themes.all())
        first = min(own, key=lambda t: (t.order, t.name)) if own else None
        sections[first].append(structure)
    ordered = [(theme, sections[theme]) for theme in themes if sections.get(theme)]
    if sections.get(None):
        ordered.append((None, sections[None]))
    return ordered


def commune_index(structures):
    index = defaultdict(list)
    for structure in structures:
        name = structure.commune.name if structure.commune_id else _("Commune non précisée")
        index[name].append(structure)
    return sorted(index.items(), key=lambda item: slugify(item[0]))


def booklet_queryset(params):
    """Published fiches for the booklet, with its scope label; 404 on an unknown scope."""
    structures = Structure.objects.published()
    scope = []
    if params.get("theme"):
        theme = Theme.objects.filter(slug=params["theme"]).first()
        if theme is None:
            raise Http404
        structures = structures.in_theme(theme)
        scope.append(theme.name)
    if params.get("departement"):
        department = Department.objects.filter(code=params["departement"]).first()
        if department is None:
            raise Http404
        structures = structures.filter(commune__department=department)
        scope.append(department.name)
    structures = structures.select_related("commune").prefetch_related("themes", "services")
    return structures.order_by("name"), scope


def booklet_context(structures, scope, title):
    themes = list(Theme.objects.all())
    rows = list(structures)
    return {
        "title": title,
        "scope": " – ".join(scope),
        "sections": booklet_sections(rows, themes),
        "communes": commune_index(rows),
        "count": len(rows),
        "today": timezone.localdate(),
    }


def booklet_pdf(request, page):
    structures, scope = booklet_queryset(request.GET)
    context = booklet_context(structures, scope, page.booklet_title)
    context["site_url"] = request.build_absolute_uri(page.get_url(request))
    content = render_pdf("repertoire/pdf/booklet.html", context, request.build_absolute_uri("/"))
    suffix = "-".join(slugify(part) for part in scope) or "complet"
    return pdf_response(content, f"repertoire-{suffix}.pdf")


BLANK_FORMS = {
    "referral": ("repertoire/pdf/referral_form.html", "fiche-de-liaison.pdf"),
    "pathway": ("repertoire/pdf/pathway_form.html", "fiche-parcours.pdf"),
}


def blank_form_pdf(request, page, kind):
    template, filename = BLANK_FORMS[kind]
    context = {"site_url": request.build_absolute_uri(page.get_url(request))}
    return pdf_response(render_pdf(template, context), filename)
