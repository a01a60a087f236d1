import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.dashboard import count_many
from portal.models import Commune
from tests.portal.factories import CommuneFactory

pytestmark = pytest.mark.django_db


def test_count_many_counts_each_queryset_in_one_query():
    CommuneFactory(name="Guéret")
    CommuneFactory(name="Aubusson")
    with CaptureQueriesContext(connection) as queries:
        counts = count_many(
            all=Commune.objects.all(),
            gueret=Commune.objects.filter(name="Guéret"),
            none=Commune.objects.filter(name="Nulle part"),
        )
    assert counts == {"all": 2, "gueret": 1, "none": 0}
    assert len(queries) == 1
