"""The reverse-proxy purge (issue #13): off by default; with FRONTEND_CACHE_URL set, publishing
a page sends an HTTP PURGE of its URL to a real HTTP server."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.conf import settings
from django.test import override_settings

from portal.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def proxy():
    """A local HTTP server recording the PURGE requests it receives."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            received.append((self.path, self.headers["Host"]))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()
    server.server_close()


def _publish(title, slug):
    page = StandardPage(title=title, slug=slug, introduction="")
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_no_purge_is_configured_by_default():
    assert settings.WAGTAILFRONTENDCACHE == {}


def test_publishing_and_unpublishing_a_page_purge_it_from_the_proxy(proxy):
    location, received = proxy
    backend = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
    with override_settings(
        WAGTAILFRONTENDCACHE={"default": {"BACKEND": backend, "LOCATION": location}}
    ):
        page = _publish("Se loger", "se-loger")
        assert [path for path, _ in received] == ["/se-loger/"]
        page.unpublish()
    assert [path for path, _ in received] == ["/se-loger/", "/se-loger/"]
    assert received[0][1]  # the page's host is kept in the Host header
