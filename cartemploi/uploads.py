"""Uploaded photos and CVs are checked by content, never trusted by name or type."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from portal.denials import logged_upload_check

PHOTO_MAX_SIDE = 800


def _limit(name, default):
    return getattr(settings, f"CARTEMPLOI_{name}", default)


@logged_upload_check("cartemploi_photo")
def clean_photo(upload):
    """Re-encode as a JPEG of at most 800 px: strips EXIF (GPS…) and any hidden payload."""
    max_bytes = _limit("PHOTO_MAX_BYTES", 3 * 1024 * 1024)
    if upload.size > max_bytes:
        raise ValidationError(
            _("La photo dépasse %(mb)s Mo : choisissez une image plus légère."),
            params={"mb": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    try:
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = image.convert("RGB")
            image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=85)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("Ce fichier n'est pas une image valide : choisissez une photo JPEG, PNG ou WebP."),
            code="bad_type",
        ) from None
    return ContentFile(out.getvalue(), name="photo.jpg")


@logged_upload_check("cartemploi_cv")
def clean_cv(upload):
    """A real PDF: the magic bytes and a successful parse of at least one page."""
    max_bytes = _limit("CV_MAX_BYTES", 5 * 1024 * 1024)
    if upload.size > max_bytes:
        raise ValidationError(
            _("Le CV dépasse %(mb)s Mo."),
            params={"mb": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    not_pdf = ValidationError(
        _("Le CV doit être un vrai fichier PDF (le fichier reçu n'en est pas un)."),
        code="bad_type",
    )
    upload.seek(0)
    if upload.read(5) != b"%PDF-":
        raise not_pdf
    upload.seek(0)
    try:
        if len(PdfReader(upload).pages) < 1:
            raise not_pdf
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise not_pdf from None
    upload.seek(0)
    return ContentFile(upload.read(), name="cv.pdf")
