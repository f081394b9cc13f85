"""Sources: the datasets the store holds, with version, kind, citation and coverage; health."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from casus import __version__, contracts
from casus.api.deps import application
from casus.app import App
from casus.contracts.api import Health

router = APIRouter(tags=["sources"])


@router.get("/sources", summary="The datasets the store holds")
def sources(casus: App = Depends(application)) -> contracts.SourceList:
    """The same payload as `casus sources --json`."""
    return casus.sources()


@router.get("/health", summary="The server is up: its version and whether it takes writes")
async def health(request: Request) -> Health:
    return Health(status="ok", version=__version__, writes=request.app.state.token is not None)
