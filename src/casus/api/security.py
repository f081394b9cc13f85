"""Writes need the bearer token the server was started with; reads are open.

The token is compared in constant time (``hmac.compare_digest`` over bytes, so
a wrong guess takes as long whatever its prefix) and never logged or echoed.
A server started without a token accepts no writes at all.
"""

from __future__ import annotations

import hmac
import os

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from casus.api.errors import ApiError

TOKEN_ENV = "CASUS_TOKEN"
"""The environment variable ``casus serve`` reads the write token from (safer than ``--token``, which ``ps`` shows)."""

bearer = HTTPBearer(auto_error=False, description="The write token given to `casus serve` (--token or CASUS_TOKEN).")


def configured_token(token: str | None) -> str | None:
    """The write token: the one given, else ``CASUS_TOKEN``; ``None`` when neither is set (or empty)."""
    value = token if token is not None else os.environ.get(TOKEN_ENV)
    return value or None


def token_matches(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_token(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)
) -> None:
    """Dependency of every write route: 401 without a bearer token, 403 with a wrong one."""
    expected = request.app.state.token
    if expected is None:
        raise ApiError(403, "E603", "forbidden", "writes disabled",
                       "this server accepts no writes: it was started without a write token (CASUS_TOKEN)")
    if credentials is None or not credentials.credentials:
        raise ApiError(401, "E601", "unauthorized", "token missing",
                       "this is a write: send the server's token as 'Authorization: Bearer TOKEN'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not token_matches(credentials.credentials, expected):
        raise ApiError(403, "E602", "forbidden", "wrong token", "the token does not match this server's")


WRITE = [Depends(require_token)]
"""``dependencies=WRITE`` on a route makes it a write."""
