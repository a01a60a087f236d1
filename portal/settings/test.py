"""Test settings: the embedded defaults, made fast and deterministic."""

import os

os.environ.setdefault("DEBUG", "false")

from .dev import *  # noqa: E402, F403
from .dev import VAR_DIR  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = str(VAR_DIR / "test-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSERELLES_REQUIRE_MFA_FOR_STAFF = False
LOGGING_CONFIG = None
# Pages are rendered afresh in tests; the page cache's own tests switch it on.
PAGE_CACHE_SECONDS = 0
