from datetime import date, timedelta

from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from repertoire.models import ErrorReport, Structure
from repertoire.models.structures import months_before
from tests.extranet.factories import MembershipFactory
from tests.repertoire.factories import StructureFactory


def test_stale_queryset_follows_the_setting(db):
    fresh = StructureFactory(last_verified_at=date.today() - timedelta(days=30))
    old = StructureFactory(last_verified_at=date.today() - timedelta(days=200))
    never = StructureFactory(last_verified_at=None)
    assert set(Structure.objects.stale()) == {old, never}
    with override_settings(REPERTOIRE_STALE_AFTER_MONTHS=12):
        assert set(Structure.objects.stale()) == {never}
    assert fresh.is_stale() is False


def test_months_before_clamps_the_day():
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)


def test_reminders_go_to_managers_once_per_cycle(db):
    manager = MembershipFactory(manager=True, structure__last_verified_at=date(2020, 1, 1))
    MembershipFactory(structure=manager.structure)  # a plain member is not reminded
    StructureFactory(last_verified_at=date.today())  # fresh: nothing to do
    call_command("remind_stale_fiches")
    assert [m.to for m in mail.outbox] == [[manager.user.email]]
    assert "est-elle à jour" in mail.outbox[0].subject
    call_command("remind_stale_fiches")
    assert len(mail.outbox) == 1  # no duplicate
    structure = manager.structure
    structure.last_verified_at = date.today() - timedelta(days=400)  # verified, then stale again
    structure.save()
    call_command("remind_stale_fiches")
    assert len(mail.outbox) == 2


def test_report_error_reaches_editors(client, repertoire, editor):
    structure = StructureFactory()
    url = f"/repertoire/structures/{structure.slug}/signaler/"
    response = client.post(url, {"message": "Le numéro ne répond plus.", "reporter_email": ""})
    assert response.status_code == 302
    assert ErrorReport.objects.get().structure == structure
    assert mail.outbox[0].to == [editor.email]
    assert "Le numéro ne répond plus." in mail.outbox[0].body


def test_report_error_honeypot_and_empty_message(client, repertoire, editor):
    structure = StructureFactory()
    url = f"/repertoire/structures/{structure.slug}/signaler/"
    assert client.post(url, {"message": ""}).status_code == 200
    client.post(url, {"message": "spam", "nickname": "bot"})
    assert not ErrorReport.objects.exists() and not mail.outbox


def test_report_error_with_smtp_down_is_saved_and_reaches_editors_later(
    client, repertoire, editor, smtp_down
):
    structure = StructureFactory()
    url = f"/repertoire/structures/{structure.slug}/signaler/"
    response = client.post(url, {"message": "Le numéro ne répond plus.", "reporter_email": ""})
    assert response.status_code == 302
    assert ErrorReport.objects.get().structure == structure
    assert smtp_down.queued(editor.email).count() == 1
    smtp_down.recover_and_retry()
    assert mail.outbox[0].to == [editor.email]
    assert "Le numéro ne répond plus." in mail.outbox[0].body
