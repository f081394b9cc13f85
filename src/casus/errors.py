"""One catalogue of the errors casus raises.

Library code raises these; the CLI and the HTTP API turn them into messages and
exit codes (or status codes) only at their edge, through ``EXIT_CODES`` and
``HTTP_STATUS`` below, the one place that maps them.

Every error has a stable ``code`` (``E1xx`` bad input, ``E2xx`` not found,
``E3xx`` conflict, ``E4xx`` unavailable, ``E5xx`` internal: a front end or a
script may switch on it; the message may be reworded), a ``kind`` and
structured fields (``file``, ``line``, ``record``, ``field``, ``query``,
``suggestions``) that ``to_dict()`` returns for a JSON body. Messages name
library arguments and data fields, never a command-line flag: the CLI adds its
flag names itself from ``field``.

>>> from casus.errors import UnknownStateError
>>> error = UnknownStateError("Atlantis", ["Atlanta"])
>>> error.code, error.kind.value, error.http_status, error.exit_code
('E201', 'not_found', 404, 2)
>>> error.to_dict()["suggestions"]
['Atlanta']
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """What went wrong, as a front end needs to tell it apart."""

    BAD_INPUT = "bad_input"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    UNAVAILABLE = "unavailable"
    INTERNAL = "internal"


# The one mapping from kinds to exit codes and HTTP statuses. Exit codes keep
# what casus has always used: 2 for a bad argument or an unknown name, 3 for a
# bad file (see ``CasusError.exit_code``), 4 when the store cannot be used.
EXIT_CODES: dict[Kind, int] = {
    Kind.BAD_INPUT: 2,
    Kind.NOT_FOUND: 2,
    Kind.CONFLICT: 5,
    Kind.UNAVAILABLE: 4,
    Kind.INTERNAL: 1,
}
BAD_FILE_EXIT_CODE = 3
HTTP_STATUS: dict[Kind, int] = {
    Kind.BAD_INPUT: 400,
    Kind.NOT_FOUND: 404,
    Kind.CONFLICT: 409,
    Kind.UNAVAILABLE: 503,
    Kind.INTERNAL: 500,
}


class CasusError(Exception):
    """Base of every error casus reports to a user."""

    code = "E500"
    kind = Kind.INTERNAL
    title = "internal error"

    file: str | None = None
    line: int | None = None
    record: str | None = None
    field: str | None = None
    query: str | None = None
    suggestions: list[str] = []  # noqa: RUF012 - read-only default; instances assign their own list

    def __init__(self, message: str = "", **fields: Any) -> None:
        for name, value in fields.items():
            if name not in _FIELDS:
                raise TypeError(f"{type(self).__name__}: unknown error field {name!r}")
            setattr(self, name, value)
        self.message = message
        super().__init__(message)

    @property
    def exit_code(self) -> int:
        if self.kind is Kind.BAD_INPUT and self.file is not None:
            return BAD_FILE_EXIT_CODE
        return EXIT_CODES[self.kind]

    @property
    def http_status(self) -> int:
        return HTTP_STATUS[self.kind]

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON body (``casus.contracts.ErrorBody``)."""
        return {
            "code": self.code,
            "kind": self.kind.value,
            "title": self.title,
            "message": str(self),
            "file": self.file,
            "line": self.line,
            "record": self.record,
            "field": self.field,
            "query": self.query,
            "suggestions": list(self.suggestions),
        }


_FIELDS = ("file", "line", "record", "field", "query", "suggestions")


def _where(file: str, line: int | None = None, record: str | None = None, field: str | None = None) -> str:
    where = file if line is None else f"{file}, line {line}"
    if record:
        where += f", record {record}"
    if field:
        where += f", field {field}"
    return where


# -- bad input (E1xx) --------------------------------------------------------------


class InvalidArgumentError(CasusError, ValueError):
    """An argument is malformed or out of range; ``field`` names the argument."""

    code, kind, title = "E101", Kind.BAD_INPUT, "invalid argument"

    def __init__(self, message: str, *, field: str | None = None, **fields: Any) -> None:
        self.detail = message
        super().__init__(f"{field}: {message}" if field else message, field=field, **fields)


class DataFileError(CasusError):
    """A data file (treaty, state, alias, scenario) is malformed: names file, record and field."""

    code, kind, title = "E102", Kind.BAD_INPUT, "malformed data file"

    def __init__(self, path: str, record: str | None, field: str | None, message: str) -> None:
        super().__init__(f"{_where(path, None, record, field)}: {message}", file=path, record=record, field=field)
        self.path, self.message = path, message


class InputError(CasusError):
    """An article cannot be read: names the file, the line (for JSONL) and the problem."""

    code, kind, title = "E103", Kind.BAD_INPUT, "unreadable input"

    def __init__(self, path: str, message: str, line: int | None = None, field: str | None = None) -> None:
        # The field is structured data for programs; the message keeps naming it in words.
        super().__init__(f"{_where(path, line)}: {message}", file=path, line=line, field=field)
        self.path, self.message = path, message


class AmbiguousStateError(CasusError, LookupError):
    """A name matches several states: lists the candidates."""

    code, kind, title = "E104", Kind.BAD_INPUT, "ambiguous state"

    def __init__(self, query: str, candidates: list[str]) -> None:
        super().__init__(f"{query!r} is ambiguous; it may mean: " + "; ".join(candidates),
                         query=query, suggestions=list(candidates))
        self.candidates = list(candidates)


# -- not found (E2xx) --------------------------------------------------------------


class _NotFound(CasusError, LookupError):
    kind = Kind.NOT_FOUND
    noun = "thing"

    def __init__(self, query: str, suggestions: list[str] | None = None, *, on: object = None) -> None:
        message = f"no {self.noun} matches {query!r}"
        if on is not None:
            message += f" on {on}"
        if suggestions:
            message += "; did you mean: " + ", ".join(suggestions)
        super().__init__(message, query=query, suggestions=list(suggestions or []))


class UnknownStateError(_NotFound):
    """No state matches a name or code."""

    code, title, noun = "E201", "unknown state", "state"

    def __init__(self, query: str, suggestions: list[str] | None = None, on: object = None,
                 existed: list[str] | None = None) -> None:
        super().__init__(query, suggestions, on=on)
        if existed:
            # The name is right but the date is not: say when it named a state ("USSR" in 2000).
            self.message = (f"no state matches {query!r} on {on}: {query} existed " + "; ".join(existed)
                            + (f"; did you mean: {', '.join(suggestions)}" if suggestions else ""))
            self.args = (self.message,)


class UnknownTreatyError(_NotFound):
    """No treaty matches an id, name, alias or organisation."""

    code, title, noun = "E202", "unknown treaty", "treaty"


class NotADefenceCommitmentError(_NotFound):
    """The name is a well-known instrument that is not a defence commitment (the Budapest
    Memorandum): says why, with its source (``casus/treaties/instruments/not-defence.yaml``)."""

    code, title, noun = "E206", "not a defence commitment", "treaty"

    def __init__(self, query: str, name: str, because: str, source: str) -> None:
        message = f"{name} is not a defence commitment, because {because[0].lower() + because[1:]} (source: {source})"
        CasusError.__init__(self, message, query=query)
        self.name, self.because, self.source = name, because, source


class UnknownPlaceError(_NotFound):
    """No place matches a name or coordinate: lists close names."""

    code, title, noun = "E203", "unknown place", "place"

    def __init__(self, query: str, suggestions: list[str] | None = None, note: str | None = None) -> None:
        # Suggestions may hold commas ("Atlantis, South Africa"): joined with semicolons.
        suggestions = list(dict.fromkeys(suggestions or []))
        message = f"no place matches {query!r}" + (f" {note}" if note else "")
        if suggestions:
            message += "; did you mean: " + "; ".join(suggestions)
        CasusError.__init__(self, message, query=query, suggestions=suggestions)


class UnknownProposalError(CasusError, LookupError):
    """No proposal has this id."""

    code, kind, title = "E204", Kind.NOT_FOUND, "unknown proposal"

    def __init__(self, proposal_id: object) -> None:
        super().__init__(f"no proposal {proposal_id!r}; the list of proposals shows the open ones",
                         query=str(proposal_id))
        self.proposal_id = proposal_id


class MissingDataError(CasusError, LookupError):
    """The store holds no data of a kind a question needs (``record`` names the dataset)."""

    code, kind, title = "E205", Kind.NOT_FOUND, "data not in the store"


# -- conflict (E3xx) ---------------------------------------------------------------


class ConflictError(CasusError):
    """The request contradicts what the store holds (a decided proposal, another dataset version)."""

    code, kind, title = "E301", Kind.CONFLICT, "conflict with the store"


class ProposalDecidedError(ConflictError, InvalidArgumentError):
    """A proposal already accepted or rejected cannot be decided again.

    Also an ``InvalidArgumentError``, for callers written before conflicts had a kind.
    """

    code, title = "E302", "proposal already decided"

    def __init__(self, message: str, *, record: str | None = None) -> None:
        CasusError.__init__(self, message, record=record)
        self.detail = message


class ProposalConflictError(ConflictError, InvalidArgumentError):
    """The knowledge base changed since the proposal was made: accepting it would clash."""

    code, title = "E304", "proposal conflicts with the base"

    def __init__(self, message: str) -> None:
        CasusError.__init__(self, message)
        self.detail = message


class DatasetVersionError(ConflictError, InvalidArgumentError):
    """Importing another version of a dataset the store holds, without asking to replace it."""

    code, title = "E303", "another dataset version is stored"

    def __init__(self, message: str, *, record: str | None = None) -> None:
        CasusError.__init__(self, message, record=record, field="replace")
        self.detail = message


# -- unavailable (E4xx) ------------------------------------------------------------


class StoreError(CasusError):
    """The store cannot be opened, migrated or written."""

    code, kind, title = "E401", Kind.UNAVAILABLE, "store unavailable"


#: Every error class, by code: the catalogue ``docs/app.md`` and the API document.
CATALOGUE: dict[str, type[CasusError]] = {
    cls.code: cls
    for cls in (
        CasusError, InvalidArgumentError, DataFileError, InputError, AmbiguousStateError,
        UnknownStateError, UnknownTreatyError, NotADefenceCommitmentError, UnknownPlaceError, UnknownProposalError,
        MissingDataError,
        ConflictError, ProposalDecidedError, DatasetVersionError, ProposalConflictError, StoreError,
    )
}
