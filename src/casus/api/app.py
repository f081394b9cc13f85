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
from casus.api.cache import Answers, ResponseCache
from casus.api.limits import DEFAULT_MAX_BODY, BodyLimit
from casus.api.ratelimit import RateLimit, RateLimiter
from casus.api.security import configured_token
from casus.app import App
from casus.contracts.api import ErrorResponse

PREFIX = "/api/v1"
ERROR_RESPONSES = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in ((400, "Bad input: `error.field` names the parameter or field"),
                                (404, "Not found: no state, treaty or proposal by that name"),
                                (409, "Conflict: the proposal was already decided"),
                                (413, "The request body is over the limit"),
                                (503, "Unavailable: the store cannot be used"))
}
ROUTERS = ("states", "treaties", "scenario", "views", "reader", "proposals", "sources")
"""The route modules of ``casus.api``, in the order the OpenAPI document lists them."""


def create_app(
    application: App | None = None,
    *,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    web: bool = True,
    rate_limit: RateLimit | None = None,
) -> FastAPI:
    """The casus web app on ``application``, a ``casus.app.App`` (default: the store ``CASUS_DB`` names).

    ``token`` is the bearer token writes need (default ``CASUS_TOKEN``; without
    one the server is read-only). ``max_body`` caps request bodies in bytes.
    With ``web``, the web UI is mounted if ``casus.web`` provides ``mount(app)``.
    ``rate_limit`` caps requests per client (``casus serve`` sets one by default).
    """
    if application is None:
        application = App.open()
    app = FastAPI(
        title="casus",
        version=__version__,
        summary="Who is bound to defend whom, when, and why: mutual-assistance treaties over HTTP.",
        description="Reads are open; writes (accepting or rejecting a proposal, filing proposals from an article) "
        "need the server's bearer token. Errors are JSON: `{\"error\": {\"code\", \"kind\", \"message\", "
        "\"field\", ...}}` with 400 bad input, 401/403 token, 404 not found, 409 conflict, 413 too large, "
        "503 unavailable.",
        openapi_url="/openapi.json",
        docs_url=None,  # served below from the swagger-ui-bundle wheel, not from a CDN
        redoc_url=None,
    )
    app.state.casus = application
    app.state.token = configured_token(token)
    errors.install(app)
    # Innermost first: kept answers are served after the body limit and the rate limit have had their say.
    app.state.answers = Answers()
    app.add_middleware(ResponseCache, application=application, answers=app.state.answers)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    if rate_limit is not None:
        app.add_middleware(RateLimiter, limit=rate_limit)
    app.add_middleware(SecurityHeaders)
    _docs_page(app)
    for name in ROUTERS:
        module = importlib.import_module(f"casus.api.{name}")
        app.include_router(module.router, prefix=PREFIX, responses=ERROR_RESPONSES)
    if web:
        mount_web(app)
    return app


def _docs_page(app: FastAPI) -> None:
    """The interactive docs (Swagger UI) with its files from the installed wheel: nothing from a CDN."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles
    from swagger_ui_bundle import swagger_ui_path

    async def docs():
        return get_swagger_ui_html(
            openapi_url=app.openapi_url, title="casus API", swagger_js_url="/docs/assets/swagger-ui-bundle.js",
            swagger_css_url="/docs/assets/swagger-ui.css", swagger_favicon_url="/docs/assets/favicon-32x32.png",
        )

    app.add_api_route("/docs", docs, methods=["GET"], include_in_schema=False)
    app.mount("/docs/assets", StaticFiles(directory=str(swagger_ui_path)), name="swagger-ui")


class SecurityHeaders:
    """ASGI middleware: no answer may be sniffed into another type (an article's text stays text)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(k.lower() == b"x-content-type-options" for k, _ in headers):
                    headers.append((b"x-content-type-options", b"nosniff"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


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
