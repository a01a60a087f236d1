"""The browser journeys' live server handles the requests a browser sends together one at a
time (see the `live_server` fixture in conftest.py).

On the in-memory SQLite database the server's request threads share one connection (or,
when the server started first, open their own through SQLite's shared cache). Leaving a
Wagtail edit page sends the editing session's release beacon (a write) while the next admin
page fetches its icon sprite and its JavaScript catalogue; handled at once they failed ("bad
parameter or other API misuse", "database table is locked": 500, or 400 for a session that
could not be saved), and Wagtail's icon loader wrote that answer (our 500 page, or the login
page) into the admin page. Without the fixture's lock this test sees 9 requests in Django at
once and some of those errors.
"""

import threading
import time
import urllib.request

import pytest
from django.core.handlers.base import BaseHandler
from django.db import connection
from django.test import Client

# The e2e default marker (transaction and serialized rollback, see conftest.py): without the
# serialized rollback, the flush at the end left the next browser tests without the migrated
# rows and their content types recreated twice.
pytestmark = pytest.mark.e2e

CSRF = "p" * 32  # a CSRF secret, sent back as its own (unmasked) token
REQUESTS = [("POST", "/admin/editing-sessions/release/1/")] * 3
REQUESTS += [("GET", "/admin/sprite/")] * 3 + [("GET", "/admin/jsi18n/")] * 3
ROUNDS = 5


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect (to the login page) is an answer to report, not to follow


def _send(url, method, cookie):
    headers = {"Cookie": f"{cookie}; csrftoken={CSRF}", "X-CSRFToken": CSRF}
    request = urllib.request.Request(url, headers=headers, method=method)
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=60) as response:
            return response.status, response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


@pytest.fixture
def django_at_once(monkeypatch):
    """The most requests Django handled at the same moment (each lasts 50 ms at least)."""
    lock, inside, peak = threading.Lock(), [], [0]
    handle = BaseHandler.get_response

    def counted(self, request):
        with lock:
            inside.append(request)
            peak[0] = max(peak[0], len(inside))
        try:
            time.sleep(0.05)
            return handle(self, request)
        finally:
            with lock:
                inside.remove(request)

    monkeypatch.setattr(BaseHandler, "get_response", counted)
    return peak


def test_admin_requests_sent_together_are_handled_one_at_a_time(
    live_server, django_user_model, django_at_once
):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("admin@example.org", "x"))
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    answers = []

    def send(method, path):
        for _ in range(ROUNDS):
            answers.append((path, *_send(live_server.url + path, method, cookie)))

    threads = [threading.Thread(target=send, args=request) for request in REQUESTS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    if connection.vendor == "sqlite":  # PostgreSQL serves them in parallel, as in production
        assert django_at_once[0] == 1
    assert len(answers) == ROUNDS * len(REQUESTS)
    assert [answer for answer in answers if answer[1] != 200] == []
    assert {kind for path, _, kind in answers if path == "/admin/sprite/"} == {"image/svg+xml"}
