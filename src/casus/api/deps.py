"""What routes ask for: the application object (``casus.app.App``) and today's date.

These are ``async`` on purpose: they do no I/O, and a plain ``def`` dependency
costs a trip to the thread pool on every request.
"""

from __future__ import annotations

import datetime as dt

from fastapi import Request
from fastapi.responses import Response

from casus.app import App


async def application(request: Request) -> App:
    return request.app.state.casus


async def today(request: Request) -> dt.date:
    """'Today' comes from the edge: the application's clock, never the system calendar in the library."""
    return request.app.state.casus.today()


class ContractResponse(Response):
    """A contract written straight to JSON bytes by pydantic's serializer.

    FastAPI would validate a returned model against the route's response model
    and encode it again; the App's answer is already a validated contract, so the
    hot routes return it as this (their ``response_model`` still documents it).
    """

    media_type = "application/json"

    def __init__(self, model, status_code: int = 200) -> None:
        super().__init__(model.__pydantic_serializer__.to_json(model, by_alias=True), status_code=status_code)
