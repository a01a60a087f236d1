"""One public base URL: the one `make run` serves (SITE_URL), in e-mails and the sitemap."""

import pytest
from wagtail.models import Site

from portal.demo.site import seed_site

pytestmark = pytest.mark.django_db


def test_the_demo_site_answers_at_site_url_and_the_sitemap_says_so(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8123"
    seed_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://127.0.0.1:8123/</loc>" in sitemap
    assert "localhost/" not in sitemap
