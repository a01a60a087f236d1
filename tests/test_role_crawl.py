"""Every role finishes every task on the seeded demo (issue #12): the role crawls.

The real demo is built once for the module (`seed_demo`), each printed account signs in
with the printed password, and its pages are walked by following links from where the
sign-in lands it (`tests/crawl.py`). Then:

- every link it meets answers a page (never 403/404/5xx, never the login page);
- every task of each of its roles (`extranet.navigation`, the list the menus are built
  from) is linked from a page it reached: nothing needs a typed URL;
- no page (these, and the sitemap's, anonymously) shows a raw stored value of a choice
  list where a French label exists, or an English interface word.
"""

import importlib
import re
from pathlib import Path

import pytest
from django.db import models, transaction
from django.test import Client
from django.urls import reverse

from extranet import demo, navigation
from extranet.roles import roles_of
from portal.models import User
from tests.crawl import build_demo, crawl

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
APPS = ("portal", "repertoire", "extranet", "cartemploi", "search")
# What a person types in the search forms (the crawl only clicks).
SEARCHES = ("/recherche/?q=emploi", "/recherche/?q=a")
# Stored values that are also French words a page may use in their own right.
FRENCH_WORDS = {"contact", "normal", "support"}
# The Wagtail admin, and the public portal in English (decision 0009), are not checked.
NOT_FRENCH = ("/admin/", "/en/")
ENGLISH = ("Save", "Submit", "Cancel", "Delete", "Edit", "Search")


@pytest.fixture(scope="module")
def crawls(django_db_setup, django_db_blocker):
    """{who: Crawl}: each demo account from its landing page, and the anonymous sitemap."""
    with django_db_blocker.unblock():
        block = transaction.atomic()
        block._from_testcase = True  # the outbox's test hook treats it as the test's own
        with block:
            build_demo()
            found = {"anonyme": crawl_sitemap()}
            for account in demo.ACCOUNTS:
                found[account.email] = crawl_as(account.email)
            yield found
            transaction.set_rollback(True)


def sign_in(email):
    client = Client(raise_request_exception=False)
    response = client.post(
        reverse("account_login"),
        {"login": email, "password": demo.DEMO_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain, f"{email} could not sign in"
    return client, response.redirect_chain[-1][0]


def crawl_as(email):
    client, landing = sign_in(email)
    member_search = task_urls(email).get("search")
    typed = SEARCHES + ((f"{member_search}?q=a",) if member_search else ())
    return crawl(client, landing, also=typed)


def crawl_sitemap():
    client = Client(raise_request_exception=False)
    sitemap = client.get("/sitemap.xml").content.decode()
    urls = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    result = crawl(client, "/", follow_public=True, limit=150, also=SEARCHES)
    for url in urls:
        if url not in result.visits:
            result.visits.update(crawl(client, url, limit=1).visits)
    return result


def task_urls(email):
    user = User.objects.get(email=email)
    return navigation.tasks_of(user, roles_of(user))


def unreached(found, email):
    """The tasks of the account's roles with no link on any page it reached."""
    shown = found.paths_shown()
    return {key: url for key, url in task_urls(email).items() if url is None or url not in shown}


@pytest.mark.django_db
def test_every_account_meets_only_pages_it_may_open(crawls):
    broken = {who: found.broken() for who, found in crawls.items() if found.broken()}
    assert broken == {}


@pytest.mark.django_db
def test_every_task_of_every_role_is_linked_from_its_start_page(crawls):
    missing = {
        account.email: unreached(crawls[account.email], account.email) for account in demo.ACCOUNTS
    }
    assert {who: tasks for who, tasks in missing.items() if tasks} == {}
    assert all(len(crawls[a.email].visits) > 5 for a in demo.ACCOUNTS)


@pytest.mark.django_db
def test_an_unlinked_task_is_caught(crawls, monkeypatch):
    """The check above fails when a task has no link (here: one no page shows)."""
    account = next(a for a in demo.ACCOUNTS if a.local_part == "membre")
    hidden = navigation.Task(
        "hidden", "Caché", frozenset({account.role}), lambda user: "/extranet/cache/", menu=""
    )
    monkeypatch.setattr(navigation, "_tasks", [*navigation.tasks(), hidden])
    assert unreached(crawls[account.email], account.email) == {"hidden": "/extranet/cache/"}


def choice_lists():
    """Every choice list (TextChoices) the apps define, their modules imported."""
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts and "Choices)" in path.read_text():
                importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
    pending, found = list(models.TextChoices.__subclasses__()), []
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.split(".")[0] in APPS:
            found.append(cls)
    return found


def raw_values():
    """Stored values a person must never read: different from their label, and not a word
    any label uses (a value such as "logement" is French and may be read)."""
    lists = choice_lists()
    label_words = {
        word.lower()
        for cls in lists
        for label in cls.labels
        for word in re.findall(r"\w+", str(label))
    }
    return {
        value
        for cls in lists
        for value, label in cls.choices
        if re.search(r"[a-z].*[a-z]", value)  # codes such as "S" or "16-17" read as such
        and value.lower() != str(label).lower()
        and value.lower() not in label_words | FRENCH_WORDS
    }


def shown(crawls, pattern):
    return {
        (who, url): sorted(set(pattern.findall(visit.text)))
        for who, found in crawls.items()
        for url, visit in found.visits.items()
        if not url.startswith(NOT_FRENCH) and pattern.search(visit.text)
    }


def test_the_raw_value_check_knows_the_choice_lists():
    values = raw_values()
    assert {"job", "housing", "new", "settled", "regional_admin"} <= values
    assert "logement" not in values


@pytest.mark.django_db
def test_no_page_shows_a_raw_stored_value(crawls):
    values = sorted(raw_values(), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w/.-])(" + "|".join(map(re.escape, values)) + r")(?![\w/.-])")
    assert shown(crawls, pattern) == {}


@pytest.mark.django_db
def test_no_page_shows_an_english_interface_word(crawls):
    pattern = re.compile(r"\b(" + "|".join(ENGLISH) + r")\b")
    assert shown(crawls, pattern) == {}
