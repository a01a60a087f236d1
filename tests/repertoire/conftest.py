import pytest

from tests.repertoire.factories import repertoire_page


@pytest.fixture
def repertoire(db):
    """The published RepertoirePage at /repertoire/."""
    return repertoire_page()


@pytest.fixture
def index(db, settings):
    """Fill the search index (database backend) from what the test created."""
    from django.core.management import call_command

    from search import backends

    settings.ELASTICSEARCH_URL = ""
    backends.reset()

    def fill():
        call_command(
            "search_index", "update", kind=["structure", "service"], no_progress=True, stdout=None
        )

    yield fill
    backends.reset()
