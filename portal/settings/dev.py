"""Embedded defaults for `make run`: a served demo on a laptop, no service needed."""

import os

os.environ.setdefault("SECRET_KEY", "django-insecure-demo-only-never-in-production")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402, F403
from .base import VAR_DIR, env  # noqa: E402

(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)  # whitenoise expects STATIC_ROOT

# The demo lets a newcomer sign in with a printed account at once; enrolling TOTP still works.
PASSERELLES_REQUIRE_MFA_FOR_STAFF = env.bool("REQUIRE_MFA_FOR_STAFF", default=False)
PASSERELLES_DEMO = True
