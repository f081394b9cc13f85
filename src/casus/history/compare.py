"""One decision per alliance and war, and its agreement with an expert coding.

A decision says whether an alliance's casus foederis arose in a war (``applies``
yes or no, or ``None`` while a condition stays open) and why, from the replay's
rows: the engine's verdict on the war's acts under the treaty's conditions.
Consultation pledges are not counted as calling on an ally: Leeds, Long &
Mitchell (2000) and Berkemeier & Fuhrmann (2018) code whether allies had to fight
or stay out, which a duty to consult never asks.

The expert file has one row per ATOP alliance and COW war (the layout of
Berkemeier & Fuhrmann's replication data: ``atopid``, ``cowwarid``, ``dnaLLM``
blank where the commitment applied). Agreement counts a conditional decision as
a miss; Cohen's kappa treats it as a third answer the experts never give.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casus.csvfile import read_rows
from casus.errors import DataFileError

CALLING = ("defense", "offense", "neutrality", "nonaggression")
ANSWERS = ("yes", "no", "conditional")


@dataclass(frozen=True)
class Decision:
    atop_id: int | None
    treaty: str
    war: int
    member: str
    applies: bool | None
    kind: str | None
    reason: str
    on: str

    def to_json(self) -> dict[str, Any]:
        return {"atop_id": self.atop_id, "treaty": self.treaty, "war": self.war, "member": self.member,
                "applies": self.applies, "kind": self.kind, "reason": self.reason, "on": self.on}


def row_decision(row) -> Decision:
    """The decision for one replay row (alliance, war, member)."""
    bound = {a: k for a, k in row.ally_kinds.items() if row.status == "applied" and a in row.allies and k in CALLING}
    calling = sorted(bound, key=lambda a: CALLING.index(bound[a]))
    if calling:
        kind = bound[calling[0]]
        reason = f"{kind}: {', '.join(calling)} bound toward {row.partner} by {row.act or 'the war'}"
        applies: bool | None = True
    elif row.status in ("applied", "conditional") and any(
        k in CALLING for a, k in row.ally_kinds.items() if a in row.conditional_allies or row.status == "conditional"
    ):
        kind = row.kind
        reason = f"{kind} toward {row.partner}: open condition(s) {', '.join(row.open) or 'unknown'}"
        applies = None
    elif row.status == "applied":
        kind = "consultation"
        reason = f"only a duty to consult {row.partner} was called on ({row.act})"
        applies = False
    else:
        kind = row.kind
        reason = f"{row.kind} toward {row.partner}: no duty fired; {row.partner} entered as {row.entered or 'a party'}"
        applies = False
    if row.notes:
        reason += " [" + "; ".join(row.notes) + "]"
    return Decision(row.treaty.atop_id, row.treaty.id, row.war.number, row.partner, applies, kind, reason,
                    row.on.isoformat())


def alliance_decisions(rows) -> dict[tuple[int, int], dict[str, Any]]:
    """(ATOP id, war) -> the alliance's decision: yes if it applied for some member, else open, else no."""
    members: dict[tuple[int, int], list[Decision]] = defaultdict(list)
    for row in rows:
        if row.treaty.atop_id is not None:
            members[(row.treaty.atop_id, row.war.number)].append(row_decision(row))
    out = {}
    for key, decisions in members.items():
        yes = [d for d in decisions if d.applies is True]
        open_ = [d for d in decisions if d.applies is None]
        chosen = yes or open_ or decisions
        answer = "yes" if yes else "conditional" if open_ else "no"
        out[key] = {"answer": answer, "reason": chosen[0].reason, "members": [d.to_json() for d in decisions]}
    return out


def read_expert(path: Path) -> list[dict[str, Any]]:
    """The expert rows: ATOP id, COW war, whether the commitment applied (``dnaLLM`` blank)."""
    path = Path(path)
    out = []
    for line, row in enumerate(read_rows(path, ("atopid", "cowwarid", "dnaLLM"), "an expert reliability coding"),
                               start=2):
        values = {}
        for column in ("atopid", "cowwarid"):
            raw = (row.get(column) or "").strip()
            try:
                values[column] = int(float(raw))
            except ValueError:
                raise DataFileError(str(path), f"line {line}", column, f"expected a number, found {raw!r}") from None
        dna = (row.get("dnaLLM") or "").strip()
        if dna not in ("", "1", "1.0", "0", "0.0"):
            raise DataFileError(str(path), f"line {line}", "dnaLLM", f"expected blank or 1, found {dna!r}")
        out.append({"atop_id": values["atopid"], "war": values["cowwarid"], "name": (row.get("warname") or "").strip(),
                    "applies": dna in ("", "0", "0.0"), "expert_reason": _expert_reason(row)})
    if not out:
        raise DataFileError(str(path), None, None, "no rows")
    return out


def _expert_reason(row: dict[str, str]) -> str:
    if (row.get("dnaLLM") or "").strip() in ("1", "1.0"):
        why = "did not apply"
        if (row.get("cfnaLLM") or "").strip() in ("1", "1.0"):
            why += " (no casus foederis)"
        return why
    honour = (row.get("honorLLM") or "").strip()
    violated = (row.get("violateLLM") or "").strip()
    return "applied" + (", honoured" if honour in ("1", "1.0") else ", violated" if violated in ("1", "1.0") else "")


def compare(rows, expert: list[dict[str, Any]], wars: set[int] | None = None) -> dict[str, Any]:
    """Agreement, Cohen's kappa, the confusion table and the rows that differ."""
    decisions = alliance_decisions(rows)
    table = {e: {o: 0 for o in ANSWERS} for e in ("yes", "no")}
    differ = []
    for item in expert:
        if wars is not None and item["war"] not in wars:
            continue
        mine = decisions.get((item["atop_id"], item["war"]))
        answer = mine["answer"] if mine else "no"
        reason = mine["reason"] if mine else "no member of the alliance was at war while it was in force"
        truth = "yes" if item["applies"] else "no"
        table[truth][answer] += 1
        if answer != truth:
            differ.append({"atop_id": item["atop_id"], "war": item["war"], "name": item["name"], "expert": truth,
                           "expert_reason": item["expert_reason"], "casus": answer, "casus_reason": reason})
    return {**score(table), "confusion": table, "differ": differ}


def score(table: dict[str, dict[str, int]]) -> dict[str, Any]:
    total = sum(sum(row.values()) for row in table.values())
    if not total:
        return {"cases": 0, "agreement": None, "kappa": None}
    observed = (table["yes"]["yes"] + table["no"]["no"]) / total
    expected = sum(
        (sum(table[e].values()) / total) * (sum(table[x][e] for x in table) / total) for e in ("yes", "no")
    )
    kappa = (observed - expected) / (1 - expected) if expected < 1 else None
    return {"cases": total, "agreement": round(observed, 3), "kappa": None if kappa is None else round(kappa, 3)}
