from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page


class RepertoirePage(RoutablePageMixin, Page):
    """Publishes the répertoire: theme tabs, filters, list + map, fiches, paper versions.

    Editors place it (slug "repertoire" under the home page); every public route of the
    répertoire hangs from it, so its URL is the editors' choice.
    """

    introduction = models.TextField(_("introduction"), blank=True)
    booklet_title = models.CharField(
        _("titre du livret imprimé"),
        max_length=120,
        default="Répertoire des compétences sociales",
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("booklet_title")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("page du répertoire")

    @path("")
    def index_route(self, request):
        from repertoire.views import structure_list

        return structure_list(request, self)

    @path("themes/<slug:theme_slug>/", name="theme")
    def theme_route(self, request, theme_slug):
        from repertoire.views import structure_list

        return structure_list(request, self, theme_slug=theme_slug)

    @path("carte/", name="map_data")
    def map_route(self, request):
        from repertoire.views import map_data

        return map_data(request, self)

    @path("structures/<slug:slug>/", name="structure_detail")
    def detail_route(self, request, slug):
        from repertoire.views import structure_detail

        return structure_detail(request, self, slug)

    @path("structures/<slug:slug>/signaler/", name="report_error")
    def report_route(self, request, slug):
        from repertoire.views import report_error

        return report_error(request, self, slug)

    @path("structures/<slug:slug>/pdf/", name="structure_pdf")
    def pdf_route(self, request, slug):
        from repertoire.paper.views import structure_pdf

        return structure_pdf(request, self, slug)

    @path("livret/", name="booklet")
    def booklet_route(self, request):
        from repertoire.paper.views import booklet_pdf

        return booklet_pdf(request, self)

    @path("fiche-de-liaison/", name="referral_form")
    def referral_form_route(self, request):
        from repertoire.paper.views import blank_form_pdf

        return blank_form_pdf(request, self, "referral")

    @path("fiche-parcours/", name="pathway_form")
    def pathway_form_route(self, request):
        from repertoire.paper.views import blank_form_pdf

        return blank_form_pdf(request, self, "pathway")
