import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from extranet.audit import record, record_export, record_reads
from extranet.enums import AuditAction
from extranet.models import AuditEvent
from repertoire.models import Structure
from tests.repertoire.factories import StructureFactory


@pytest.fixture
def event(member):
    return record(actor=member, action=AuditAction.READ, obj=StructureFactory(), reason="test")


def test_record_stores_who_what_and_which_object(event, member):
    assert event.actor == member
    assert event.actor_label == member.email
    assert event.action == AuditAction.READ
    assert (
        AuditEvent.objects.for_object(
            event.content_type.get_object_for_this_type(pk=event.object_id)
        ).count()
        == 1
    )


def test_record_reads_writes_one_row_per_object_in_one_query(member, django_assert_num_queries):
    structures = [StructureFactory(), StructureFactory()]
    with django_assert_num_queries(1):
        record_reads(actor=member, objects=structures, reason="liste")
    rows = AuditEvent.objects.filter(action=AuditAction.READ, actor=member)
    assert sorted(rows.values_list("object_id", flat=True)) == sorted(str(s.pk) for s in structures)
    assert set(rows.values_list("reason", flat=True)) == {"liste"}


def test_record_export_says_what_and_how_many(member):
    event = record_export(actor=member, model=Structure, label="export csv", rows=12)
    assert (event.action, event.object_id, event.object_label) == (
        AuditAction.EXPORT,
        "*",
        "export csv (12 lignes)",
    )
    assert event.content_type.model_class() is Structure


def test_audit_rows_cannot_be_edited_or_deleted(event):
    event.reason = "changed"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.update(reason="x")
    assert AuditEvent.objects.get(pk=event.pk).reason == "test"


def test_record_keeps_the_request_id_of_the_request(member, db, settings):
    settings.TRUST_REQUEST_ID_HEADER = True  # set by a proxy we trust
    structure = StructureFactory()

    client = Client(headers={"X-Request-ID": "req-1234567890"})
    client.force_login(member)
    response = client.get("/extranet/")
    assert response["X-Request-ID"] == "req-1234567890"
    event = record(actor=member, action=AuditAction.UPDATE, obj=structure)
    assert event.request_id == ""  # outside a request there is no id


def test_a_client_cannot_choose_the_request_id_of_its_audit_rows(member, db):
    client = Client(headers={"X-Request-ID": "forged-request-id"})
    client.force_login(member)
    response = client.get("/extranet/")
    assert response["X-Request-ID"] != "forged-request-id"
    assert len(response["X-Request-ID"]) == 32


def test_audit_log_is_read_only_in_the_back_office(client, regional_admin, event):
    regional_admin.is_staff = True
    regional_admin.save()
    client.force_login(regional_admin)
    listing = client.get("/admin/extranet/auditevent/")
    assert listing.status_code == 200
    assert event.actor_label in listing.content.decode()
    assert client.get("/admin/extranet/auditevent/create/").status_code in (302, 403, 404)
    assert client.get(f"/admin/extranet/auditevent/edit/{event.pk}/").status_code in (
        302,
        403,
        404,
    )
    assert client.post(f"/admin/extranet/auditevent/delete/{event.pk}/").status_code in (
        302,
        403,
        404,
    )
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_member_cannot_read_the_audit_log(client, member, event):
    member.is_staff = True
    member.save()
    client.force_login(member)
    response = client.get("/admin/extranet/auditevent/")
    assert response.status_code in (302, 403)
