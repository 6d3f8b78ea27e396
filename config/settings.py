"""Dateline settings: one module, configured from the environment.

Development defaults work with no configuration at all; production sets
DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "articles",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "timeline.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "timeline.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["template_partials.templatetags.partials"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Web queries are short. On a large story the planner's cost estimates call for JIT
    # compilation and parallel workers, whose start-up costs more than they save (measured:
    # JIT alone was 4 of 8 ms of a filtered count), and workers take the cores the web
    # processes need. An `options` given in DATABASE_URL wins.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c jit=off -c max_parallel_workers_per_gather=0"
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (server, ingest, tests) may share the file. WAL lets readers
    # run while an ingest writes, and with synchronous=NORMAL a commit no longer waits
    # for an fsync (a power cut can lose the last commits, never corrupt the file).
    # IMMEDIATE transactions take the write lock up front, so a writer waits out the
    # timeout instead of failing with "database is locked" halfway through.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        transaction_mode="IMMEDIATE",
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Memory caches, one per process: rendered event cards and story figures in "default",
# whole rendered timeline pages (about 200 kB each) in "pages". Their keys change whenever
# what they hold would (see timeline.views.get_stamped_story); the limits only bound memory.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "dateline",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DATELINE_CACHE_ENTRIES", "10000"))},
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "dateline-pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DATELINE_PAGE_CACHE_ENTRIES", "200"))},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Articles are pasted or uploaded by editors; cap what one request may carry.
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024

# One uploaded article file may be at most this large (the upload form says so).
INGEST_MAX_UPLOAD_BYTES = int(os.environ.get("DATELINE_MAX_UPLOAD_BYTES", str(5 * 1024 * 1024)))

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# htmx sends the token from the page (hx-headers), never from the cookie.
CSRF_COOKIE_HTTPONLY = True
# Sent by timeline.middleware.SecurityHeadersMiddleware. Only our own files run:
# no inline script, no eval, no third-party origin. `style-src-attr` lets the
# admin's few style="" attributes work without opening inline <style> or script.
CONTENT_SECURITY_POLICY = os.environ.get("DJANGO_CONTENT_SECURITY_POLICY") or "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# Sites that may show a story's embed page (/stories/<slug>/embed/) in a frame, as origins
# (`https://news.example.org`), comma-separated; every other page may not be framed at all.
DATELINE_EMBED_ORIGINS = env_list("DATELINE_EMBED_ORIGINS", "")
# The address the site is reached at (`https://dateline.example.org`), for the links that
# leave it: embed snippets, TimelineJS exports. Empty: the address each request came to.
DATELINE_SITE_URL = os.environ.get("DATELINE_SITE_URL", "").rstrip("/")

# Fetching articles by their links (`manage.py ingest https://…`, the links box at /ingest/).
# Addresses that are not public (loopback, private, link-local such as cloud metadata,
# multicast, reserved) are refused, on every redirect, unless one of these networks
# (`10.1.2.0/24`, `127.0.0.1/32`; comma-separated) holds them.
DATELINE_FETCH_ALLOWED_NETWORKS = env_list("DATELINE_FETCH_ALLOWED_NETWORKS", "")
DATELINE_FETCH_TIMEOUT = float(os.environ.get("DATELINE_FETCH_TIMEOUT", "15"))
DATELINE_FETCH_MAX_BYTES = int(os.environ.get("DATELINE_FETCH_MAX_BYTES", str(5 * 1024 * 1024)))
DATELINE_FETCH_MAX_REDIRECTS = int(os.environ.get("DATELINE_FETCH_MAX_REDIRECTS", "5"))
# Certificates that https:// links are checked against: a PEM file of CAs (a newsroom's
# own, say); empty means the system's trust store.
DATELINE_FETCH_CA_BUNDLE = os.environ.get("DATELINE_FETCH_CA_BUNDLE", "")

if not DEBUG:
    # DJANGO_HTTPS=0 is for serving plain HTTP on loopback (`make serve`);
    # behind a TLS-terminating proxy leave it on.
    HTTPS = env_bool("DJANGO_HTTPS", True)
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", HTTPS)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000" if HTTPS else "0"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
    SECURE_HSTS_PRELOAD = HTTPS
    SESSION_COOKIE_SECURE = HTTPS
    CSRF_COOKIE_SECURE = HTTPS

# Background work (article ingestion) runs on Django's task framework, through
# the django-tasks backport; jobs are rows in the database and a worker started
# with `python manage.py db_worker` (`make worker`) runs them.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# An ingest job whose worker died (killed, machine lost) is re-queued after this.
INGEST_JOB_STALE_SECONDS = int(os.environ.get("DATELINE_INGEST_STALE_SECONDS", "300"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
