"""What routes ask for: the application object and today's date.

These are ``async`` on purpose: they do no I/O, and a plain ``def`` dependency
costs a trip to the thread pool on every request. The knowledge base is asked
for inside each (sync, thread-pool) route, because building it after a write
takes a while and must not hold up the event loop.
"""

from __future__ import annotations

import datetime as dt

from fastapi import Request


async def application(request: Request):
    return request.app.state.casus


async def today(request: Request) -> dt.date:
    """'Today' comes from the edge: the application's clock, never ``date.today()`` in the library."""
    return request.app.state.casus.today()
