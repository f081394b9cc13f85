"""Where the npm-installed browser assets are: ``node_modules`` of the casus checkout.

``make`` runs ``npm ci`` beside ``package.json`` at the top of the repository, so
an editable install finds ``node_modules`` a few folders above this file;
``CASUS_WEB_ASSETS`` names another ``node_modules`` folder (a packaged install).
Only the files listed here are served, so the folder is never browsable.
"""

from __future__ import annotations

import os
from pathlib import Path

VENDOR = {
    "d3.min.js": "d3/dist/d3.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-50m.json": "world-atlas/countries-50m.json",
}
"""Served name → path inside node_modules (versions pinned in package-lock.json)."""


def node_modules() -> Path | None:
    """The node_modules folder that holds the assets, or None when none is installed."""
    configured = os.environ.get("CASUS_WEB_ASSETS")
    if configured:
        return Path(configured)
    here = Path(__file__).resolve()
    for parent in here.parents[:5]:
        candidate = parent / "node_modules"
        if (candidate / "world-atlas").is_dir():
            return candidate
    return None


def vendor_path(name: str) -> Path | None:
    """The file for a served asset name, or None when it is not installed."""
    folder = node_modules()
    if folder is None:
        return None
    path = folder / VENDOR[name]
    return path if path.is_file() else None
