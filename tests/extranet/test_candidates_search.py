"""Candidates in the extranet search, and the denormalised last-contact date.

A pole officer finds the candidates of their pole through /extranet/recherche/; the officer
of another pole never meets them — not in hits, counts or suggestions. Sharing with a
structure opens the document to its members."""

import datetime

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extranet.candidates import services
from extranet.candidates.enums import ContactKind
from extranet.candidates.filters import sorted_candidates
from extranet.models import Candidate, CandidateContact
from search import backends
from tests.extranet.factories import CandidateFactory, MembershipFactory, WelcomePoleFactory
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/extranet/recherche/"


@pytest.fixture
def indexed(settings, django_capture_on_commit_callbacks):
    """Indexing runs on commit (tasks, immediate backend) against the database backend."""
    settings.ELASTICSEARCH_URL = ""
    backends.reset()
    officer_a, officer_b = UserFactory(), UserFactory()
    pole_a = WelcomePoleFactory(officers=[officer_a])
    WelcomePoleFactory(officers=[officer_b])
    with django_capture_on_commit_callbacks(execute=True):
        candidate = CandidateFactory(pole=pole_a, first_name="Ysolde", last_name="Quenouille")
    yield {"a": officer_a, "b": officer_b, "candidate": candidate}
    backends.reset()


def found(client, user, text="Quenouille"):
    client.force_login(user)
    result = client.get(URL, {"q": text}).context["result"]
    suggestions = client.get(reverse("search:extranet_suggest"), {"q": "Ysol"}).json()
    return result, suggestions["suggestions"]


def test_pole_officer_finds_their_candidate(client, indexed):
    result, suggestions = found(client, indexed["a"])
    assert [hit.url for hit in result.hits] == [
        reverse("extranet:candidate_detail", args=[indexed["candidate"].reference])
    ]
    assert result.total == 1 and dict(result.facets["kind"]) == {"candidate": 1}
    assert "Ysolde Quenouille" in suggestions


def test_officer_of_another_pole_does_not(client, indexed):
    result, suggestions = found(client, indexed["b"])
    assert result.total == 0 and not result.hits
    assert "candidate" not in dict(result.facets.get("kind", []))
    assert not any("Quenouille" in s for s in suggestions + list(result.suggestions))
    # A near miss does not reveal the name through "did you mean" either.
    assert not any(
        "Quenouille" in s for s in found(client, indexed["b"], "Quenouile")[0].suggestions
    )


def test_sharing_opens_the_document_to_the_structure(
    client, indexed, django_capture_on_commit_callbacks
):
    partner = MembershipFactory()
    assert found(client, partner.user)[0].total == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.share(
            actor=indexed["a"], candidate=indexed["candidate"], structure=partner.structure,
            reason="Reprise : accompagnement par la chambre consulaire.",
        )  # fmt: skip
    assert found(client, partner.user)[0].total == 1
    assert found(client, indexed["b"])[0].total == 0


def test_public_search_never_shows_candidates(client, indexed):
    client.force_login(indexed["a"])
    response = client.get("/recherche/", {"q": "Quenouille"})
    assert response.context["result"].total == 0
    assert indexed["candidate"].reference not in response.content.decode()


# --- last_contact_at --------------------------------------------------------------------
def test_logging_contacts_keeps_the_latest_date(db):
    officer = UserFactory()
    candidate = CandidateFactory(pole=WelcomePoleFactory(officers=[officer]))
    day = datetime.date(2026, 3, 10)
    services.log_contact(
        actor=officer, candidate=candidate, kind=ContactKind.PHONE, happened_on=day
    )
    older = day - datetime.timedelta(days=20)
    services.log_contact(
        actor=officer, candidate=candidate, kind=ContactKind.EMAIL, happened_on=older
    )
    candidate.refresh_from_db()
    assert candidate.last_contact_at == day


def test_sort_by_last_contact_reads_the_column_not_the_contacts(db):
    never = CandidateFactory()
    old, recent = (
        CandidateFactory(last_contact_at=datetime.date(2025, 1, 1)),
        CandidateFactory(last_contact_at=datetime.date(2026, 1, 1)),
    )
    with CaptureQueriesContext(connection) as queries:
        ordered = list(sorted_candidates(Candidate.objects.all(), "-last_contact"))
    assert ordered == [recent, old, never]  # never contacted last, on every database
    assert "candidatecontact" not in queries[0]["sql"].lower()


def test_data_migration_fills_last_contact_from_the_contacts(db):
    from importlib import import_module

    migration = import_module("extranet.migrations.0006_candidate_last_contact")
    contacted, silent = CandidateFactory(), CandidateFactory()
    for day in (datetime.date(2026, 2, 1), datetime.date(2026, 4, 1), datetime.date(2026, 3, 1)):
        CandidateContact.objects.create(
            candidate=contacted, kind=ContactKind.PHONE, happened_on=day
        )
    migration.fill_last_contact(django_apps, None)
    contacted.refresh_from_db()
    silent.refresh_from_db()
    assert contacted.last_contact_at == datetime.date(2026, 4, 1)
    assert silent.last_contact_at is None
