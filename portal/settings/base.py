"""Production-safe settings. Every deployment value comes from the environment.

Defaults are the *embedded* ones (SQLite, database search, local memory cache, immediate
tasks, local media), so a fresh clone runs with no service. Secrets have no default here:
`dev.py` and `test.py` provide throwaway ones, production must set them.
"""

from pathlib import Path

import environ
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY")  # ImproperlyConfigured when missing
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "portal",
    "repertoire",
    "extranet",
    "cartemploi",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "portal.users_apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks_db",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The URL decides the language (/en/… English, the rest French), never the browser.
    "portal.middleware.UrlLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every 403, and every 404 on an object a signed-in person asked for, logged (ids only).
    "portal.denials.DenialLogMiddleware",
    # Login required by default: public views say so with `login_not_required`.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "portal.security.PrivateResponseMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "portal.menus.CachedSiteMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "extranet.middleware.StaffMfaRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.security.IdleSessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail's page of an address read from the cache (portal/routing.py).
    "portal.routing.CachedRouteMiddleware",
]

ROOT_URLCONF = "portal.urls"
# Main-menu entries of the apps' own sections (after the pages marked "show in menus").
PASSERELLES_APP_MENU = [
    (_("Cartemploi"), "cartemploi:index"),
    (_("Espaces de travail"), "workspaces:network"),
    (_("Événements"), "events:event_list"),
    (_("Je souhaite m'installer"), "intake:start"),
    (_("Rechercher"), "search:public"),
]
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.site_shell",
                "extranet.context_processors.extranet_nav",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'passerelles.sqlite3'}")
}
# Connections kept between requests: opening one costs ~5 ms of CPU a request with SQLite too
# (its pragmas, Django's SQL functions), a third of an uncached page.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo server read while a management command writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # Writers queue for the lock instead of failing after SQLite's default 5 s: under
        # concurrent intake submissions "database is locked" surfaced as HTTP 400 (the
        # session save fails → SessionInterrupted) or 500.
        "timeout": 30,
    }
else:
    INSTALLED_APPS.append("django.contrib.postgres")
    # Planner cost of a random read: PostgreSQL's default (4) dates from spinning disks and
    # makes it scan the whole search index instead of its GIN indexes (90 ms → 30 ms for a
    # common word at 100k documents). 1.1 is the usual value for SSD storage.
    page_cost = env.float("DATABASE_RANDOM_PAGE_COST", default=1.1)
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["options"] = f"-c random_page_cost={page_cost}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    # Redis down or slow: pages are served without the cache (portal/cache.py).
    REDIS_SOCKET_TIMEOUT = env.float("REDIS_SOCKET_TIMEOUT", default=0.5)
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": REDIS_SOCKET_TIMEOUT,
                "socket_timeout": REDIS_SOCKET_TIMEOUT,
            },
        }
    }
else:
    # Room for the fragments of list pages (portal/fragments.py) beside the pages.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Anonymous page cache (portal/page_cache.py): public pages kept this many seconds at most
# (0 switches it off); invalidated at once by publications and by changes to these models.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# Cards of public lists rendered once (portal/fragments.py; 0 switches it off): forgotten with
# the page cache's generation, so never staler than a cached page.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=3600)
# What browsers and a reverse proxy may keep (raise it only with a frontend-cache purge).
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=0)
# Frontend-cache purge: with a reverse proxy (Varnish-like) in front, Wagtail sends it an HTTP
# PURGE for a page's URL when the page is published or unpublished. Off when unset.
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL", default="")
WAGTAILFRONTENDCACHE = (
    {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
    if FRONTEND_CACHE_URL
    else {}
)
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/extranet/", "/comptes/", "/je-m-installe/", "/_util/")
PAGE_CACHE_MODELS = [
    "portal.SiteSettings",
    "repertoire.Structure",
    "repertoire.Service",
    "repertoire.Theme",
    "repertoire.Event",
    "repertoire.EventRegistration",
    "cartemploi.PublicCard",
    "cartemploi.YouthProfile",
    "cartemploi.CompanyProfile",
    "cartemploi.JobOffer",
    "cartemploi.Outcome",
]

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")

TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django.tasks.backends.immediate.ImmediateBackend")
    }
}

# --- Accounts -------------------------------------------------------------------------
AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "extranet:dashboard"
PASSERELLES_EXTRANET_GATE = "extranet.perms.can_access_extranet"
# The header's link(s) to a signed-in person's own space: (label, URL name, who may open it).
PASSERELLES_ACCOUNT_SPACES = [
    (_("Extranet"), "extranet:dashboard", PASSERELLES_EXTRANET_GATE),
    (_("Mon espace Cartemploi"), "cartemploi:my_space", "cartemploi.perms.has_own_space"),
    (_("Rejoindre une structure"), "extranet:join", "extranet.perms.can_ask_to_join"),
]
# Who reads the e-mail outbox in the admin (messages hold personal data): the regional admin.
PASSERELLES_OUTBOX_READERS = "extranet.perms.can_view_audit_log"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Adding or changing an e-mail address asks for the password again first.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Passerelles] "
ACCOUNT_SIGNUP_FORM_CLASS = "portal.forms.SignupForm"
ACCOUNT_ADAPTER = "portal.adapters.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Passerelles"
# Activity tracking writes the session row on every request (5 queries); the session list
# still shows when and from where each session was opened.
USERSESSIONS_TRACK_ACTIVITY = False
# Staff roles (regional admin, pole officers, advisors, editors) must enrol TOTP before
# they reach personal data. Only the embedded demo turns this off (see dev.py).
PASSERELLES_REQUIRE_MFA_FOR_STAFF = env.bool("REQUIRE_MFA_FOR_STAFF", default=True)

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Passerelles"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# Passwords are checked by allauth only: Wagtail's own password change/reset pages and
# shared-password page or document restrictions are switched off.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"password": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"password": False}
# French pages and their English translations (wagtail-localize); see docs/architecture.md.
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatar fetched from a third party (privacy; and the CSP allows our own images only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Office and PDF documents only: no HTML or SVG that a browser would run on our domain.
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "csv", "txt"]
# Every document leaves as an attachment (Wagtail adds nosniff and `default-src 'none'`);
# uploads are checked by content, size and antivirus like every other (portal/documents.py).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.documents.DocumentForm"
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "fr-fr"
# The default language is spelt as LANGUAGE_CODE: Django's and Wagtail's URL prefixes compare
# codes literally, and "fr" next to "fr-fr" would put French pages under /fr/.
LANGUAGES = [("fr-fr", _("Français")), ("en", _("Anglais"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
_NODE = BASE_DIR / "node_modules"
for _prefix, _path in [
    ("vendor/leaflet", _NODE / "leaflet" / "dist"),
    ("vendor/leaflet.markercluster", _NODE / "leaflet.markercluster" / "dist"),
    ("vendor/chart.js", _NODE / "chart.js" / "dist"),
]:
    if _path.is_dir():
        STATICFILES_DIRS.append((_prefix, _path))
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
MAP_TILE_URL = env("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env(
    "MAP_TILE_ATTRIBUTION",
    default="&copy; les contributeurs d’OpenStreetMap",
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------
# Django 6.1 introduces MAILERS; the EMAIL_* settings stay supported until 2028 and every
# library we use still reads them, so we keep them (docs/decisions/0003-email-settings.md).
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="filemail://")
if EMAIL_CONFIG["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
    EMAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")
else:
    vars().update({k: v for k, v in EMAIL_CONFIG.items() if v not in ("", None)})
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Passerelles <ne-pas-repondre@passerelles.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds before an SMTP connection or reply is given up (Django's default: never). Sending
# happens after commit, outside the request's transaction; a failure stays in the outbox.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# --- Security -------------------------------------------------------------------------
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SAMESITE = "Lax"
# Signed out after this many seconds without a request (the cookie itself lasts 2 weeks).
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=60 * 60)
CSRF_COOKIE_HTTPONLY = True


def _tile_source(url):
    """The origin of the map tiles, `{s}` sub-domains as a wildcard (`img-src`)."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0].replace('{s}', '*')}" if rest else ""


# Content Security Policy (Django's own middleware): no inline script on the site, scripts
# with a nonce only; style attributes allowed (Leaflet's markers), no <style> element.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", _tile_source(MAP_TILE_URL)],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Wagtail's admin still needs inline scripts and styles; it stays unframeable.
PASSERELLES_ADMIN_CSP = SECURE_CSP | {
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", "https:"],
    "frame-src": [CSP.SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"}},
    "filters": {"request_id": {"()": "portal.middleware.RequestIdLogFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # One line per indexing task is noise on a demo load; failures still show.
        "django.tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Virus scanning of uploads through clamd (portal/antivirus.py): off when empty;
# "tcp://host:3310" or "unix:///run/clamav/clamd.ctl". Needs the clamdpy package.
CLAMAV_URL = env("CLAMAV_URL", default="")
CLAMAV_TIMEOUT = env.float("CLAMAV_TIMEOUT", default=10.0)

# --- Répertoire -----------------------------------------------------------------------
# A fiche not verified for this many months is flagged and its managers are reminded.
REPERTOIRE_STALE_AFTER_MONTHS = env.int("REPERTOIRE_STALE_AFTER_MONTHS", default=6)
# Who receives "signaler une erreur" reports and stale-fiche digests (Wagtail groups).
REPERTOIRE_EDITOR_GROUPS = env.list("REPERTOIRE_EDITOR_GROUPS", default=["Editors", "Moderators"])
# "Signaler une erreur": at most this many reports per IP per hour (each mails the editors).
REPORT_ERROR_RATE_LIMIT = env.int("REPORT_ERROR_RATE_LIMIT", default=5)
# The `source` of our records in data·inclusion exports.
REPERTOIRE_DI_SOURCE = env("REPERTOIRE_DI_SOURCE", default="passerelles")

# --- Newcomers ------------------------------------------------------------------------
# "Je souhaite m'installer": at most INTAKE_RATE_LIMIT submissions per IP per window.
INTAKE_RATE_LIMIT = env.int("INTAKE_RATE_LIMIT", default=5)
INTAKE_RATE_WINDOW_SECONDS = env.int("INTAKE_RATE_WINDOW_SECONDS", default=3600)
# Keep the X-Request-ID the reverse proxy sets (only when the proxy overwrites the client's).
TRUST_REQUEST_ID_HEADER = env.bool("TRUST_REQUEST_ID_HEADER", default=False)
# Header set by the reverse proxy with the client address (e.g. HTTP_X_REAL_IP); empty = none.
TRUSTED_PROXY_HEADER = env(
    "TRUSTED_PROXY_HEADER", default=env("INTAKE_TRUSTED_PROXY_HEADER", default="")
)
# Two identical submissions within this many minutes are merged into one candidate.
INTAKE_DUPLICATE_MINUTES = env.int("INTAKE_DUPLICATE_MINUTES", default=10)
# Outbox: attempts before a message is abandoned (then visible in the admin as failed).
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=6)
# Who is told about candidates when no pole (not even the regional service) covers a commune.
INTAKE_FALLBACK_EMAIL = env("INTAKE_FALLBACK_EMAIL", default="")

# --- Search ---------------------------------------------------------------------------
# Who may see restricted documents, and how "near a commune" finds the commune: functions
# the wiring names so that `search/` imports no app.
SEARCH_USER_SCOPES = "extranet.search_scopes.scopes_for"
SEARCH_RESOLVE_PLACE = "portal.places.resolve_place"
SEARCH_SHOWN_URLS = "portal.translated_urls.shown_urls"
SEARCH_ELASTICSEARCH_INDEX = env("SEARCH_ELASTICSEARCH_INDEX", default="passerelles")
SEARCH_ELASTICSEARCH_TIMEOUT = env.float("SEARCH_ELASTICSEARCH_TIMEOUT", default=2.0)

# --- Cartemploi -----------------------------------------------------------------------
CARTEMPLOI_MAX_NEW_CONVERSATIONS_PER_DAY = env.int(
    "CARTEMPLOI_MAX_NEW_CONVERSATIONS_PER_DAY", default=5
)
CARTEMPLOI_HOLD_FIRST_MESSAGES = env.bool("CARTEMPLOI_HOLD_FIRST_MESSAGES", default=True)
CARTEMPLOI_PHOTO_MAX_BYTES = 3 * 1024 * 1024
CARTEMPLOI_CV_MAX_BYTES = 5 * 1024 * 1024

# --- Coordination ---------------------------------------------------------------------
# Referral attachments and other personal files: outside MEDIA_ROOT, never served directly.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private"))
REFERRAL_ATTACHMENT_MAX_BYTES = env.int("REFERRAL_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
REFERRAL_ATTACHMENTS_PER_UPLOAD = 5
# A referral still unacknowledged after N days is reminded (once a day at most)…
REFERRAL_REMIND_AFTER_DAYS = env.int("REFERRAL_REMIND_AFTER_DAYS", default=3)
# …and expires after M days without an answer.
REFERRAL_EXPIRE_AFTER_DAYS = env.int("REFERRAL_EXPIRE_AFTER_DAYS", default=30)
# The Wagtail collection whose documents are shared with network members only.
NETWORK_DOCUMENTS_COLLECTION = "Documents du réseau"
# A document a member shares waits for the network's editors before the others see it.
NETWORK_DOCUMENTS_MODERATED = env.bool("NETWORK_DOCUMENTS_MODERATED", default=True)

# --- Personal data retention -------------------------------------------------------------
# The rules live in `retention.py` (one per kind of record, CNIL délibération 2023-095).
from .retention import PASSERELLES_RETENTION  # noqa: E402

# A session lasts as long as its retention rule says (Django's default is also 2 weeks).
SESSION_COOKIE_AGE = PASSERELLES_RETENTION["sessions"]["days"] * 24 * 60 * 60
