"""Response hardening that Django does not ship: a Content-Security-Policy, and a
friendly 503 when the database is away."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


class SecurityHeadersMiddleware:
    """Adds Content-Security-Policy and Permissions-Policy (from settings) to every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.headers = {
            "Content-Security-Policy": getattr(settings, "CONTENT_SECURITY_POLICY", ""),
            "Permissions-Policy": getattr(settings, "PERMISSIONS_POLICY", ""),
        }

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        for name, value in self.headers.items():
            if value:
                response.headers.setdefault(name, value)
        return response


def embed_policy() -> str:
    """The Content-Security-Policy of an embed page: the site's own, but framed by the
    origins in `DATELINE_EMBED_ORIGINS` (and the site itself, for its preview)."""
    origins = " ".join(["'self'", *getattr(settings, "DATELINE_EMBED_ORIGINS", [])])
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
    if "frame-ancestors" in policy:
        return re.sub(r"frame-ancestors[^;]*", f"frame-ancestors {origins}", policy)
    return "; ".join(p for p in (policy, f"frame-ancestors {origins}") if p)


def frameable_by_embed_origins(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let the embed origins frame this view's pages: CSP `frame-ancestors` says who, and
    X-Frame-Options (which can only say DENY or SAMEORIGIN) is left out."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Content-Security-Policy"] = embed_policy()
        response.xframe_options_exempt = True
        return response

    return wrapped


class DatabaseUnavailableMiddleware:
    """Turns a lost database into a 503 page that says so, instead of a bare 500.

    Django drops an unusable connection at the end of the request, so the next
    request reconnects: the site comes back by itself when the database does.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if settings.DEBUG or not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable while serving %s: %s", request.path, exception)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
