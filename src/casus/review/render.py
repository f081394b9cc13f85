"""Text renderings of proposals for ``casus review`` (JSON is ``Proposal.to_json``)."""

from __future__ import annotations

from typing import Any

from rich.console import Console


def proposal_list(console: Console, rows: list[dict[str, Any]]) -> None:
    if not rows:
        console.print("no open proposals")
        return
    for row in rows:
        status = "" if row["status"] == "open" else f" [{row['status']}]"
        line = f"#{row['id']:<4} {row['kind']:<16} {row['summary']}{status}"
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    console.print(f"{len(rows)} proposal(s); `casus review show ID` for the evidence", highlight=False, markup=False)


def proposal(console: Console, row: dict[str, Any]) -> None:
    source = row["source"]
    console.print(f"proposal #{row['id']} ({row['kind']}, {row['status']})", highlight=False, markup=False)
    console.print(f"  {row['summary']}", highlight=False, markup=False, soft_wrap=True)
    if row["treaty"]:
        console.print(f"  treaty:      {row['treaty']}", highlight=False, markup=False)
    if row["kind"] in ("contradiction", "corroboration") or row["base"] is not None:
        console.print(f"  base holds:  {row['base']}", highlight=False, markup=False, soft_wrap=True)
    console.print(f"  article:     {row['article_says']}", highlight=False, markup=False, soft_wrap=True)
    where = source["url"] or source["article"]
    console.print(f"  evidence:    {where} [{source['span'][0]}:{source['span'][1]}]", highlight=False, markup=False)
    console.print(f"               “{source['text']}”", highlight=False, markup=False, soft_wrap=True)
    for span in row.get("provision_evidence") or []:
        # the sentence that states the clauses, when it is not the event's own
        if [span["start"], span["end"]] != list(source["span"]):
            console.print(f"  provisions:  [{span['start']}:{span['end']}] “{span['text']}”", highlight=False,
                          markup=False, soft_wrap=True)
    console.print(f"  reader:      {source['reader_version']}", highlight=False, markup=False)
    if row["decided_at"]:
        line = f"  decided:     {row['status']} by {row['decided_by']} at {row['decided_at']}"
        if row["reason"]:
            line += f" ({row['reason']})"
        console.print(line, highlight=False, markup=False, soft_wrap=True)

