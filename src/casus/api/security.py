"""Writes need the bearer token the server was started with; reads are open.

The server keeps only a salted scrypt hash of the token (``hashlib.scrypt``),
never the token itself: a memory dump, a crash report or a debug page of the
app's state shows nothing a client could send. A token given in clear (``--token``,
``CASUS_TOKEN``) is hashed at start and dropped; ``CASUS_TOKEN_HASH`` gives the
hash alone (``casus token-hash`` makes one), so the clear token need not be on
the server at all. A token sent is hashed the same way and the two hashes are
compared in constant time (``hmac.compare_digest``). Tokens are never logged or
echoed, and their hash is not a ``repr``-able secret either.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass, field

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from casus.api.errors import ApiError
from casus.contracts.api import ErrorResponse
from casus.errors import InvalidArgumentError

TOKEN_ENV = "CASUS_TOKEN"
"""The environment variable ``casus serve`` reads the write token from (safer than ``--token``, which ``ps`` shows)."""

bearer = HTTPBearer(auto_error=False, description="The write token given to `casus serve` (--token or CASUS_TOKEN).")


HASH_ENV = "CASUS_TOKEN_HASH"
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
"""scrypt's cost: about 16 MB and a few tens of milliseconds per write request."""


@dataclass(frozen=True)
class TokenHash:
    """A salted scrypt hash of the write token: ``scrypt$n$r$p$salt$hash`` (base64)."""

    salt: bytes = field(repr=False)
    digest: bytes = field(repr=False)
    n: int = SCRYPT["n"]
    r: int = SCRYPT["r"]
    p: int = SCRYPT["p"]

    @classmethod
    def of(cls, token: str, salt: bytes | None = None) -> TokenHash:
        salt = salt if salt is not None else os.urandom(16)
        return cls(salt, _scrypt(token, salt, **SCRYPT))

    @classmethod
    def parse(cls, text: str) -> TokenHash:
        try:
            scheme, n, r, p, salt, digest = text.strip().split("$")
            if scheme != "scrypt":
                raise ValueError(scheme)
            return cls(base64.b64decode(salt, validate=True), base64.b64decode(digest, validate=True),
                       int(n), int(r), int(p))
        except ValueError:
            raise InvalidArgumentError(f"{HASH_ENV}: not a token hash of the form scrypt$n$r$p$salt$hash "
                                       "(make one with `casus token-hash`)") from None

    def __str__(self) -> str:
        return "$".join(["scrypt", str(self.n), str(self.r), str(self.p),
                         base64.b64encode(self.salt).decode(), base64.b64encode(self.digest).decode()])

    def matches(self, token: str) -> bool:
        return hmac.compare_digest(_scrypt(token, self.salt, n=self.n, r=self.r, p=self.p), self.digest)


def _scrypt(token: str, salt: bytes, *, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(token.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


def configured_token(token: str | TokenHash | None) -> TokenHash | None:
    """The write token's hash: of the one given, else ``CASUS_TOKEN``, else ``CASUS_TOKEN_HASH``; else None."""
    if isinstance(token, TokenHash):
        return token
    value = token if token is not None else os.environ.get(TOKEN_ENV)
    if value:
        return TokenHash.of(value)
    hashed = os.environ.get(HASH_ENV)
    return TokenHash.parse(hashed) if hashed else None


def token_matches(given: str, expected: TokenHash) -> bool:
    return expected.matches(given)


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

WRITE_RESPONSES = {
    401: {"model": ErrorResponse, "description": "A write without a bearer token"},
    403: {"model": ErrorResponse, "description": "A wrong token, or a server started without one"},
}
