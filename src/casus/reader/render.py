"""The article with its evidence highlighted and the facts listed (Rich), for people."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

_STYLE = {"evidence": "on grey23", "mention": "bold cyan", "quote": "italic green"}


def reading(console: Console, text: str, payload: dict) -> None:
    body = Text(text)
    for agreement in payload["agreements"]:
        for ev in agreement["evidence"]:
            body.stylize(_STYLE["evidence"], ev["start"], ev["end"])
    for quote in payload["quotes"]:
        body.stylize(_STYLE["quote"], quote["start"], quote["end"])
    for mention in payload["mentions"]:
        body.stylize(_STYLE["mention"], mention["start"], mention["end"])
    console.print(body)
    console.print()
    if not payload["agreements"]:
        console.print(Text("No agreement found.", style="bold"))
    else:
        # ruled on a terminal, plain columns when piped
        table = Table(title="Agreements", show_lines=console.is_terminal, box=box.ROUNDED if console.is_terminal else None)
        for column in ("event", "date", "parties", "name", "provisions", "denied"):
            table.add_column(column)
        for a in payload["agreements"]:
            table.add_row(a["event"], a["event_date"] or "–", ", ".join(p["id"] for p in a["parties"]),
                          a["name"] or "–", ", ".join(a["provisions"]) or "–",
                          ", ".join(a.get("negated_provisions", [])) or "–")
        console.print(table)
    for visit in payload["visits"]:
        console.print(f"visit: {visit['person'] or visit['visitor']} → {visit['host']} ({visit['date'] or 'undated'})")
    for quote in payload["quotes"]:
        if quote["speaker"]:
            console.print(f"quote ({quote['speaker']}): {quote['text'][:100]}")
