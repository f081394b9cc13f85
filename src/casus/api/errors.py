"""Errors at the HTTP edge: every failure is a JSON body ``{"error": {...}}``.

Library errors (``casus.errors``) carry their own code, kind and fields; here
they only get their HTTP status. Request validation (a date that is not a date,
a missing field) is bad input too: 400, not FastAPI's 422, with ``field`` naming
the parameter. The few errors only the API has (a missing or wrong token, a
body too large, an unknown route) get codes in the ``E6xx`` range.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from casus.errors import CasusError

log = logging.getLogger("casus.api")


def error_body(code: str, kind: str, title: str, message: str, **fields: Any) -> dict[str, Any]:
    """The JSON body of an error, in the library errors' shape (``CasusError.to_dict``)."""
    error = {"code": code, "kind": kind, "title": title, "message": message, "file": None, "line": None,
             "record": None, "field": None, "query": None, "suggestions": []}
    error.update(fields)
    return {"error": error}


class ApiError(Exception):
    """An error only the HTTP edge knows: authentication, routing."""

    def __init__(self, status: int, code: str, kind: str, title: str, message: str,
                 headers: dict[str, str] | None = None, **fields: Any) -> None:
        super().__init__(message)
        self.status, self.headers = status, headers
        self.body = error_body(code, kind, title, message, **fields)


def _casus_error(_request: Request, exc: CasusError) -> JSONResponse:
    return JSONResponse({"error": exc.to_dict()}, status_code=exc.http_status)


def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
    return JSONResponse(exc.body, status_code=exc.status, headers=exc.headers)


def _field(location: tuple) -> str | None:
    """``("query", "on")`` → ``"on"``; ``("body", "acts", 0, "target")`` → ``"acts[0].target"``."""
    parts = [p for p in location if p not in ("body", "query", "path", "header")]
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or None


def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = [
        # pydantic opens a validator's own message with "Value error, ": the message is ours, said plainly
        {"field": _field(tuple(e.get("loc", ()))), "message": e.get("msg", "").removeprefix("Value error, "),
         "type": e.get("type")}
        for e in exc.errors()
    ]
    first = problems[0] if problems else {"field": None, "message": "invalid request"}
    message = "; ".join(f"{p['field']}: {p['message']}" if p["field"] else p["message"] for p in problems)
    body = error_body("E101", "bad_input", "invalid argument", message or "invalid request", field=first["field"])
    body["error"]["problems"] = problems
    return JSONResponse(body, status_code=400)


_HTTP_CODES = {404: ("E612", "not_found", "no such route"), 405: ("E613", "bad_input", "method not allowed")}


def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code, kind, title = _HTTP_CODES.get(exc.status_code, ("E610", "bad_input", "bad request"))
    if exc.status_code >= 500:
        code, kind, title = "E500", "internal", "internal error"
    message = exc.detail if isinstance(exc.detail, str) else title
    return JSONResponse(error_body(code, kind, title, message), status_code=exc.status_code,
                        headers=getattr(exc, "headers", None))


def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return JSONResponse(error_body("E500", "internal", "internal error",
                                   "casus failed on this request; the server log has the details"), status_code=500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(CasusError, _casus_error)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
