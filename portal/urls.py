from importlib import import_module

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth.decorators import login_not_required
from django.contrib.sitemaps.views import sitemap
from django.urls import LocalePrefixPattern, URLResolver, include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cartemploi.sitemaps import CartemploiSitemap
from portal import views
from portal.sitemaps import PortalSitemap
from repertoire.events.sitemaps import EventSitemap
from repertoire.workspaces.sitemaps import WorkspaceSitemap


def public(urls):
    """Every view of `urls` (a URLconf module or a list of patterns) open to anonymous
    visitors under `LoginRequiredMiddleware`: the Wagtail page tree (its private pages keep
    Wagtail's own view restrictions), documents (Wagtail checks their collection), the open
    data API. Our own public views say it with `@login_not_required` where they are."""
    for entry in getattr(urls, "urlpatterns", urls):
        if isinstance(entry, URLResolver):
            public(entry.url_patterns)
        else:
            login_not_required(entry.callback)
    return urls


def bilingual(route, module):
    """`module`'s `translated_urlpatterns` at `route` in French and under /en/, its
    `urlpatterns` in French only, all in the module's one namespace so that every view keeps
    its name. (Two includes cannot share a namespace, and `i18n_patterns` refuses to be
    included: the locale prefix is placed here, in the root URLconf, by hand.)"""
    urls = import_module(module)
    prefixed = URLResolver(
        LocalePrefixPattern(prefix_default_language=False),
        [path(route, include(urls.translated_urlpatterns))],
    )
    patterns = [prefixed, path(route, include(urls.urlpatterns))]
    return path("", (patterns, urls.app_name, urls.app_name))


def admin_assets_public():
    """Wagtail's icon sprite and JavaScript catalogue are public in Wagtail: answered to
    anyone, never with the login page (Wagtail's icon script would keep that page in the
    browser's storage as its sprite)."""
    for entry in wagtailadmin_urls.urlpatterns:
        if getattr(entry, "name", None) in ADMIN_ASSETS:
            login_not_required(entry.callback)


ADMIN_ASSETS = ("wagtailadmin_sprite", "wagtailadmin_javascript_catalog")
admin_assets_public()

urlpatterns = [
    # Wagtail admin signs in through the same accounts (allauth, with MFA).
    path("admin/login/", views.admin_login_redirect, name="admin_login_redirect"),
    re_path(r"^admin/password_reset/", views.admin_password_reset_redirect),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's front-end login for private pages: the same accounts pages.
    path("_util/login/", views.frontend_login_redirect, name="frontend_login_redirect"),
    path("documents/", include(public(wagtaildocs_urls))),
    path("comptes/", include("extranet.privacy.urls")),
    path("comptes/", include("allauth.urls")),
    path("api/", include(public(import_module("repertoire.api_urls")))),
    path("extranet/", include("extranet.urls")),
    # Public pages in both languages, signed-in pages and documents in French only.
    bilingual("cartemploi/", "cartemploi.urls"),
    bilingual("espaces-de-travail/", "repertoire.workspaces.urls"),
    bilingual("evenements/", "repertoire.events.urls"),
    path(
        "sitemap.xml",
        login_not_required(sitemap),
        {
            "sitemaps": {
                "pages": PortalSitemap,
                "cartemploi": CartemploiSitemap,
                "workspaces": WorkspaceSitemap,
                "events": EventSitemap,
            }
        },
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg")),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Only images are public media (Wagtail renditions, logos). Documents go through
    # Wagtail's permission-checked view; personal files live in private storage.
    for folder in ("images/", "original_images/"):
        urlpatterns += public(
            static(settings.MEDIA_URL + folder, document_root=f"{settings.MEDIA_ROOT}/{folder}")
        )

# The public portal in French at unprefixed addresses and in English under /en/.
urlpatterns += i18n_patterns(
    path("plan-du-site/", views.site_plan, name="site_plan"),
    path("je-m-installe/", include("extranet.intake.urls")),
    path("", include("search.urls")),
    path("", include(public(wagtail_urls))),
    prefix_default_language=False,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
