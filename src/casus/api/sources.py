"""Sources: the datasets the store holds, with version, kind, citation and coverage."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from casus import __version__
from casus.api.deps import application

router = APIRouter(tags=["sources"])


@router.get("/sources", summary="The datasets the store holds")
def sources(casus=Depends(application)) -> dict[str, Any]:
    """The same payload as `casus sources --json`."""
    return {"sources": casus.store.datasets()}


@router.get("/health", summary="The server is up: its version and whether it takes writes")
def health(request: Request) -> dict[str, Any]:
    return {"status": "ok", "version": __version__, "writes": request.app.state.token is not None}
