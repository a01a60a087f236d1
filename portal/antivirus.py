"""Optional virus scanning of uploads through clamd (ClamAV's daemon), off by default.

`CLAMAV_URL` turns it on: `tcp://host:3310` or `unix:///run/clamav/clamd.ctl`. The clamd
protocol is spoken by the `clamdpy` package (a maintained fork of `clamd`), imported only
when scanning is on. Scanning fails closed: when it is configured but the package is
missing or clamd does not answer, the upload is refused with a French message saying so
(and the system check `portal.W001` warns at start-up); a file clamd finds infected is
refused. Every upload check decorated by `portal.denials.logged_upload_check` scans first,
so each refusal is logged.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning as CheckWarning
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UNAVAILABLE = _(
    "L'analyse antivirus des fichiers est indisponible pour le moment : "
    "le fichier n'a pas été enregistré, réessayez plus tard."
)
INFECTED = _("Ce fichier contient un virus ou un code malveillant : il a été refusé.")


def _client():
    """A clamdpy client for `CLAMAV_URL`, or None when the package is not installed."""
    try:
        import clamdpy
    except ImportError:
        return None
    url = urlsplit(settings.CLAMAV_URL)
    timeout = settings.CLAMAV_TIMEOUT
    if url.scheme == "unix":
        return clamdpy.ClamdUnixSocket(path=url.path, timeout=timeout)
    return clamdpy.ClamdNetworkSocket(host=url.hostname, port=url.port or 3310, timeout=timeout)


def scan(upload):
    """Raise `ValidationError` (code "virus" or "scan_unavailable") unless clamd says OK."""
    if not settings.CLAMAV_URL:
        return
    client = _client()
    if client is None:
        raise ValidationError(UNAVAILABLE, code="scan_unavailable")
    upload.seek(0)
    try:
        result = client.instream(upload)
    except Exception:  # any failure to get a verdict: refuse, never accept unscanned
        raise ValidationError(UNAVAILABLE, code="scan_unavailable") from None
    finally:
        upload.seek(0)
    if getattr(result, "status", None) == "FOUND":
        raise ValidationError(INFECTED, code="virus")
    if getattr(result, "status", None) != "OK":
        raise ValidationError(UNAVAILABLE, code="scan_unavailable")


def check_scanner(app_configs=None, **kwargs):
    """System check: scanning is configured but its client package is missing."""
    if not settings.CLAMAV_URL:
        return []
    try:
        import clamdpy  # noqa: F401
    except ImportError:
        return [
            CheckWarning(
                "CLAMAV_URL is set but the clamdpy package is not installed: "
                "every upload will be refused.",
                hint="pip install clamdpy, or leave CLAMAV_URL empty.",
                id="portal.W001",
            )
        ]
    return []
