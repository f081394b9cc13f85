"""The JSON body of an error (``casus.errors.CasusError.to_dict``)."""

from __future__ import annotations

from casus.contracts.base import Contract
from casus.errors import Kind


class ErrorBody(Contract):
    """An error as the API returns it: a stable code, its kind and where it lies."""

    code: str
    kind: Kind
    title: str
    message: str
    file: str | None
    line: int | None
    record: str | None
    field: str | None
    query: str | None
    suggestions: list[str]
