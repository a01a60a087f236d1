"""Apps never call the engine: saving, publishing and deleting keep the index current,
through tasks run after the transaction commits; the command rebuilds it in bulk."""

import pytest
from django.core.management import call_command

from portal.models import Commune, HomePage, StandardPage
from search import api, registry
from search.documents import Document
from search.models import IndexEntry
from tests.portal.factories import CommuneFactory


@pytest.fixture
def home(db):
    return HomePage.objects.first()


def _publish(home, **fields):
    page = StandardPage(**fields)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_publishing_a_page_indexes_it(home, database_search, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = _publish(
            home,
            title="Faire garder ses enfants",
            slug="garde",
            introduction="Crèches, micro-crèches et assistantes maternelles du territoire.",
        )
    [hit] = api.search("creches").hits
    assert (hit.kind, hit.id, hit.title) == ("page", str(page.pk), "Faire garder ses enfants")
    assert hit.url.endswith("/garde/")
    assert api.suggest("faire") == ["Faire garder ses enfants"]


def test_with_a_worker_a_save_only_enqueues_and_the_worker_indexes(
    home, database_search, settings, django_capture_on_commit_callbacks, monkeypatch
):
    """Production (TASKS_BACKEND=django_tasks_db.DatabaseBackend): a save only writes a
    task row, so a slow or unreachable engine never slows an editor; `db_worker` indexes."""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # Inside the test's transaction the worker's connection check would drop the
    # connection (as Django's test client also keeps it from doing between requests).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        _publish(home, title="Covoiturage solidaire", slug="covoiturage")
    assert api.search("covoiturage").total == 0
    assert DBTaskResult.objects.filter(status="READY").exists()
    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)
    assert api.search("covoiturage").total == 1
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()


def test_nothing_is_indexed_before_commit(
    home, database_search, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _publish(home, title="Brouillon de page", slug="brouillon")
    assert callbacks and not IndexEntry.objects.filter(title="Brouillon de page").exists()


def test_unpublishing_and_deleting_remove_the_page(
    home, database_search, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = _publish(home, title="Transport à la demande", slug="transport")
    assert api.search("transport").total == 1
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert api.search("transport").total == 0
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert api.search("transport").total == 1
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert api.search("transport").total == 0


def commune_document(commune):
    return Document(
        kind="test-commune",
        id=commune.pk,
        title=commune.name,
        text="",
        url=f"/c/{commune.pk}/",
        department_code=commune.department_id,
        point=commune.point,
    )


@pytest.fixture
def commune_source(database_search):
    registry.register(
        registry.Source(
            kind="test-commune",
            label="Communes",
            model=Commune,
            get_queryset=Commune.objects.all,
            to_document=commune_document,
        )
    )
    yield
    registry.unregister("test-commune")


def test_a_registered_model_is_indexed_on_save_and_delete(
    commune_source, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        commune = CommuneFactory(insee_code="23176", name="Royère-de-Vassivière")
    assert [h.title for h in api.search("royere").hits] == ["Royère-de-Vassivière"]
    with django_capture_on_commit_callbacks(execute=True):
        commune.name = "Royère"
        commune.save()
    assert [h.title for h in api.search("royere").hits] == ["Royère"]
    with django_capture_on_commit_callbacks(execute=True):
        commune.delete()
    assert api.search("royere").total == 0


def test_command_rebuild_update_status(commune_source, capsys):
    CommuneFactory.create_batch(3)  # saved without commit hooks: not indexed yet
    call_command("search_index", "rebuild", "--kind", "test-commune")
    out = capsys.readouterr().out
    assert "database · test-commune : 3 documents" in out
    assert api.search(filters={"kind": ["test-commune"]}).total == 3
    Commune.objects.filter(pk=Commune.objects.first().pk).delete()  # its task waits for a commit
    call_command("search_index", "status", "--kind", "test-commune", "--no-progress")
    assert "test-commune : 3 dans l'index / 2  ← à mettre à jour" in capsys.readouterr().out
    call_command("search_index", "update", "--kind", "test-commune", "--no-progress")
    assert "2 indexés, 1 retirés" in capsys.readouterr().out
    assert api.search(filters={"kind": ["test-commune"]}).total == 2


def test_command_refuses_an_unknown_kind(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Nature inconnue"):
        call_command("search_index", "rebuild", "--kind", "nope")
