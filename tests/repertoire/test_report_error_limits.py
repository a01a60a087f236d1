""" "Signaler une erreur" is public and mails the editors: limited per address."""

import pytest
from django.core import mail
from django.core.cache import cache
from pytest_django.asserts import assertContains

from repertoire.models import ErrorReport
from tests.repertoire.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def test_report_error_is_rate_limited_per_address_and_keeps_the_message(
    client, repertoire, editor, settings
):
    settings.REPORT_ERROR_RATE_LIMIT = 2
    structure = StructureFactory()
    url = f"/repertoire/structures/{structure.slug}/signaler/"
    for _ in range(2):
        assert client.post(url, {"message": "Horaires faux."}).status_code == 302
    response = client.post(url, {"message": "Encore une fois."})
    assertContains(response, "Trop de signalements", status_code=429)
    assertContains(response, "Encore une fois.", status_code=429)
    assert ErrorReport.objects.count() == 2
    assert len(mail.outbox) == 2


def test_another_address_is_not_limited(client, repertoire, editor, settings):
    settings.REPORT_ERROR_RATE_LIMIT = 1
    structure = StructureFactory()
    url = f"/repertoire/structures/{structure.slug}/signaler/"
    client.post(url, {"message": "Horaires faux."}, REMOTE_ADDR="10.0.0.1")
    response = client.post(url, {"message": "Adresse fausse."}, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 302
    assert ErrorReport.objects.count() == 2
