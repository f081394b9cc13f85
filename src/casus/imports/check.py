"""Where the curated treaties and their ATOP codings disagree (``casus check atop``)."""

from __future__ import annotations

from typing import Any

from casus.kb import KnowledgeBase


def _kinds(kb: KnowledgeBase, treaty_id: str) -> set[str]:
    return {o.kind for o in kb.obligations.get(treaty_id, [])}


def _members(kb: KnowledgeBase, treaty_id: str) -> set[str]:
    return {m.state_id for m in kb.memberships[treaty_id]}


def check_atop(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One entry per disagreement: treaty, ATOP id, field, the curated value, ATOP's value.

    Dates differ by design more often than not (ATOP starts an alliance at
    signature, casus at entry into force), so a date difference is reported with
    both dates rather than hidden.
    """
    out: list[dict[str, Any]] = []
    for atop_key, curated_id in sorted(kb.shadowed.items()):
        curated = kb.treaties[curated_id]
        atop = kb.treaties.get(atop_key)
        if atop is None:
            out.append({"treaty": curated_id, "atop_id": curated.atop_id, "field": "atop_id",
                        "curated": curated.atop_id, "atop": None, "note": "no such alliance in the imported ATOP"})
            continue

        def differ(field: str, ours, theirs, note: str = "") -> None:
            if ours != theirs:
                out.append({"treaty": curated_id, "atop_id": curated.atop_id, "field": field,
                            "curated": ours, "atop": theirs, "note": note})

        differ("start", curated.in_force and curated.in_force.isoformat(), atop.in_force and atop.in_force.isoformat(),
               "casus: entry into force; ATOP: its start date (often signature)")
        differ("end", curated.ended and curated.ended.isoformat(), atop.ended and atop.ended.isoformat())
        ours, theirs = _members(kb, curated_id), _members(kb, atop_key)
        if ours != theirs:
            differ("members", sorted(ours - theirs), sorted(theirs - ours),
                   "states only in the curated record / only in ATOP")
        differ("kinds", sorted(_kinds(kb, curated_id)), sorted(_kinds(kb, atop_key)))
    return out
