"""A cap on request bodies, enforced before a route reads them.

Written as plain ASGI middleware (not Starlette's ``BaseHTTPMiddleware``, which
buffers and costs a task per request): it refuses a declared ``Content-Length``
over the limit at once, and counts the bytes of a body sent without one
(chunked) so a client cannot stream past the limit either.
"""

from __future__ import annotations

import json

from casus.api.errors import error_body
from casus.reader.inputs import MAX_BYTES

DEFAULT_MAX_BODY = MAX_BYTES + 64 * 1024
"""The reader's largest article (10 MB) plus room for the JSON around it."""


def _body(code: str, title: str, message: str) -> bytes:
    return json.dumps(error_body(code, "bad_input", title, message)).encode()


class BodyLimit:
    """ASGI middleware: answer 413 to any request whose body exceeds ``max_bytes``."""

    def __init__(self, app, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await _answer(send, 400, _body("E610", "bad request", "Content-Length is not a number"))
                return
            if size > self.max_bytes:
                await _answer(send, 413, self._too_large())
                return
        received, over, answered = 0, False, False

        async def counted_receive():
            # Past the limit the route sees the client go away; its answer is replaced below.
            nonlocal received, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def watched_send(message):
            nonlocal answered
            if not over:
                await send(message)
            elif not answered:
                answered = True
                await _answer(send, 413, self._too_large())

        try:
            await self.app(scope, counted_receive, watched_send)
        except Exception:
            if not over:
                raise
        if over and not answered:
            await _answer(send, 413, self._too_large())

    def _too_large(self) -> bytes:
        return _body("E611", "request too large",
                     f"the request body is over {self.max_bytes:,} bytes, the most this server accepts")


async def _answer(send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
