"""The one way to write the audit log: every `AuditEvent` row is written here."""

from django.contrib.contenttypes.models import ContentType

from extranet.enums import AuditAction
from extranet.models import AuditEvent
from portal.middleware import current_request_id


def _actor_fields(actor):
    authenticated = actor is not None and actor.is_authenticated
    return {
        "actor": actor if authenticated else None,
        "actor_label": (actor.email if authenticated else "anonyme")[:255],
    }


def record(*, actor, action, obj, reason=""):
    """Append an `AuditEvent` for `actor` doing `action` on `obj` in the current request."""
    return AuditEvent.objects.create(
        **_actor_fields(actor),
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_label=str(obj)[:255],
        reason=reason[:255],
        request_id=current_request_id() or "",
    )


def record_reads(*, actor, objects, reason=""):
    """One READ row per object shown (a page of a list), in a single INSERT: a list page
    keeps a fixed number of queries whatever its length."""
    request_id = current_request_id() or ""
    actor_fields = _actor_fields(actor)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            **actor_fields,
            action=AuditAction.READ,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            object_label=str(obj)[:255],
            reason=reason[:255],
            request_id=request_id,
        )
        for obj in objects
    )


def record_export(*, actor, model, label, rows):
    """An export is one EXPORT row on `model` (object "*"), saying what and how many rows."""
    return AuditEvent.objects.create(
        **_actor_fields(actor),
        action=AuditAction.EXPORT,
        content_type=ContentType.objects.get_for_model(model),
        object_id="*",
        object_label=f"{label} ({rows} lignes)"[:255],
        request_id=current_request_id() or "",
    )
