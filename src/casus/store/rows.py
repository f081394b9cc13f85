"""Turn validated treaty records into the store's rows (one dict per version)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from casus.errors import DataFileError
from casus.store import keys
from casus.treaties.schema import SourceRef, Treaty


def curated_source(source: SourceRef) -> dict[str, Any]:
    return {"kind": "curated", **source.model_dump(exclude_none=True)}


def rows_for_treaty(treaty: Treaty) -> dict[str, list[dict[str, Any]]]:
    """The rows one treaty file gives, keyed by table name."""
    out: dict[str, list[dict[str, Any]]] = {
        "treaties": [
            {
                "treaty_key": keys.treaty_key(treaty.id),
                "name": treaty.name,
                "aliases": list(treaty.aliases),
                "organisation": treaty.organisation,
                "signed": treaty.signed,
                "in_force": treaty.in_force,
                "ended": treaty.ended,
                "end_reason": treaty.end_reason.value if treaty.end_reason else None,
                "atop_id": treaty.atop_id,
                "notes": treaty.notes,
                "uncertain": treaty.uncertain,
                "instrument": treaty.instrument.value,
                "short_name": treaty.short,
                "source": curated_source(treaty.source),
            }
        ],
        "memberships": [],
        "obligations": [],
        "suspensions": [],
    }
    # The n-th span of a state in a treaty, counted by date of joining (not by
    # file order): a state that left and came back holds two memberships.
    seen: Counter[str] = Counter()
    span: dict[int, int] = {}
    for index, member in sorted(enumerate(treaty.members), key=lambda im: (im[1].state, im[1].joined or dt.date.min)):
        seen[member.state] += 1
        span[index] = seen[member.state]
    for index, member in enumerate(treaty.members):
        out["memberships"].append(
            {
                "membership_key": keys.membership_key(treaty.id, member.state, span[index]),
                "treaty_key": treaty.id,
                "state_id": member.state,
                "signed": member.signed,
                "valid_from": member.joined,
                "valid_to": member.left,
                "left_reason": member.left_reason,
                "note": member.note,
                "uncertain": member.uncertain,
                "source": curated_source(member.source or treaty.source),
            }
        )
    for obligation in treaty.obligations:
        out["obligations"].append(
            {
                "obligation_key": keys.obligation_key(treaty.id, obligation.key),
                "treaty_key": treaty.id,
                "article": obligation.article,
                "label": obligation.label,
                "kind": obligation.kind.value,
                "strength": obligation.strength.value,
                "obligors": obligation.obligors,
                "beneficiaries": obligation.beneficiaries,
                "conditions": obligation.conditions.model_dump(exclude_defaults=True),
                "summary": obligation.summary,
                "note": obligation.note,
                "uncertain": obligation.uncertain,
                "valid_from": obligation.valid_from,
                "valid_to": obligation.valid_to,
                "source": curated_source(obligation.source),
            }
        )
    for suspension in treaty.suspensions:
        key = keys.suspension_key(treaty.id, suspension.obligors, suspension.beneficiaries, suspension.from_)
        if any(row["suspension_key"] == key for row in out["suspensions"]):
            raise DataFileError(treaty.id, key, "suspensions", "two suspensions of the same parties from the same day")
        out["suspensions"].append(
            {
                "suspension_key": key,
                "treaty_key": treaty.id,
                "obligors": suspension.obligors,
                "beneficiaries": suspension.beneficiaries,
                "valid_from": suspension.from_,
                "valid_to": suspension.to,
                "legal_effect": suspension.legal_effect,
                "summary": suspension.summary,
                "source": curated_source(suspension.source),
            }
        )
    return out


def rows_for_treaties(treaties: Iterable[Treaty]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"treaties": [], "memberships": [], "obligations": [], "suspensions": []}
    for treaty in treaties:
        for table, rows in rows_for_treaty(treaty).items():
            out[table].extend(rows)
    return out
