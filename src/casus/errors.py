"""One catalogue of the errors casus raises.

Library code raises these; the CLI and the HTTP API turn them into messages and
exit codes (or status codes) only at their edge.
"""

from __future__ import annotations


class CasusError(Exception):
    """Base of every error casus reports to a user."""

    exit_code = 1


class DataFileError(CasusError):
    """A data file (treaty, state, alias) is malformed: names file, record and field."""

    exit_code = 3

    def __init__(self, path: str, record: str | None, field: str | None, message: str) -> None:
        self.path, self.record, self.field, self.message = path, record, field, message
        where = path
        if record:
            where += f", record {record}"
        if field:
            where += f", field {field}"
        super().__init__(f"{where}: {message}")


class UnknownStateError(CasusError, LookupError):
    """No state matches a name or code."""

    exit_code = 2

    def __init__(self, query: str, suggestions: list[str] | None = None, on: object = None) -> None:
        self.query, self.suggestions = query, suggestions or []
        message = f"no state matches {query!r}"
        if on is not None:
            message += f" on {on}"
        if self.suggestions:
            message += "; did you mean: " + ", ".join(self.suggestions)
        super().__init__(message)


class AmbiguousStateError(CasusError, LookupError):
    """A name matches several states: lists the candidates."""

    exit_code = 2

    def __init__(self, query: str, candidates: list[str]) -> None:
        self.query, self.candidates = query, candidates
        super().__init__(f"{query!r} is ambiguous; it may mean: " + "; ".join(candidates))


class UnknownTreatyError(CasusError, LookupError):
    exit_code = 2

    def __init__(self, query: str, suggestions: list[str] | None = None) -> None:
        self.query, self.suggestions = query, suggestions or []
        message = f"no treaty matches {query!r}"
        if self.suggestions:
            message += "; did you mean: " + ", ".join(self.suggestions)
        super().__init__(message)


class StoreError(CasusError):
    """The store cannot be opened, migrated or written."""

    exit_code = 4


class InvalidArgumentError(CasusError, ValueError):
    exit_code = 2


class UnknownPlaceError(CasusError, LookupError):
    """No place matches a name or coordinate: lists close names."""

    exit_code = 2

    def __init__(self, query: str, suggestions: list[str] | None = None, note: str | None = None) -> None:
        self.query, self.suggestions = query, list(dict.fromkeys(suggestions or []))
        message = f"no place matches {query!r}" + (f" {note}" if note else "")
        if self.suggestions:
            message += "; did you mean: " + "; ".join(self.suggestions)
        super().__init__(message)


class InputError(CasusError):
    """An article cannot be read: names the file, the line (for JSONL) and the problem."""

    exit_code = 3

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path, self.line, self.message = path, line, message
        where = path if line is None else f"{path}, line {line}"
        super().__init__(f"{where}: {message}")


class UnknownProposalError(CasusError, LookupError):
    """No proposal has this id (``casus review``)."""

    exit_code = 2

    def __init__(self, proposal_id: object) -> None:
        self.proposal_id = proposal_id
        super().__init__(f"no proposal {proposal_id!r}; `casus review` lists the open ones")
