"""Private files: stored outside `MEDIA_ROOT`, with no URL, served only by views that check
permission (referral attachments, young people's CVs and photos).

`private_file_response` is the one way out: always a download (`attachment`), with the
type found by content and `nosniff`, so no uploaded file ever renders as a page of the site.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse


class PrivateStorage(FileSystemStorage):
    """`PRIVATE_MEDIA_ROOT`, read at each access (settings overrides apply); no URL."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        """No public address: forms show no "currently" link, views stream the file."""
        return None


def private_storage():
    return PrivateStorage()


def private_file_response(field, *, content_type, filename, inline=False):
    """Stream a private file; `inline` only for images shown in an <img> of their owner."""
    response = FileResponse(
        field.open("rb"),
        content_type=content_type,
        as_attachment=not inline,
        filename=filename,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
