"""Reading a CSV file whose columns are found by header, with errors that name the file."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from casus.errors import DataFileError


def read_rows(path: Path, required: Iterable[str], expected: str) -> list[dict[str, str]]:
    """All rows of ``path`` as dicts; a missing ``required`` column or an unreadable file is a DataFileError.

    ``expected`` says what layout the file should have ("an ATOP member-level file").
    Data rows start on line 2, which callers use to name lines in their own errors.
    """
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [column for column in required if column not in header]
            if missing:
                raise DataFileError(str(path), "header", missing[0], f"missing column (expected {expected})")
            return list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(str(path), None, None, f"cannot read: {exc}") from exc
