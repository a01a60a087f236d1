"""Schemathesis over /api/openapi.json: every generated request answers as the schema says
(no 500, the declared status codes and content types, bodies that validate)."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from repertoire.models import Structure
from tests.repertoire.factories import ServiceFactory, StructureFactory


@pytest.fixture
def keep_connection():
    """As Django's test client does: the WSGI app must not close the test's connection at
    the end of each request (PostgreSQL would lose the test transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(db, keep_connection):
    for number in range(3):
        ServiceFactory(structure=StructureFactory(name=f"Structure ouverte {number}"))
    # One stored value the schema finds stricter than the forms (a legacy e-mail).
    legacy = StructureFactory(name="Structure ancienne")
    Structure.objects.filter(pk=legacy.pk).update(email="contact@ancienne-.exemple.fr")
    return schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


def test_the_open_data_api_keeps_its_contract(api_schema):
    checked = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
        def calls_follow_the_schema(case):
            case.call_and_validate()

        calls_follow_the_schema()
        checked.append(operation.label)
    assert len(checked) >= 2, checked
