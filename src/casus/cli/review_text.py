"""Text renderings of proposals for ``casus review`` (JSON is ``Proposal.to_json``).

At 80 columns: each field wrapped under its label, never read as markup (a proposal quotes
news text), and no trailing spaces when piped; the shared building blocks of ``casus.cli.text``."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from casus.cli import text

LABEL = 13
"""The width of a field's label ("  base holds: "), so values line up beneath each other."""


def _value(value: Any) -> str:
    """A record as a person reads it: "name: X; parties: MNG, URY", not a Python dict."""
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {_value(v)}" for k, v in value.items() if v not in (None, [], ""))
    if isinstance(value, list | tuple):
        return ", ".join(_value(v) for v in value)
    if value is True or value is False:
        return "yes" if value else "no"
    return " ".join(str(value).split())


def _field(console: Console, label: str, value: str) -> None:
    text.para(console, f"  {label + ':':<{LABEL - 1}} {value}", hang=LABEL + 2)


def proposal_list(console: Console, rows: list[dict[str, Any]]) -> None:
    if not rows:
        text.line(console, "no open proposals")
        return
    for row in rows:
        status = "" if row["status"] == "open" else f" ({row['status']})"
        text.para(console, f"#{row['id']:<4} {row['kind']:<16} {_value(row['summary'])}{status}", hang=22)
    text.line(console, f"{len(rows)} proposal(s); `casus review show ID` for the evidence")


def proposal(console: Console, row: dict[str, Any]) -> None:
    source = row["source"]
    text.heading(console, f"proposal #{row['id']} ({row['kind']}, {row['status']})")
    text.para(console, _value(row["summary"]), indent=2, hang=2)
    if row["treaty"]:
        _field(console, "treaty", row["treaty"])
    if row["kind"] in ("contradiction", "corroboration") or row["base"] is not None:
        _field(console, "base holds", _value(row["base"]) or "nothing")
    _field(console, "article", _value(row["article_says"]))
    where = source["url"] or source["article"]
    _field(console, "evidence", f"{where} [{source['span'][0]}:{source['span'][1]}]")
    text.para(console, f"“{_value(source['text'])}”", indent=LABEL + 2, hang=1)
    for span in row.get("provision_evidence") or []:
        # the sentence that states the clauses, when it is not the event's own
        if [span["start"], span["end"]] != list(source["span"]):
            _field(console, "provisions", f"[{span['start']}:{span['end']}] “{_value(span['text'])}”")
    _field(console, "reader", source["reader_version"])
    if row["decided_at"]:
        decided = f"{row['status']} by {row['decided_by']} at {row['decided_at']}"
        _field(console, "decided", decided + (f" ({_value(row['reason'])})" if row["reason"] else ""))
