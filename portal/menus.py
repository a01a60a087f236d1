"""The main menu: the pages marked "show in menus" under the site root, cached per site.

Every public page draws this menu; read from the page tree it cost ~75 queries a page
(deferred fields of specific pages loaded one at a time). It is now a list of plain
(title, url) pairs kept in the cache and forgotten whenever a page is published,
unpublished, moved or deleted.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_KEY = "portal:main-menu:{site_id}"


def main_menu(site):
    """[{"title", "url", "introduction"}] of the menu pages of `site` (relative URLs); the
    home page shows the same pages as cards."""
    key = CACHE_KEY.format(site_id=site.pk)
    entries = cache.get(key)
    if entries is None:
        entries = _menu_entries(site)
        cache.set(key, entries, None)
    return entries


def _menu_entries(site):
    pages = site.root_page.get_children().live().in_menu().order_by("path").specific()
    return [
        {
            "title": page.title,
            "url": page.get_url(current_site=site),
            "introduction": getattr(page, "introduction", ""),
        }
        for page in pages
    ]


def forget_menus(**kwargs):
    cache.delete_many(
        [CACHE_KEY.format(site_id=pk) for pk in Site.objects.values_list("pk", flat=True)]
    )


def connect():
    """Called from `PortalConfig.ready()`."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_menus, dispatch_uid=f"portal-menu-{signal}")
    post_delete.connect(forget_menus, sender=Page, dispatch_uid="portal-menu-delete")
