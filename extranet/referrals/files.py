"""Referral attachments: private storage and checks by content, never by name or type.

Files live under `PRIVATE_MEDIA_ROOT` (outside `MEDIA_ROOT`, so no web server ever serves
them directly); the only way out is `views.attachment_download`, which checks permission.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from portal.denials import logged_upload_check

# Magic bytes → (MIME type, extension). Anything else is refused, whatever its name says.
SIGNATURES = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
)


def attachment_path(instance, filename):
    """Random names: the original name is kept in the database only."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"referrals/{uuid.uuid4().hex}.{extension}"


def sniff(head):
    """(MIME type, extension) from the first bytes, or None when not an accepted type."""
    for signature, mime, extension in SIGNATURES:
        if head.startswith(signature):
            return mime, extension
    return None


def max_bytes():
    return settings.REFERRAL_ATTACHMENT_MAX_BYTES


@logged_upload_check("referral_attachment")
def check_upload(upload):
    """Refuse files too large or whose content is not a PDF, PNG or JPEG.

    Returns (MIME type, safe file name with the extension matching the content).
    """
    limit = max_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("« %(name)s » pèse %(size)s Mo : la limite est de %(limit)s Mo par fichier.")
            % {
                "name": upload.name,
                "size": round(upload.size / 1024 / 1024, 1),
                "limit": limit // (1024 * 1024),
            },
            code="too_large",
        )
    upload.seek(0)
    found = sniff(upload.read(16))
    upload.seek(0)
    if found is None:
        raise ValidationError(
            _(
                "« %(name)s » n'est pas un PDF, un PNG ou un JPEG (son contenu a été vérifié) : "
                "enregistrez le document dans l'un de ces formats."
            )
            % {"name": upload.name},
            code="bad_type",
        )
    mime, extension = found
    stem = get_valid_filename(upload.name.rsplit(".", 1)[0])[:100] or "document"
    return mime, f"{stem}.{extension}"
