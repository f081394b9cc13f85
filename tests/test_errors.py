"""The error catalogue: stable codes, kinds a front end can map, no CLI flags in library messages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from casus import errors
from casus.errors import (
    CATALOGUE,
    EXIT_CODES,
    HTTP_STATUS,
    DataFileError,
    InvalidArgumentError,
    Kind,
    ProposalDecidedError,
    StoreError,
    UnknownProposalError,
    UnknownStateError,
    UnknownTreatyError,
)

LIBRARY = Path(errors.__file__).parent


def test_every_error_class_has_its_own_code_in_its_kinds_range():
    prefixes = {Kind.BAD_INPUT: "E1", Kind.NOT_FOUND: "E2", Kind.CONFLICT: "E3", Kind.UNAVAILABLE: "E4",
                Kind.INTERNAL: "E5"}
    codes = [cls.code for cls in CATALOGUE.values()]
    assert len(codes) == len(set(codes))
    for code, cls in CATALOGUE.items():
        assert re.fullmatch(r"E\d{3}", code) and code.startswith(prefixes[cls.kind]), cls


def test_every_kind_has_an_exit_code_and_an_http_status():
    assert set(EXIT_CODES) == set(Kind) == set(HTTP_STATUS)
    assert [HTTP_STATUS[k] for k in (Kind.BAD_INPUT, Kind.NOT_FOUND, Kind.CONFLICT, Kind.UNAVAILABLE)] == [
        400, 404, 409, 503]


def test_an_unknown_state_is_not_found_with_its_query_and_suggestions():
    error = UnknownStateError("Atlantis", ["Atlanta (USA)"], on="2025-01-01")
    assert (error.http_status, error.exit_code) == (404, 2)
    assert error.to_dict() == {
        "code": "E201", "kind": "not_found", "title": "unknown state",
        "message": "no state matches 'Atlantis' on 2025-01-01; did you mean: Atlanta (USA)",
        "file": None, "line": None, "record": None, "field": None, "query": "Atlantis",
        "suggestions": ["Atlanta (USA)"],
    }
    assert isinstance(error, LookupError)


def test_a_bad_file_names_file_record_and_field_and_exits_3():
    error = DataFileError("treaties/nato.yaml", "obligations[2]", "kind", "unknown kind 'friendship'")
    assert str(error) == "treaties/nato.yaml, record obligations[2], field kind: unknown kind 'friendship'"
    assert (error.kind, error.exit_code, error.http_status) == (Kind.BAD_INPUT, 3, 400)
    assert error.to_dict()["file"] == "treaties/nato.yaml" and error.to_dict()["field"] == "kind"


def test_a_bad_argument_names_its_field_and_keeps_the_detail_apart():
    error = InvalidArgumentError("'x' is not one of defense, offense", field="kind")
    assert str(error) == "kind: 'x' is not one of defense, offense"
    assert error.detail == "'x' is not one of defense, offense" and error.exit_code == 2
    assert isinstance(error, ValueError)


def test_deciding_a_proposal_twice_is_a_conflict_and_still_an_invalid_argument():
    error = ProposalDecidedError("proposal 3 is already accepted", record="3")
    assert (error.kind, error.http_status, error.exit_code) == (Kind.CONFLICT, 409, 5)
    assert isinstance(error, InvalidArgumentError)


@pytest.mark.parametrize(
    ("error", "status"),
    [(UnknownTreatyError("Warsaw Pakt"), 404), (UnknownProposalError("x"), 404), (StoreError("locked"), 503)],
)
def test_errors_map_to_http_statuses(error, status):
    assert error.http_status == status and error.to_dict()["code"] == error.code


def _raised_messages(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            for argument in node.exc.args:
                for part in ast.walk(argument):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        yield node.lineno, part.value


def test_library_messages_do_not_name_command_line_flags():
    found = [
        f"{path.relative_to(LIBRARY)}:{line}: {text}"
        for path in sorted(LIBRARY.rglob("*.py"))
        if "cli" not in path.relative_to(LIBRARY).parts
        for line, text in _raised_messages(path)
        if re.search(r"(^|\s|\()--[a-z]", text)
    ]
    assert found == []
