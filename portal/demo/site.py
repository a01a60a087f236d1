"""Demo pages and site settings, called by `manage.py seed_demo`.

Pages are matched by slug under the home page; a page is only revised and republished
when its demo content differs, so re-running the seed adds no empty revisions.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

from portal.demo import content
from portal.models import HomePage, SiteSettings, StandardPage


def stream_data(items):
    """Raw StreamField data from ("h2" | "p" | "ul" | "retention", value) tuples."""
    blocks = []
    for kind, value in items:
        if kind == "h2":
            blocks.append({"type": "heading", "value": {"text": value, "level": "h2"}})
        elif kind == "retention":
            blocks.append({"type": "retention", "value": None})
        elif kind == "ul":
            html = "".join(f"<li>{item}</li>" for item in value)
            blocks.append({"type": "paragraph", "value": f"<ul>{html}</ul>"})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{value}</p>"})
    return blocks


def call_to_action(page, title, text, label):
    value = {"title": title, "text": text, "page": page.pk, "url": "", "label": label}
    return {"type": "call_to_action", "value": value}


def stored_body(page):
    return [{"type": block["type"], "value": block["value"]} for block in page.body.raw_data]


def publish_if_changed(page, *, title, introduction, body, show_in_menus):
    """Update the page's demo fields and publish a revision, only when something differs."""
    wanted = {"title": title, "introduction": introduction, "show_in_menus": show_in_menus}
    current = {name: getattr(page, name) for name in wanted}
    if current == wanted and stored_body(page) == body and page.live:
        return page
    for name, value in wanted.items():
        setattr(page, name, value)
    page.draft_title = title
    page.body = body
    page.save_revision(log_action=False).publish(log_action=False)
    return page


def upsert_page(parent, slug, title, introduction, items, show_in_menus):
    page = StandardPage.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = StandardPage(slug=slug, title=title)
        parent.add_child(instance=page)
    return publish_if_changed(
        page,
        title=title,
        introduction=introduction,
        body=stream_data(items),
        show_in_menus=show_in_menus,
    )


def seed_home(home, discover):
    body = stream_data(content.HOME_BODY)
    body.append(
        call_to_action(
            discover,
            "Découvrir le territoire",
            "Paysages, métiers, logement, services : ce qui vous attend ici.",
            "Découvrir la Creuse et la Haute-Vienne",
        )
    )
    return publish_if_changed(
        home,
        title=home.title,
        introduction=content.HOME_INTRODUCTION,
        body=body,
        show_in_menus=home.show_in_menus,
    )


def seed_site_settings(site, pages):
    settings = SiteSettings.for_site(site)
    settings.contact_email = content.CONTACT_EMAIL
    settings.contact_phone = content.CONTACT_PHONE
    settings.contact_address = content.CONTACT_ADDRESS
    settings.legal_notice_page = pages["legal_notice"]
    settings.privacy_page = pages["privacy"]
    settings.accessibility_page = pages["accessibility"]
    settings.charter_page = pages["charter"]
    settings.save()
    return settings


def seed_site():
    """Home page text, the discovery page, the four legal pages and the site settings."""
    site = Site.objects.get(is_default_site=True)
    match_site_url(site)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise LookupError("The default site's root page is not the portal's HomePage.")
    pages = {key: upsert_page(home, *definition) for key, definition in content.PAGES.items()}
    seed_home(home, pages["discover"])
    seed_site_settings(site, pages)
    return pages


def match_site_url(site):
    """The Wagtail site answers at `SITE_URL` (the address `make run` serves), so the
    sitemap, PDFs and JSON-LD print the same base URL as the e-mails."""
    url = urlsplit(settings.SITE_URL)
    site.hostname = url.hostname or "localhost"
    site.port = url.port or (443 if url.scheme == "https" else 80)
    site.save(update_fields=["hostname", "port"])
