"""The web UI: pages and assets served by the same FastAPI app as the HTTP API.

``mount(app)`` adds the pages (map, network, scenario, treaties, reader), casus's
own scripts and styles, and the third-party assets the project's set-up installs
from npm (``npm ci``: d3, topojson-client, world-atlas). Nothing is fetched from a
CDN at run time and no third-party code is copied into the repository.

The pages are a small hand-written app without a framework: each page is the same
shell (``static/index.html``), and ``static/app.js`` draws the page the path names
from the JSON the API returns. Every string that comes from data or from a user is
written with ``textContent``, never as HTML, and a Content-Security-Policy that
forbids inline scripts backs that up.
"""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

from casus.web.assets import VENDOR, vendor_path
from casus.web.geo import map_ids

if TYPE_CHECKING:  # FastAPI is imported by the caller that builds the app
    from fastapi import FastAPI

PAGES = ("/", "/map", "/network", "/scenario", "/treaties", "/treaties/{treaty_id}", "/reader")
"""Every page of the UI; each serves the shell, and the script draws the page."""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
"""No inline script, no foreign origin: an article's ``<script>`` could not run even if it reached the DOM."""


def static_dir():
    return files("casus.web") / "static"


def mount(app: FastAPI) -> None:
    """Serve the web UI on ``app``: the pages, ``/static/…`` and ``/static/vendor/…``."""
    from fastapi import HTTPException
    from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
    from fastapi.staticfiles import StaticFiles

    shell = (static_dir() / "index.html").read_text(encoding="utf-8")
    headers = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
               "Referrer-Policy": "same-origin", "Cache-Control": "no-cache"}

    async def page() -> HTMLResponse:
        return HTMLResponse(shell, headers=headers)

    for path in PAGES:
        app.add_api_route(path, page, methods=["GET"], include_in_schema=False, response_class=HTMLResponse)

    async def vendor(name: str):
        if name not in VENDOR:
            raise HTTPException(status_code=404, detail=f"no web asset {name!r}")
        path = vendor_path(name)
        if path is None:
            return JSONResponse(
                status_code=503,
                content={"error": {
                    "code": "web_assets_missing",
                    "message": f"the web asset {name} is not installed: run `make` (npm ci) in the casus "
                               "checkout, or set CASUS_WEB_ASSETS to a node_modules folder that holds it",
                    "field": name,
                }},
            )
        return FileResponse(path, headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"})

    app.add_api_route("/static/vendor/{name}", vendor, methods=["GET"], include_in_schema=False)

    async def geo_ids() -> JSONResponse:
        return JSONResponse(map_ids(), headers={"Cache-Control": "public, max-age=3600"})

    app.add_api_route("/static/geo-ids.json", geo_ids, methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=str(static_dir())), name="casus-web-static")
