"""The FastAPI application: the HTTP API under ``/api/v1`` and, when installed, the web UI.

``create_app`` is the one factory (``casus serve`` and the tests use it). Routes
live one module per domain beside this one; each parses, makes one library call
on the application object and returns its payload.
"""

from __future__ import annotations

import importlib

from fastapi import FastAPI

from casus import __version__
from casus.api import errors
from casus.api.limits import DEFAULT_MAX_BODY, BodyLimit
from casus.api.security import configured_token
from casus.api.views import ExposureCache

PREFIX = "/api/v1"
ROUTERS = ("states", "treaties", "scenario", "views", "reader", "proposals", "sources")
"""The route modules of ``casus.api``, in the order the OpenAPI document lists them."""


def create_app(
    application=None,
    *,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    web: bool = True,
) -> FastAPI:
    """The casus web app on ``application`` (default: the store ``CASUS_DB`` names).

    ``token`` is the bearer token writes need (default ``CASUS_TOKEN``; without
    one the server is read-only). ``max_body`` caps request bodies in bytes.
    With ``web``, the web UI is mounted if ``casus.web`` provides ``mount(app)``.
    """
    if application is None:
        from casus.api.interim import Application

        application = Application.open()
    app = FastAPI(
        title="casus",
        version=__version__,
        summary="Who is bound to defend whom, when, and why: mutual-assistance treaties over HTTP.",
        description="Reads are open; writes (accepting or rejecting a proposal, filing proposals from an article) "
        "need the server's bearer token. Errors are JSON: `{\"error\": {\"code\", \"kind\", \"message\", "
        "\"field\", ...}}` with 400 bad input, 401/403 token, 404 not found, 409 conflict, 413 too large, "
        "503 unavailable.",
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.casus = application
    app.state.token = configured_token(token)
    app.state.exposures = ExposureCache()
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    for name in ROUTERS:
        module = importlib.import_module(f"casus.api.{name}")
        app.include_router(module.router, prefix=PREFIX)
    if web:
        mount_web(app)
    return app


def mount_web(app: FastAPI) -> bool:
    """Mount the web UI when ``casus.web`` provides ``mount(app)``; say whether it did."""
    try:
        web = importlib.import_module("casus.web")
    except ModuleNotFoundError as exc:
        if exc.name not in ("casus.web",):
            raise
        return False
    mount = getattr(web, "mount", None)
    if mount is None:
        return False
    mount(app)
    return True
