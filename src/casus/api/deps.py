"""What routes ask for: the application object (``casus.app.App``) and today's date.

These are ``async`` on purpose: they do no I/O, and a plain ``def`` dependency
costs a trip to the thread pool on every request.
"""

from __future__ import annotations

import datetime as dt

from fastapi import Request

from casus.app import App


async def application(request: Request) -> App:
    return request.app.state.casus


async def today(request: Request) -> dt.date:
    """'Today' comes from the edge: the application's clock, never ``date.today()`` in the library."""
    return request.app.state.casus.today()
