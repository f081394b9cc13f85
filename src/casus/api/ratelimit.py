"""Requests per client, limited: a token bucket per client address (ASGI middleware).

Reads and writes have separate buckets: a client scraping the API cannot starve
reviewers' writes, and a client guessing write tokens is slowed to the write
rate. Over the limit the answer is 429 with a JSON error and ``Retry-After``.
Hand-written (a few lines over a dict) rather than a dependency: the limits
are per process, which is what one ``casus serve`` is.
"""

from __future__ import annotations

import json
import math
import threading
import time
from dataclasses import dataclass

from casus.api.errors import error_body

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True)
class RateLimit:
    """Sustained requests per second and the burst allowed above it, per client."""

    reads_per_second: float = 50.0
    read_burst: int = 200
    writes_per_second: float = 5.0
    write_burst: int = 20


DEFAULT_RATE = RateLimit()


class _Buckets:
    def __init__(self, rate: float, burst: int, clock=time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self._state: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """0 when the request may go; else the seconds until it may."""
        now = self.clock()
        with self._lock:
            tokens, then = self._state.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self.rate)
            if tokens >= 1:
                self._state[client] = (tokens - 1, now)
                if len(self._state) > 100_000:  # forget idle clients rather than grow without bound
                    self._state = {k: v for k, v in self._state.items() if now - v[1] < 60}
                return 0.0
            self._state[client] = (tokens, now)
            return (1 - tokens) / self.rate


class RateLimiter:
    """ASGI middleware applying ``RateLimit`` per client address."""

    def __init__(self, app, limit: RateLimit = DEFAULT_RATE, clock=time.monotonic) -> None:
        self.app = app
        self.reads = _Buckets(limit.reads_per_second, limit.read_burst, clock)
        self.writes = _Buckets(limit.writes_per_second, limit.write_burst, clock)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        buckets = self.writes if scope.get("method") in WRITE_METHODS else self.reads
        wait = buckets.take(client)
        if wait:
            body = json.dumps(error_body("E612", "bad_input", "too many requests",
                                         f"over this server's rate limit; retry in {wait:.1f} s")).encode()
            await send({"type": "http.response.start", "status": 429,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode()),
                                    (b"retry-after", str(math.ceil(wait)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)
