"""What routes ask for: the application object, its knowledge base, today's date."""

from __future__ import annotations

import datetime as dt

from fastapi import Request


def application(request: Request):
    return request.app.state.casus


def knowledge_base(request: Request):
    """The knowledge base of the store's current generation (cached by the application)."""
    return request.app.state.casus.knowledge_base()


def today(request: Request) -> dt.date:
    """'Today' comes from the edge: the application's clock, never ``date.today()`` in the library."""
    return request.app.state.casus.today()
