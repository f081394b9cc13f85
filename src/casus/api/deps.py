"""What routes ask for: the application object (``casus.app.App``) and today's date.

These are ``async`` on purpose: they do no I/O, and a plain ``def`` dependency
costs a trip to the thread pool on every request.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict

from fastapi import Request
from fastapi.responses import Response

from casus.app import App


async def application(request: Request) -> App:
    return request.app.state.casus


async def today(request: Request) -> dt.date:
    """'Today' comes from the edge: the application's clock, never ``date.today()`` in the library."""
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


class AnswerCache:
    """The JSON of recent answers, per knowledge base: a repeated question costs a lookup.

    A state profile of a NATO member holds hundreds of duties and costs tens of
    milliseconds to build; a server is asked the same few over and over. An entry
    is used only while the application still serves the knowledge base it was
    computed on (the App rebuilds it after any write), so no stale answer is
    ever served. Bounded: the least recently used entry goes first.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, kb, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] is not kb:
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, kb, key, body: bytes) -> None:
        with self._lock:
            self._entries[key] = (kb, body)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)


async def cached(request: Request, key, answer) -> Response:
    """The cached JSON for ``key`` on the current base, else ``answer()`` (a contract) written and kept."""
    casus = request.app.state.casus
    answers: AnswerCache = request.app.state.answers
    kb = casus.knowledge_base()
    body = answers.get(kb, key)
    if body is None:
        model = answer()
        body = model.__pydantic_serializer__.to_json(model, by_alias=True)
        answers.put(kb, key, body)
    return Response(body, media_type="application/json")
