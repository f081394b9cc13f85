"""Where the curated treaties and their ATOP codings disagree (``casus check atop``).

Every disagreement comes with the convention that explains it, or ``None``: the
aim is that the built-in data differs from ATOP only where the data conventions
say why (docs/DATA-CONVENTIONS.md). General rules live here; the rest are
documented one by one in ``atop-differences.yaml``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from casus import yamlio
from casus.kb import KnowledgeBase

DIFFERENCES_FILE = Path(__file__).parent / "atop-differences.yaml"
ATOP_LAST_DAY = dt.date(2018, 12, 31)
"""ATOP 5.1 codes alliances up to the end of 2018."""


@cache
def documented_differences() -> dict[tuple[str, str, str], str]:
    """(treaty, field, value) -> the convention that explains it."""
    entries = yamlio.load(DIFFERENCES_FILE.read_text(encoding="utf-8")) or []
    return {(e["treaty"], e["field"], str(e["value"])): e["convention"] for e in entries}


def _kinds(kb: KnowledgeBase, treaty_id: str) -> set[str]:
    return {o.kind for o in kb.obligations.get(treaty_id, [])}


def _members(kb: KnowledgeBase, treaty_id: str) -> set[str]:
    return {m.state_id for m in kb.memberships[treaty_id]}


def _explain_start(curated, atop) -> str | None:
    if atop.in_force is not None and curated.signed == atop.in_force:
        return "dates: casus starts a treaty at its entry into force, ATOP at its signature"
    return None


def _explain_member(kb: KnowledgeBase, curated, state_id: str, only_curated: bool) -> str | None:
    if only_curated:
        starts = [m.start(curated) for m in kb.memberships[curated.id] if m.state_id == state_id]
        if starts and all(s is None or s > ATOP_LAST_DAY for s in starts):
            return "coverage: the state became bound after 2018, ATOP 5.1's last coded year"
    return None


def check_atop(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One entry per disagreement: treaty, ATOP id, field, the curated value, ATOP's value, and why.

    Dates differ by design more often than not (ATOP starts an alliance at
    signature, casus at entry into force), so a date difference is reported with
    both dates rather than hidden; ``explained`` names the convention, or is None.
    Members and kinds are reported one value per entry, so each can be explained.
    """
    documented = documented_differences()
    out: list[dict[str, Any]] = []
    for atop_key, curated_id in sorted(kb.shadowed.items()):
        curated = kb.treaties[curated_id]
        atop = kb.treaties.get(atop_key)
        if atop is None:
            out.append({"treaty": curated_id, "atop_id": curated.atop_id, "field": "atop_id",
                        "curated": curated.atop_id, "atop": None, "note": "no such alliance in the imported ATOP",
                        "explained": None})
            continue

        def differ(field: str, ours, theirs, note: str = "", value: str | None = None,
                   rule: str | None = None) -> None:
            if ours == theirs:
                return
            key = (curated_id, field, value if value is not None else str(theirs))
            out.append({"treaty": curated_id, "atop_id": curated.atop_id, "field": field, "curated": ours,
                        "atop": theirs, "note": note, "explained": rule or documented.get(key)})

        iso = lambda day: day and day.isoformat()  # noqa: E731
        differ("start", iso(curated.in_force), iso(atop.in_force),
               "casus: entry into force; ATOP: its start date (often signature)", rule=_explain_start(curated, atop))
        ended_after = curated.ended is not None and curated.ended > ATOP_LAST_DAY and atop.ended is None
        differ("end", iso(curated.ended), iso(atop.ended),
               rule="coverage: ended after 2018, ATOP 5.1's last coded year" if ended_after else None)
        ours, theirs = _members(kb, curated_id), _members(kb, atop_key)
        for state_id in sorted(ours ^ theirs):
            mine = state_id in ours
            differ("members", [state_id] if mine else [], [] if mine else [state_id],
                   "a state only in the curated record" if mine else "a state only in ATOP", value=state_id,
                   rule=_explain_member(kb, curated, state_id, mine))
        our_kinds, their_kinds = _kinds(kb, curated_id), _kinds(kb, atop_key)
        for kind in sorted(our_kinds ^ their_kinds):
            mine = kind in our_kinds
            differ("kinds", [kind] if mine else [], [] if mine else [kind],
                   "a kind only in the curated record" if mine else "a kind only in ATOP", value=kind)
    return out
