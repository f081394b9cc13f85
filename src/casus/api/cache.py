"""Answers kept as the bytes sent: a repeated question costs a lookup, never a stale answer.

A shared server is asked the same few questions over and over (the profile of
a NATO member, "RUS attacks EST" today), and a state profile of a NATO member
holds hundreds of duties: building and validating it costs milliseconds, and
routing, parsing and dependency injection cost a good part of a millisecond
more. This ASGI middleware sits in front of the routes and keeps each answer
exactly as it was sent (status, headers, body) under the request that asked for
it (method, path, query, body) and "today" by the application's clock.

An entry is served only while the store's generation (``App.generation()``, a
counter every write bumps, by this process or any other) is the one it was
computed under, so a write makes every kept answer unreachable at once; the
generation is read before the answer is computed, so an answer can be newer
than its entry says, never older. Bounded in entries and in bytes: the least
recently used go first.

Only reads are kept: the GET routes answered from the knowledge base and the
store's sources, and ``POST /scenario`` (a question, not a write). Proposals
(a review queue, and behind the token for writes) and anything but a 200 pass
through untouched. Hand-written (a dict in order of use) rather than a
dependency: what makes it correct is the generation, which an HTTP cache in
front of the server could not see.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict

API = "/api/v1"
GET_PREFIXES = tuple(f"{API}/{name}" for name in (
    "states", "treaties", "diff", "exposure", "entanglement", "network", "sources"))
"""GET routes whose answer depends only on the request, the store's contents and today."""
POSTS = frozenset({f"{API}/scenario"})
"""POST routes that ask rather than write."""
MAX_ENTRIES = 1024
MAX_BYTES = 128 * 1024 * 1024
"""All kept answers together; a state profile of the United States is ~0.4 MB."""
MAX_ENTRY = 16 * 1024 * 1024
"""The largest answer kept (an exposure table as CSV is a few MB)."""
MAX_QUESTION = 64 * 1024
"""A POST body larger than this is not used as a key (a scenario is a few hundred bytes)."""


GZIP_FROM = 1024
"""Answers at least this long are kept gzipped too, for clients that accept it."""


class Kept:
    """One answer as sent: its start message and body, and (made on first need) the same gzipped."""

    __slots__ = ("generation", "start", "body", "_gzipped")

    def __init__(self, generation: int, start: dict, body: bytes) -> None:
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"vary"] + \
            [(b"vary", b"accept-encoding")]
        self.generation, self.start, self.body = generation, {**start, "headers": headers}, body
        worth = len(body) >= GZIP_FROM and not any(k.lower() == b"content-encoding" for k, _ in headers)
        self._gzipped: tuple[dict, bytes] | None | bool = None if worth else False

    def gzipped(self) -> tuple[dict, bytes] | None:
        """The start message and body gzipped, or None when not worth it.

        Made when a second client asks (most answers computed once are never asked
        again, and gzipping a NATO member's profile costs milliseconds), then kept:
        the profile shrinks ~20 times, and moving its bytes is most of what a hit costs.
        """
        if self._gzipped is False:
            return None
        if self._gzipped is None:
            packed = gzip.compress(self.body, compresslevel=6, mtime=0)
            headers = [(k, v) for k, v in self.start["headers"] if k.lower() != b"content-length"] + \
                [(b"content-length", str(len(packed)).encode()), (b"content-encoding", b"gzip")]
            self._gzipped = ({**self.start, "headers": headers}, packed)
        return self._gzipped

    @property
    def size(self) -> int:
        """Bytes counted against the bound: room for the gzipped copy is counted from the start
        (it is made later, and is never much larger than the answer)."""
        return len(self.body) * (1 if self._gzipped is False else 2)


class Answers:
    """The kept answers: bounded in entries and bytes, least recently used first out."""

    def __init__(self, entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES, max_entry: int = MAX_ENTRY) -> None:
        self.entries, self.max_bytes, self.max_entry = entries, max_bytes, max_entry
        self._kept: OrderedDict[tuple, Kept] = OrderedDict()
        self._bytes = 0
        self._generation = -1
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._kept)

    @property
    def size(self) -> int:
        """Bytes of answers kept."""
        return self._bytes

    def get(self, key, generation: int) -> Kept | None:
        with self._lock:
            kept = self._kept.get(key)
            if kept is None or kept.generation != generation:
                self.misses += 1
                return None
            self._kept.move_to_end(key)
            self.hits += 1
            return kept

    def put(self, key, kept: Kept) -> None:
        if kept.size > self.max_entry:
            return
        with self._lock:
            if kept.generation < self._generation:
                return  # computed before a write that newer answers already saw: never servable
            if kept.generation > self._generation:
                # The store changed: nothing kept can be served again.
                self._kept.clear()
                self._bytes = 0
                self._generation = kept.generation
            old = self._kept.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            self._kept[key] = kept
            self._bytes += kept.size
            while len(self._kept) > self.entries or self._bytes > self.max_bytes:
                _, gone = self._kept.popitem(last=False)
                self._bytes -= gone.size


class ResponseCache:
    """ASGI middleware over the app of ``application`` (a ``casus.app.App``); see the module docstring."""

    def __init__(self, app, application, answers: Answers) -> None:
        self.app, self.application, self.answers = app, application, answers

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not _asks(scope):
            await self.app(scope, receive, send)
            return
        question = b""
        if scope["method"] == "POST":
            declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
            if declared is None or not declared.isdigit() or int(declared) > MAX_QUESTION:
                await self.app(scope, receive, send)
                return
            question, receive = await _read_body(receive)
            if question is None:  # the client went away
                return
        try:
            generation = self.application.generation()
            today = self.application.today()
        except Exception:  # the store is unavailable: the route answers with the error (503)
            await self.app(scope, receive, send)
            return
        key = (scope["method"], scope["path"], scope["query_string"], question, today)
        kept = self.answers.get(key, generation)
        if kept is not None:
            packed = kept.gzipped() if _accepts_gzip(scope) else None
            if packed is not None:
                await send(packed[0])
                await send({"type": "http.response.body", "body": packed[1]})
            else:
                await send(kept.start)
                await send({"type": "http.response.body", "body": kept.body})
            return
        start: dict | None = None
        parts: list[bytes] | None = []
        size = 0
        limit = self.answers.max_entry

        async def keeping(message):
            nonlocal start, parts, size
            if message["type"] == "http.response.start":
                start = message if message["status"] == 200 else None
                if start is not None:  # the kept answer may be sent gzipped to the next client
                    message = {**message, "headers": [*message.get("headers", []), (b"vary", b"accept-encoding")]}
            elif message["type"] == "http.response.body" and start is not None and parts is not None:
                parts.append(message.get("body", b""))
                size += len(parts[-1])
                if size > limit:
                    parts = None
                elif not message.get("more_body", False):
                    self.answers.put(key, Kept(generation, start, b"".join(parts)))
            await send(message)

        await self.app(scope, receive, keeping)


def _accepts_gzip(scope) -> bool:
    """Whether the request's Accept-Encoding takes gzip (``gzip;q=0`` refuses it)."""
    accepted = next((v for k, v in scope["headers"] if k == b"accept-encoding"), b"")
    for part in accepted.lower().split(b","):
        coding, *parameters = (p.strip() for p in part.split(b";"))
        if coding == b"gzip":
            weight = next((p[2:] for p in parameters if p.startswith(b"q=")), b"1")
            try:
                return float(weight) > 0
            except ValueError:
                return False
    return False


def _asks(scope) -> bool:
    path = scope["path"]
    if scope["method"] == "GET":
        return path.startswith(GET_PREFIXES)
    return scope["method"] == "POST" and path in POSTS


async def _read_body(receive):
    """The whole request body, and a ``receive`` that gives it to the app again (None: disconnected)."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None, receive
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    given = False

    async def replay():
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay
