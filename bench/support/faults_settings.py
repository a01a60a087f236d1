"""Settings of `bench/faults.py`: the test settings (plain storages, fast hashes) with the
services the bench points at real or closed ports: e-mail from EMAIL_URL, cache from
REDIS_URL, Elasticsearch from ELASTICSEARCH_URL, and logging on (warnings are counted)."""

import os

os.environ.setdefault("DEBUG", "false")

from portal.settings.test import *  # noqa: E402, F403
from portal.settings.test import EMAIL_CONFIG  # noqa: E402

if not EMAIL_CONFIG["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
    vars().update({k: v for k, v in EMAIL_CONFIG.items() if v not in ("", None)})
LOGGING_CONFIG = "logging.config.dictConfig"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
