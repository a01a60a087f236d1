"""Browser journeys: Playwright (sync API) driving Debian's Chromium against `live_server`.

API for journey tests (keep it stable, other suites rely on it):

- mark the test (or module) with ``pytest.mark.e2e``;
- ``page``: a fresh Playwright page per test, in its own browser context (locale fr-FR,
  no shared cookies, 10 s default timeout) whose base URL is the live server, so
  ``page.goto("/comptes/login/")`` works (``live_server.url + "/…"`` too);
- ``live_server``: pytest-django's live server, serving one request at a time on SQLite (see
  ``live_server`` below). Every ``e2e`` test runs on a transactional
  database restored to the migrated state (groups, HomePage, default Site), see
  ``pytest_collection_modifyitems`` below; create your own rows with the factories;
- ``tests.e2e.axe.assert_accessible(page)``: runs axe-core on the current page and fails with
  the list of violations.

The browser is ``$CHROMIUM_PATH`` (default ``/usr/bin/chromium``), launched once for the run
of e2e tests (``browser`` fixture, see ``_Chromium``); when it does not exist every e2e test is
skipped with the reason shown in pytest's summary (``-ra``). Playwright cannot download
browsers here: never call ``playwright install``.
"""

import os
import threading
from functools import partial
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread
from pytest_django.live_server_helper import LiveServer

CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    """Give e2e tests their database, or skip them all when there is no browser.

    `live_server` needs a transactional database, which Django empties (flush) after each
    test, taking with it the rows data migrations created: the groups, the HomePage of
    portal/migrations/0003 and the default Site. `serialized_rollback=True` makes Django
    snapshot the migrated database once at set-up and reload it before each such test: the
    real migration output, nothing re-created by hand that could drift from the migrations.
    A test that sets its own `django_db` marker keeps it (and must ask for this itself).
    """
    skip = None
    if not CHROMIUM_PATH.exists():
        reason = f"Chromium introuvable à {CHROMIUM_PATH} : tests navigateur ignorés"
        skip = pytest.mark.skip(reason=reason)
    for item in items:
        if not item.get_closest_marker("e2e"):
            continue
        if skip:
            item.add_marker(skip)
        if not item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


class _Chromium:
    """One Chromium shared by consecutive e2e tests (normally: the whole run of them).

    While Playwright's sync API is started, its asyncio loop counts as running in this
    thread, so Django refuses ORM calls (factories, fixtures) unless DJANGO_ALLOW_ASYNC_UNSAFE
    is set. That variable is set only while the browser lives, and the browser is stopped
    as soon as the next test is not an e2e one: other tests keep Django's async safety, and
    subprocesses they start (``manage.py check --deploy``) do not inherit the variable.
    """

    def __init__(self):
        self._playwright = None
        self._browser = None
        self._saved_env = None

    def get(self):
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._saved_env = os.environ.get(_ASYNC_UNSAFE)
            os.environ[_ASYNC_UNSAFE] = "true"
            snapshots = _serialized_snapshots()
            self._playwright = sync_playwright().start()
            _restore_snapshots(snapshots)
            self._browser = self._playwright.chromium.launch(
                executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
            )
        return self._browser

    def stop(self):
        if self._browser is None:
            return
        self._browser.close()
        self._playwright.stop()
        self._browser = self._playwright = None
        if self._saved_env is None:
            os.environ.pop(_ASYNC_UNSAFE, None)
        else:
            os.environ[_ASYNC_UNSAFE] = self._saved_env


def _serialized_snapshots():
    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


def _restore_snapshots(snapshots):
    """Hand the serialized-rollback snapshots to the connections seen once Playwright runs.

    With an event loop running in the thread, asgiref's thread-critical Local (Django's
    connection registry) switches to context-var storage and hands out *new* connection
    objects (same test database) that lack the snapshot Django took at set-up; serialized
    rollback would then silently restore nothing and later tests would miss the HomePage.
    """
    for alias, contents in snapshots.items():
        connections[alias]._test_serialized_contents = contents


_ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
_CHROMIUM = _Chromium()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield  # fixtures (the page's context) are closed first
    if not (nextitem and nextitem.get_closest_marker("e2e")):
        _CHROMIUM.stop()
    return result


def pytest_sessionfinish(session):
    _CHROMIUM.stop()


@pytest.fixture
def browser():
    """The shared Chromium (started on first use, see `_Chromium`)."""
    return _CHROMIUM.get()


def _one_request_at_a_time(application, lock, environ, start_response):
    """Run `application` for one request under `lock`, its body read and closed inside it
    (Django's `request_finished` and any streamed queryset run before the next request)."""
    if environ.get("PATH_INFO", "").startswith(settings.STATIC_URL):
        return application(environ, start_response)  # files only: no database
    with lock:
        result = application(environ, start_response)
        try:
            return [b"".join(result)]
        finally:
            if hasattr(result, "close"):
                result.close()


class _SerialWSGIServer(ThreadedWSGIServer):
    """Still one thread per connection (Chromium keeps several open, and a single-threaded
    server would wait on an idle one), but Django handles one request at a time."""

    def set_app(self, application):
        super().set_app(partial(_one_request_at_a_time, application, threading.Lock()))


class _SerialLiveServerThread(LiveServerThread):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if connections["default"].vendor == "sqlite":
            self.server_class = _SerialWSGIServer


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, except that on SQLite Django handles one request at a
    time.

    Django's live server runs each request in a thread of its own, on the in-memory test
    database. When the database existed before the server started (a full run: earlier
    tests set it up), every thread shares the test's one SQLite connection object; when
    the server came first (e2e files alone), each thread opens its own connection to the
    in-memory database through SQLite's shared cache, which locks whole tables and never
    waits. Either way two requests at once fail: "bad parameter or other API misuse",
    "database table is locked" (500, or 400 when the session cannot be saved), or a read
    that finds no session (the login page). A browser sends requests together: leaving a
    Wagtail edit page sends the editing session's release beacon (a write) while the next
    admin page fetches `/admin/sprite/` and `/admin/jsi18n/`, and Wagtail's icon loader
    writes whatever the sprite request was answered (our 500 page, the login page) into
    the admin page: the "site layout inside an admin page" met on CI (2026-11-29, the
    sprite's 500 is in that run's log). PostgreSQL waits for its locks: nothing changes.
    The test's own ORM calls are not serialised: make them once the page is settled
    (`Visit.checked` waits for it), not while the browser is still loading.
    """
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    stock = server.thread
    server.thread = _SerialLiveServerThread(
        stock.host, stock.static_handler, stock.connections_override, stock.port
    )
    server.thread.daemon = True
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and Wagtail's cached site root paths must not leak across tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="fr-FR", base_url=live_server.url)
    context.set_default_timeout(10_000)
    browser_page = context.new_page()
    refused = []
    browser_page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield browser_page
    context.close()
    assert refused == [], "the Content Security Policy blocked part of a page"
