"""Text for people, drawn from the same JSON payloads that ``--json`` prints."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


def state_label(state: dict[str, Any]) -> str:
    return f"{state['name']} ({state['id']})"


def conditions_text(conditions: dict[str, Any]) -> str:
    """Conditions in words; an empty set reads as unconditional."""
    parts = []
    for key, value in conditions.items():
        if isinstance(value, dict):
            parts.append(f"{key}: {value.get('description') or value.get('area')}")
        elif value is True and key == "non_provocation":
            parts.append("only if the attack was not provoked")
        elif value:
            parts.append(f"{key}: {value}")
    return "; ".join(parts) or "none"


def treaty_text(treaty: dict[str, Any]) -> str:
    """A treaty by id; a unilateral pledge says what it is wherever it is named."""
    if treaty.get("instrument") == "unilateral":
        return f"{treaty['id']} (unilateral pledge: binds only its maker)"
    return treaty["id"]


def source_text(source: dict[str, Any]) -> str:
    if source.get("kind") == "edited":
        return f"edited by {source.get('by')} on {source.get('at')}: {source.get('reason')}"
    bits = [source.get("url") or source.get("title") or source.get("kind", "")]
    if source.get("article"):
        bits.insert(0, f"Art. {source['article']}")
    return ", ".join(b for b in bits if b)


def _duties_table(title: str, duties: list[dict[str, Any]], *, with_kind: bool = False) -> Table:
    """One row per partner and article; treaties by id (``casus treaty ID`` shows them in full)."""
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    table.add_column("State")
    if with_kind:
        table.add_column("Duty", no_wrap=True)
    table.add_column("Treaty", no_wrap=True)
    for column in ("Art.", "Strength", "Conditions", "Source"):
        table.add_column(column, overflow="fold")
    for duty, roles in _merge_directions(duties):
        row = [state_label(duty["state"])]
        if with_kind:
            row.append(_role_text(duty["kind"], roles))
        notes = ("\n" + "\n".join(f"note: {n}" for n in duty["notes"])) if duty["notes"] else ""
        row += [
            treaty_text(duty["treaty"]),
            duty["article"],
            duty["strength"],
            conditions_text(duty["conditions"]) + notes,
            duty["source"].get("url") or source_text(duty["source"]),
        ]
        table.add_row(*row)
    return table


def _merge_directions(duties: list[dict[str, Any]]) -> list[tuple[dict[str, Any], set[str]]]:
    """Show a duty owed both ways (consultation between two parties) once, as mutual."""
    merged: dict[tuple, tuple[dict[str, Any], set[str]]] = {}
    for duty in duties:
        key = (duty["state"]["id"], duty["treaty"]["id"], duty["article"], duty["kind"])
        merged.setdefault(key, (duty, set()))[1].add(duty["role"])
    return list(merged.values())


def _role_text(kind: str, roles: set[str]) -> str:
    if roles == {"obligor", "beneficiary"}:
        return f"{kind}, mutual"
    if roles == {"obligor"}:
        return f"{kind}, owed to them"
    return f"{kind}, owed by them"


def state_profile(console: Console, payload: dict[str, Any], history: bool = False) -> None:
    state = payload["state"]
    name = state["name"]
    console.print(
        Text(f"{name} ({state['id']}, COW {state['cow']}) on {payload['on']}", style="bold"), highlight=False
    )
    for note in payload["notes"]:
        console.print(Text("note: ", style="yellow") + Text(note), highlight=False)  # data, never markup
    ended = payload.get("ended") or []
    if history:
        console.print(Text(f"Ended before {payload['on']} ({len(ended)}):", style="bold"))
        for item in ended:
            console.print(Text(f"  {item['ended']}  {item['treaty']['id']} ({', '.join(item['kinds'])}): {item['why']}"))
    elif ended:
        console.print(Text(f"{len(ended)} treaty duties ended before {payload['on']}; see --history", style="dim"))
    sections = [
        (f"Bound to defend {name}", payload["defended_by"], False),
        (f"{name} is bound to defend", payload["defends"], False),
        ("Other obligations", payload["other"], True),
    ]
    for title, duties, with_kind in sections:
        if duties:
            console.print(_duties_table(f"{title} ({len(duties)})", duties, with_kind=with_kind))
        else:
            console.print(f"[bold]{title}:[/] none on {payload['on']}", highlight=False)
    beyond = {d["treaty"]["id"]: d["uncertain"] for key in ("defended_by", "defends", "other")
              for d in payload[key] if d.get("known_to")}
    for treaty_id, why in beyond.items():  # an imported dataset asked past its coverage
        console.print(Text(f"{UNCERTAIN} {treaty_id}: {why}"), highlight=False)
    if payload["pending"]:
        table = Table(title="Signed, not yet binding", title_justify="left")
        for column in ("Treaty", "Signed", "Status", "Binds from", "Obligations"):
            table.add_column(column, no_wrap=column == "Treaty")
        for item in payload["pending"]:
            table.add_row(
                treaty_text(item["treaty"]),
                item["signed"] or "",
                item["status"],
                item["binds_from"] or "not yet known",
                ", ".join(item["obligations"]),
            )
        console.print(table)


def treaty_list(console: Console, rows: list[dict[str, Any]], on: dt.date | None) -> None:
    title = f"Treaties in force on {on}" if on else "Treaties"
    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    table.add_column("Id", no_wrap=True)
    for column in ("Name", "Signed", "In force", "Ended", "Kinds", "Parties"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            treaty_text(row),
            row["name"],
            row["signed"] or "",
            row["in_force"] or "not in force",
            row["ended"] or (f"not known since {row['known_to'][:4]} ({row['source'].get('dataset')})"
                             if row.get("known_to") else ""),
            ", ".join(row["kinds"]),
            str(len(row["parties"])),
        )
    console.print(table)


def treaty_detail(console: Console, detail: dict[str, Any], on: dt.date | None) -> None:
    console.print(Text(detail["name"], style="bold"), highlight=False)
    facts = [
        ("id", detail["id"]),
        ("organisation", detail["organisation"]),
        ("instrument", "unilateral pledge: binds only its maker, which may revoke it alone; the state it protects "
         "owes nothing" if detail.get("instrument") == "unilateral" else None),
        ("aliases", ", ".join(detail["aliases"])),
        ("signed", detail["signed"]),
        ("in force", detail["in_force"] or "not in force"),
        ("ended", f"{detail['ended']} ({detail['end_reason']})" if detail["ended"] else None),
        ("status", f"{detail['status']} on {on}" if on else None),
        ("ATOP id", detail["atop_id"]),
        ("source", source_text(detail["source"])),
        ("notes", detail["notes"]),
        ("uncertain", detail["uncertain"]),
    ]
    for label, value in facts:
        if value:
            console.print(f"[bold]{label}:[/] {value}", highlight=False)
    table = Table(title=f"Obligations ({len(detail['obligations'])})", title_justify="left")
    for column in ("Art.", "Kind", "Strength", "Obligors → beneficiaries", "Conditions", "Summary", "Source"):
        table.add_column(column, overflow="fold")
    for item in detail["obligations"]:
        who = f"{_spec_text(item['obligors'])} → {_spec_text(item['beneficiaries'])}"
        table.add_row(
            item["article"], item["kind"], item["strength"], who,
            conditions_text(item["conditions"]), item["summary"], source_text(item["source"]),
        )
    console.print(table)
    table = Table(title=f"Members ({len(detail['members'])})", title_justify="left")
    for column in ("State", "Signed", "From", "To", "Note"):
        table.add_column(column, overflow="fold")
    if on:
        table.add_column(f"Bound on {on}")
    for member in detail["members"]:
        note = "; ".join(x for x in (member["left_reason"], member["note"], member["uncertain"]) if x)
        row = [state_label(member["state"]), member["signed"] or "", member["from"] or "", member["to"] or "", note]
        if on:
            row.append("yes" if member["bound_on_date"] else "no")
        table.add_row(*row)
    console.print(table)
    for item in detail["suspensions"]:
        console.print(
            f"[bold]suspension[/] {item['from']}–{item['to'] or ''}: {item['summary']} "
            f"(legal effect: {item['legal_effect']}; {source_text(item['source'])})",
            highlight=False,
        )


def _spec_text(spec) -> str:
    return "all members" if spec == "members" else ", ".join(spec)


def sources(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(title="Sources in the store", title_justify="left")
    for column in ("Id", "Name", "Version", "Kind", "Coverage", "Citation"):
        table.add_column(column, overflow="fold")
    for row in rows:
        coverage = "–".join(str(row[k]) for k in ("coverage_from", "coverage_to") if row[k]) or ""
        table.add_row(row["id"], row["name"], row["version"], row["kind"], coverage, row["citation"] or "")
    console.print(table)


UNCERTAIN = "(?)"
"""The marker of a duty that rests on an uncertain fact; the facts follow in a note."""


def _checks_text(conditions: list[dict[str, Any]]) -> str:
    if not conditions:
        return "none"
    parts = []
    for c in conditions:
        text = f"{c['condition']} {c['status'].replace('_', ' ')}: {c['detail']}"
        if c["status"] == "open" and c.get("decides"):
            text += f" (decided by {c['decides']})"
        parts.append(text)
    return "; ".join(parts)


def _reason_text(reason: dict[str, Any]) -> str:
    verb = {"defense": "defend", "offense": "join"}.get(reason["kind"], reason["kind"])
    marker = f" {UNCERTAIN}" if reason.get("uncertain") else ""
    return (
        f"{verb} {reason['toward']['id']} against {reason['against']['id']} — "
        f"{treaty_text(reason['treaty'])} Art. {reason['article']} ({reason['strength']}){marker}"
    )


def _place_text(place: dict[str, Any]) -> str:
    """ "Crimea (region, Europe; sovereign UKR, administered by RUS — disputed: …)"."""
    where = ", ".join(part for part in (place["kind"], place.get("within"), place.get("region")) if part)
    holders = f"sovereign {place['sovereign'] or 'none settled'}"
    if place["administrator"] != place["sovereign"]:
        holders += f", administered by {place['administrator'] or 'nobody alone'}"
    text = f"{place['query_name']} ({where}; {holders})"
    dispute = place.get("dispute")
    if dispute:
        claims = f"claimed by {', '.join(dispute['claimants'])}" if dispute["claimants"] else "disputed"
        text += f" — disputed: {claims}" + (f"; {dispute['note']}" if dispute.get("note") else "")
    return text


def _uncertain_notes(console: Console, reasons: list[dict[str, Any]]) -> None:
    seen: dict[str, str] = {}
    for reason in reasons:
        for fact in reason.get("basis") or ():
            seen.setdefault(f"{reason['treaty']['id']}: {fact['fact']}", fact["uncertain"])
    if seen:
        console.print(Text(f"{UNCERTAIN} rests on uncertain facts:", style="bold"))
        for fact, why in seen.items():
            console.print(Text(f"  {fact}: {why}"), soft_wrap=False)


def place(console: Console, payload: dict[str, Any]) -> None:
    console.print(Text(f"{_place_text(payload['place'])} — on {payload['on']}", style="bold"))
    if payload["place"]["lat"] is not None:
        console.print(Text(f"at {payload['place']['lat']:.3f}, {payload['place']['lon']:.3f}; "
                           f"waters: {', '.join(payload['place']['waters']) or 'none'}"))
    verdict = {True: "inside", False: "outside", None: "undecided"}
    for answer in (True, None, False):
        rows = [a for a in payload["areas"] if a["contains"] is answer]
        if not rows:
            continue
        console.print(Text(f"{verdict[answer].capitalize()} ({len(rows)}):", style="bold"))
        for row in rows:
            party = f", {row['party']}'s understanding" if row["party"] else ""
            console.print(Text(f"  {row['treaty']['id']} Art. {row['article']} — {row['area']} "
                               f"({row['rule']}{party})"))


def scenario(console: Console, payload: dict[str, Any]) -> None:
    acts = "; ".join(
        f"{a['attacker']['name']} attacks {a['target']['name']}" + (f" at {a['place']}" if a["place"] else "")
        for a in payload["acts"]
    )
    console.print(Text(f"{acts} — on {payload['on']}, {payload['mode']} mode, {payload['rounds']} round(s)",
                       style="bold"), highlight=False)
    for act in payload["acts"]:
        if act.get("resolved_place"):
            console.print(Text(f"place: {_place_text(act['resolved_place'])}"))
    for warning in payload.get("warnings", ()):
        console.print(Text(f"warning: {warning}", style="yellow"))
    for side, title in (("attackers", "Attackers' side"), ("defenders", "Targets' side")):
        table = Table(title=f"{title} ({len(payload['sides'][side])})", title_justify="left")
        for column in ("State", "Round", "Bound by", "Conditions"):
            table.add_column(column, overflow="fold")
        for participant in payload["sides"][side]:
            reasons = participant["reasons"]
            table.add_row(
                state_label(participant["state"]),
                str(participant["round"]),
                "\n".join(_reason_text(r) for r in reasons) or "initial act",
                "\n".join(_checks_text(r["conditions"]) for r in reasons),
            )
        console.print(table)
    if payload["conditional"]:
        table = Table(title=f"Conditional ({len(payload['conditional'])})", title_justify="left")
        for column in ("State", "Would", "Open condition"):
            table.add_column(column, overflow="fold")
        for item in payload["conditional"]:
            open_checks = [c for c in item["reason"]["conditions"] if c["status"] == "open"]
            table.add_row(state_label(item["state"]), _reason_text(item["reason"]), _checks_text(open_checks))
        console.print(table)
    for key, title in (("stay_out", "Must stay out"), ("consult", "Must consult"), ("violations", "Violated")):
        items = payload[key]
        if not items:
            continue
        console.print(f"[bold]{title} ({len(items)}):[/]", highlight=False)
        groups: dict[str, list[str]] = {}
        for item in items:
            extra = f", may not help {item['may_not_help']['id']}" if item.get("may_not_help") else ""
            label = (f"toward {item['toward']['id']}{extra} — {item['reason']['treaty']['id']} "
                     f"Art. {item['reason']['article']} ({item['status']})")
            groups.setdefault(label, []).append(item["state"]["id"])
        for label, states in groups.items():
            console.print(f"  {', '.join(states)} {label}", highlight=False)
    for item in payload["pending"]:
        console.print(
            f"[bold]pending:[/] {state_label(item['state'])} would be bound to defend {item['toward']['id']} under "
            f"{treaty_text(item['treaty'])} Art. {item['article']} (treaty {item['status']}; binds from "
            f"{item['binds_from'] or 'a date not yet known'})",
            highlight=False,
        )
    for item in payload["collisions"]:
        console.print(
            f"[bold red]collision:[/] {item['attacker']['name']} attacks {item['target']['name']} inside "
            f"{item['treaty']['id']} (Art. {item['article']}): {item['bound']}",
            highlight=False,
        )
    for item in payload["conflicted"]:
        console.print(f"[bold yellow]conflicted:[/] {state_label(item['state'])}", highlight=False)
        for reason in item["reasons"]:
            console.print(f"  {reason['why']}: {_reason_text(reason)}", highlight=False)
    reasons = [r for side in ("attackers", "defenders") for p in payload["sides"][side] for r in p["reasons"]]
    reasons += [item["reason"] for item in payload["conditional"]]
    _uncertain_notes(console, reasons)


def diff(console: Console, payload: dict[str, Any]) -> None:
    console.print(Text(f"Obligations from {payload['from']} to {payload['to']}", style="bold"))
    for key in ("appeared", "ended"):
        items = payload[key]
        table = Table(title=f"{key.capitalize()} ({len(items)})", title_justify="left")
        table.add_column("On", no_wrap=True)
        for column in ("Obligor", "Beneficiary", "Treaty", "Art.", "Kind", "Strength"):
            table.add_column(column, overflow="fold")
        for item in items:
            table.add_row(item.get("on") or "?", state_label(item["obligor"]), state_label(item["beneficiary"]),
                          item["treaty"]["id"], item["article"], item["kind"], item["strength"])
        console.print(table)
    for item in payload["changed"]:
        before, after = item["before"], item["after"]
        console.print(
            f"changed on {item.get('on') or '?'}: {before['obligor']['id']} → {before['beneficiary']['id']} {before['treaty']['id']}: "
            f"Art. {before['article']} {before['strength']} → Art. {after['article']} {after['strength']}",
            highlight=False,
        )


def entanglement(console: Console, rows: list[dict[str, Any]], on) -> None:
    table = Table(title=f"Entanglement on {on}: ordered pairs (attacker, target) that bind each state",
                  title_justify="left")
    for column in ("State", "Bound", "Conditional"):
        table.add_column(column)
    for row in rows:
        if row["bound_pairs"] or row["conditional_pairs"]:
            table.add_row(state_label(row["state"]), str(row["bound_pairs"]), str(row["conditional_pairs"]))
    console.print(table)
