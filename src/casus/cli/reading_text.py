"""The article with its evidence highlighted and the facts listed, for people at 80 columns.

Built from the same payload as ``casus read --json``; every string goes in as Rich ``Text``
(never markup), so an article or a name with "[/b]" prints as it is. On a terminal the
evidence, mentions and quotes are styled; piped, the lines are plain and carry no trailing
spaces."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from casus.cli import text as out

_STYLE = {"evidence": "on grey23", "mention": "bold cyan", "quote": "italic green"}


def _party(state: dict) -> str:
    return f"{state.get('name') or state['id']} ({state['id']})" if state.get("name") else state["id"]


def _body(console: Console, article: str, payload: dict) -> None:
    """The article wrapped to the console's width, its styles kept on a terminal, no line padded."""
    body = Text(article.rstrip())
    for agreement in payload["agreements"]:
        for ev in agreement["evidence"]:
            body.stylize(_STYLE["evidence"], ev["start"], ev["end"])
    for quote in payload["quotes"]:
        body.stylize(_STYLE["quote"], quote["start"], quote["end"])
    for mention in payload["mentions"]:
        body.stylize(_STYLE["mention"], mention["start"], mention["end"])
    for line in body.wrap(console, out.width(console)):
        line.rstrip()
        console.print(line, soft_wrap=True, highlight=False)


def reading(console: Console, article: str, payload: dict) -> None:
    _body(console, article, payload)
    out.line(console, "")
    agreements = payload["agreements"]
    if not agreements:
        out.heading(console, "No agreement found.")
    else:
        out.heading(console, f"Agreements ({len(agreements)})")
        for a in agreements:
            head = " · ".join(bit for bit in (
                a["event"], a["event_date"] or "undated", a["name"] or "unnamed",
                ", ".join(_party(p) for p in a["parties"]) or "parties not found") if bit)
            out.para(console, head, indent=2, hang=4)
            said = "; ".join(bit for bit in (
                f"provisions: {', '.join(a['provisions'])}" if a["provisions"] else None,
                f"denied: {', '.join(a['negated_provisions'])}" if a.get("negated_provisions") else None) if bit)
            if said:
                out.para(console, said, indent=4, hang=2)
    visits = payload["visits"]
    if visits:
        out.heading(console, f"Visits ({len(visits)})")
        for visit in visits:
            who = visit["person"] or visit["visitor"]
            out.para(console, f"{who} → {visit['host']} ({visit['date'] or 'undated'})", indent=2, hang=4)
    quotes = [q for q in payload["quotes"] if q["speaker"]]
    if quotes:
        out.heading(console, f"Quotes ({len(quotes)})")
        for quote in quotes:
            said = " ".join(quote["text"].split())
            out.para(console, f"{quote['speaker']}: {said[:160] + '…' if len(said) > 160 else said}", indent=2, hang=4)
