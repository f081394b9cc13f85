"""Instruments that are not defence commitments, as data (``not-defence.yaml``), with sources.

People ask about the Budapest Memorandum or the Taiwan Relations Act as if they were
alliances; ``casus treaty`` answers why they are not, rather than "no treaty matches".
"""

from __future__ import annotations

import functools
from importlib.resources import files
from typing import Any

from casus import yamlio
from casus.errors import DataFileError

_FIELDS = {"id", "name", "aliases", "signed", "parties", "because", "source", "uncertain"}


@functools.cache
def instruments() -> tuple[dict[str, Any], ...]:
    """The records of ``not-defence.yaml``, checked: each has a name, a reason and a source URL."""
    path = files("casus.treaties.instruments") / "not-defence.yaml"
    records = yamlio.load(path.read_text(encoding="utf-8"))
    for index, record in enumerate(records, start=1):
        where = f"record {index} (id={record.get('id')})"
        unknown = sorted(set(record) - _FIELDS)
        if unknown:
            raise DataFileError(str(path), where, unknown[0], "unknown field")
        for field in ("id", "name", "because"):
            if not record.get(field):
                raise DataFileError(str(path), where, field, "is required")
        if not str((record.get("source") or {}).get("url", "")).startswith(("https://", "http://")):
            raise DataFileError(str(path), where, "source", "needs an http(s) url")
    return tuple(records)


def not_a_defence_commitment(folded: str, fold) -> dict[str, Any] | None:
    """The instrument whose id, name or alias is ``folded`` (already case- and accent-folded)."""
    for record in instruments():
        if folded in {fold(name) for name in (record["id"], record["name"], *record.get("aliases", ()))}:
            return record
    return None
