"""The one public base URL of the site: `SITE_URL` (set by `make run` from `PORT`; the demo's
Wagtail Site is aligned on it by `seed_site`).

Whatever is read away from the page that served it — e-mails, PDFs, JSON-LD, the API, the
sitemap's robots line — prints addresses built here, never from the request's Host header
(a proxy's internal name, or another port, would leak into a printed booklet).
"""

from django.conf import settings


def public_url(path="/"):
    """`path` (an absolute path, or a URL left as it is) on the public base URL."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")


def public_page_url(page, request=None):
    """A Wagtail page's address on the public base URL."""
    parts = page.get_url_parts(request)
    return public_url(parts[2] if parts else "/")
