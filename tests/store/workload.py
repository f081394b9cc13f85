"""A workload of accepts and edits, for the concurrency and crash tests (our own records)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from casus.errors import ConflictError
from casus.review.proposals import accept, get_proposal
from casus.store import Store, keys

EDITED = [f"nato/{state}/1" for state in ("BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT")]


def obligation_proposal(n: int) -> dict[str, Any]:
    """An open proposal that NATO gains a (made-up) obligation numbered ``n``."""
    record = {
        "obligation_key": keys.obligation_key("nato", f"test-{n}:consultation"), "treaty_key": "nato",
        "article": "?", "kind": "consultation", "strength": "consult", "obligors": "members",
        "beneficiaries": "members", "conditions": {}, "summary": f"Test obligation {n}.", "note": None,
        "uncertain": None, "valid_from": None, "valid_to": None,
    }
    return {
        "fact_key": f"test-article|0-10|provision:{n}", "kind": "new_obligation", "status": "open",
        "treaty_key": "nato", "article": "test-article", "url": None, "span_start": 0, "span_end": 10,
        "evidence": "test words", "reader_version": "test", "summary": f"NATO gains test obligation {n}",
        "payload": {"facts": [f"test-article|0-10|provision:{n}"],
                    "change": {"op": "insert", "table": "obligations", "record": record}},
        "created_at": dt.datetime(2026, 1, 1),
    }


def add_proposals(store: Store, count: int) -> list[int]:
    def work(tx):
        return [tx.add_proposal(obligation_proposal(n))["id"] for n in range(count)]

    return store.write(work)


def batch(proposal_ids: list[int]) -> list[tuple[str, Any]]:
    """Accepts interleaved with edits of ten NATO memberships (each edited twice)."""
    ops: list[tuple[str, Any]] = []
    for n, proposal_id in enumerate(proposal_ids):
        ops.append(("accept", proposal_id))
        ops.append(("edit", (EDITED[n % len(EDITED)], f"edit {n}")))
    return ops


def run_batch(store: Store, ops: list[tuple[str, Any]]) -> int:
    """Apply ``ops`` in order, skipping what is already done; returns how many it applied.

    Each step is one transaction, so a batch stopped anywhere (even by SIGKILL)
    is finished by running it again.
    """
    applied = 0
    for step, (op, arg) in enumerate(ops):
        if op == "accept":
            if get_proposal(store, arg).status == "open":
                try:
                    accept(store, arg, by="batch")
                    applied += 1
                except ConflictError:
                    pass
        elif not edit_done(store, step, arg[0]):
            key, note = arg
            store.edit("memberships", key, {"note": note}, editor="batch", reason=f"batch step {step}")
            applied += 1
    return applied


def edit_done(store: Store, step: int, key: str) -> bool:
    """Whether the edit of ``step`` is on record (its version names the step)."""
    return any(v["source"].get("reason") == f"batch step {step}" for v in store.history("memberships", key))


VOLATILE = {"row_id", "recorded_from", "recorded_to"}
VOLATILE_SOURCE = {"at", "accepted_at"}


def _clean(value):
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k not in VOLATILE_SOURCE}
    return value


def snapshot(store: Store) -> dict[str, Any]:
    """What the store holds, without the clock: every version of every record, and the proposals."""
    from sqlalchemy import select

    from casus.store.tables import KEYED

    out: dict[str, Any] = {}
    with store.transaction() as connection:
        for name, (table, key_column) in KEYED.items():
            rows = [dict(r._mapping) for r in connection.execute(select(table).order_by(table.c.row_id))]
            out[name] = [
                (row[key_column], row["recorded_to"] is None,
                 repr(sorted((k, _clean(v)) for k, v in row.items() if k not in VOLATILE)))
                for row in rows
            ]
    out["proposals"] = sorted((p["id"], p["status"], p["decided_by"]) for p in store.proposals())
    return out
