"""The one way to write the audit log."""

from django.contrib.contenttypes.models import ContentType

from extranet.models import AuditEvent
from portal.middleware import current_request_id


def record(*, actor, action, obj, reason=""):
    """Append an `AuditEvent` for `actor` doing `action` on `obj` in the current request."""
    authenticated = actor is not None and actor.is_authenticated
    return AuditEvent.objects.create(
        actor=actor if authenticated else None,
        actor_label=(actor.email if authenticated else "anonyme")[:255],
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_label=str(obj)[:255],
        reason=reason[:255],
        request_id=current_request_id() or "",
    )
