"""Text for people, drawn from the same JSON payloads that ``--json`` prints."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from casus.cli import text


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


class Footnotes:
    """Numbered notes, one per treaty: its source, the uncertain facts it rests on, and (with
    ``--verbose``) its full title and the text of each condition."""

    def __init__(self, verbose: bool = False) -> None:
        self.verbose = verbose
        self.numbers: dict[str, int] = {}
        self.notes: dict[str, list[str]] = {}
        self.heads: dict[str, str] = {}

    def mark(self, treaty: dict[str, Any], source: dict[str, Any] | None = None) -> str:
        tid = treaty["id"]
        if tid not in self.numbers:
            self.numbers[tid] = len(self.numbers) + 1
            self.notes[tid] = []
            url = (source or {}).get("url") or (source or {}).get("title") or ""
            title = f" — {treaty['name']}" if self.verbose else ""
            self.heads[tid] = f"{short(treaty)}{title}: {url}".rstrip(": ")
            if treaty.get("instrument") == "unilateral":
                self.add(treaty, "a unilateral pledge: binds only its maker")
        return f"[{self.numbers[tid]}]"

    def add(self, treaty: dict[str, Any], note: str) -> None:
        self.mark(treaty)
        if note not in self.notes[treaty["id"]]:
            self.notes[treaty["id"]].append(note)

    def print(self, console: Console) -> None:
        if not self.numbers:
            return
        text.heading(console, "Notes" if self.verbose else "Notes (conditions and full titles: --verbose)")
        for tid, number in self.numbers.items():
            text.para(console, f"[{number}] {self.heads[tid]}", hang=4)
            for note in self.notes[tid]:
                text.para(console, note, indent=4, hang=2)


def short(treaty: dict[str, Any]) -> str:
    """The treaty's short name ("NATO", "China–DPRK 1961"), its id for a payload without one."""
    return treaty.get("short") or treaty["id"]


def condition_labels(conditions: dict[str, Any]) -> list[str]:
    """A duty's conditions in a word each ("place", "unprovoked"); their text goes to the notes."""
    labels = []
    for key, value in conditions.items():
        if key == "non_provocation" and value is True:
            labels.append("unprovoked")
        elif value:
            labels.append(key.replace("_", " "))
    return labels


def _condition_notes(article: str, conditions: dict[str, Any]) -> list[str]:
    notes = []
    for key, value in conditions.items():
        if isinstance(value, dict):
            value = value.get("description") or value.get("area")
        elif value is True:
            value = "only if the attack was not provoked" if key == "non_provocation" else "yes"
        if value:
            notes.append(f"Art. {article} {key.replace('_', ' ')}: {value}")
    return notes


def _names(states: list[dict[str, Any]]) -> str:
    return ", ".join(s["name"] for s in sorted(states, key=lambda s: s["name"]))


def _duty_groups(duties: list[dict[str, Any]]) -> dict[tuple, dict[str, Any]]:
    """Duties with the same treaty, article, kind, strength and conditions, their states together."""
    groups: dict[tuple, dict[str, Any]] = {}
    for duty in duties:
        key = (duty["treaty"]["id"], duty["article"], duty["kind"], duty["strength"],
               repr(sorted(duty["conditions"].items())), duty["uncertain"] or "", tuple(duty["notes"]))
        group = groups.setdefault(key, {"duty": duty, "states": {}})
        group["states"][duty["state"]["id"]] = duty["state"]
    return groups


def _group_line(group: dict[str, Any], notes: Footnotes, *, kinds: bool = False) -> str:
    duty = group["duty"]
    mark = notes.mark(duty["treaty"], duty["source"])
    for note in _condition_notes(duty["article"], duty["conditions"]) if notes.verbose else ():
        notes.add(duty["treaty"], note)
    if duty["uncertain"]:
        notes.add(duty["treaty"], f"{UNCERTAIN} Art. {duty['article']}: {duty['uncertain']}")
    for note in duty["notes"]:
        notes.add(duty["treaty"], note)
    bits = [f"{short(duty['treaty'])} Art. {duty['article']}"]
    if kinds:
        bits.append(duty["kind"])
    bits.append(duty["strength"])
    labels = condition_labels(duty["conditions"])
    if labels:
        bits.append("if " + ", ".join(labels))
    marker = f" {UNCERTAIN}" if duty["uncertain"] else ""
    return " · ".join(bits) + marker + " " + mark


def _print_groups(console: Console, title: str, groups: list[dict[str, Any]], notes: Footnotes, on: str,
                  *, seen: dict[str, set[frozenset]] | None = None) -> None:
    count = len({sid for g in groups for sid in g["states"]})
    if not groups:
        text.para(console, f"{title}: none on {on}", style="bold")
        return
    text.para(console, f"{title} ({count})", style="bold")
    for group in groups:
        members = frozenset(group["states"])
        if seen is not None:
            seen.setdefault(group["duty"]["treaty"]["id"], set()).add(members)
        _head_and_states(console, _group_line(group, notes), list(group["states"].values()))


def _head_and_states(console: Console, head: str, states: list[dict[str, Any]]) -> None:
    """A group's line, then its states beneath; a lone state on the same line when it fits."""
    if len(states) == 1 and len(head) + len(states[0]["name"]) + 5 <= text.width(console):
        text.line(console, f"  {head} — {states[0]['name']}")
        return
    text.para(console, head, indent=2, hang=4)
    label = f"{len(states)}: " if len(states) > 1 else ""
    text.para(console, label + _names(states), indent=4, hang=2)


def _short_titles(note: str, payload: dict[str, Any]) -> str:
    """A note that opens with a treaty's full title opens with its short name instead."""
    for key in ("defended_by", "defends", "other", "pending", "ended"):
        for item in payload.get(key) or ():
            treaty = item["treaty"]
            if note.startswith(treaty["name"] + ":"):
                return short(treaty) + note[len(treaty["name"]):]
    return note


def state_profile(console: Console, payload: dict[str, Any], history: bool = False, verbose: bool = False) -> None:
    """A state's duties at 80 columns: one line per treaty and article, its states grouped beneath.

    A defence duty owed both ways by the same states (NATO's Art. 5) is listed once, under
    "mutual"; other obligations (consultation, non-aggression) are one line per treaty.
    """
    state = payload["state"]
    name, on = state["name"], payload["on"]
    notes = Footnotes(verbose)
    text.heading(console, f"{name} ({state['id']}, COW {state['cow']}) on {on}")
    for note in payload["notes"]:
        text.para(console, f"note: {_short_titles(note, payload)}", hang=6, style="yellow")
    ended = payload.get("ended") or []
    if history:
        text.heading(console, f"Ended before {on} ({len(ended)}):")
        for item in ended:
            text.para(console, f"  {item['ended']}  {item['treaty']['id']} ({', '.join(item['kinds'])}): {item['why']}",
                      hang=14)
    elif ended:
        duties = "treaty's duties" if len(ended) == 1 else "treaties' duties"
        text.line(console, f"{len(ended)} {duties} ended before {on}; see --history", "dim")
    toward = _duty_groups(payload["defended_by"])
    owed = _duty_groups(payload["defends"])
    mutual = []
    for key in list(toward):
        if key in owed and set(owed[key]["states"]) == set(toward[key]["states"]):
            mutual.append(toward.pop(key))
            owed.pop(key)
    seen: dict[str, set[frozenset]] = {}
    if mutual:
        _print_groups(console, f"Mutual defence with {name}", mutual, notes, on, seen=seen)
    if toward or not mutual:
        _print_groups(console, f"Bound to defend {name}" + (", not in return" if mutual else ""),
                      list(toward.values()), notes, on, seen=seen)
    if owed or not mutual:
        _print_groups(console, f"{name} is bound to defend" + (", not in return" if mutual else ""),
                      list(owed.values()), notes, on, seen=seen)
    _other(console, payload["other"], notes, on, seen)
    if payload["pending"]:
        text.heading(console, f"Signed, not yet binding ({len(payload['pending'])})")
        for item in payload["pending"]:
            text.para(console, f"{short(item['treaty'])}: signed {item['signed'] or 'on a date not known'}, "
                      f"treaty {item['status']}, binds from {item['binds_from'] or 'a date not yet known'} "
                      f"({', '.join(item['obligations'])}) {notes.mark(item['treaty'], item['source'])}",
                      indent=2, hang=4)
    notes.print(console)


def state_rows(payload: dict[str, Any]) -> tuple[list[str], list[list]]:
    """``casus state --format tsv|csv``: one row per duty, as the JSON lists them."""
    header = ["section", "state", "state_name", "role", "treaty", "treaty_short", "article", "kind", "strength",
              "conditions", "uncertain", "source"]
    rows = []
    for section in ("defended_by", "defends", "other"):
        for d in payload[section]:
            rows.append([section, d["state"]["id"], d["state"]["name"], d["role"], d["treaty"]["id"], short(d["treaty"]),
                         d["article"], d["kind"], d["strength"], "; ".join(condition_labels(d["conditions"])),
                         d["uncertain"] or "", d["source"].get("url") or ""])
    return header, rows


def _other(console: Console, duties: list[dict[str, Any]], notes: Footnotes, on: str,
           seen: dict[str, set[frozenset]]) -> None:
    """Consultation, non-aggression and the rest: one line per treaty, direction and set of states."""
    if not duties:
        text.heading(console, f"Other obligations: none on {on}")
        return
    merged = _merge_directions(duties)
    rows: dict[tuple, dict[str, Any]] = {}
    for duty, roles in merged:
        by_state = rows.setdefault((duty["treaty"]["id"], frozenset(roles)), {"duty": duty, "states": {}})
        by_state["states"].setdefault(duty["state"]["id"], (duty["state"], []))[1].append(duty)
    count = len({d["state"]["id"] for d in duties})
    text.heading(console, f"Other obligations ({count} state{'s' if count > 1 else ''})")
    for (treaty_id, roles), row in rows.items():
        # one line per set of states with the same articles
        by_articles: dict[tuple, list[dict[str, Any]]] = {}
        for state, items in row["states"].values():
            articles = tuple(sorted({(d["article"], d["kind"], d["strength"]) for d in items}))
            by_articles.setdefault(articles, []).append(state)
            for d in items:
                if d["uncertain"]:
                    notes.add(d["treaty"], f"{UNCERTAIN} Art. {d['article']}: {d['uncertain']}")
                for note in _condition_notes(d["article"], d["conditions"]) if notes.verbose else ():
                    notes.add(d["treaty"], note)
        for articles, states in by_articles.items():
            duty = row["duty"]
            what = ", ".join(f"Art. {a} {k}" for a, k, _ in articles)
            uncertain = any(d["uncertain"] for _, items in row["states"].values() for d in items)
            direction = _role_text("", set(roles)).lstrip(", ")
            members = frozenset(s["id"] for s in states)
            where = (f"same {len(members)}" if len(members) > 1 and members in seen.get(treaty_id, ())
                     else None)
            same = f", {where}" if where else ""
            head = (f"{short(duty['treaty'])} {what} · {direction}{same}{' ' + UNCERTAIN if uncertain else ''} "
                    f"{notes.mark(duty['treaty'], duty['source'])}")
            if where:
                text.para(console, head, indent=2, hang=4)
            else:
                _head_and_states(console, head, states)


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
            row["ended"] or "",
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
        for column in ("Obligor", "Beneficiary", "Treaty", "Art.", "Kind", "Strength"):
            table.add_column(column, overflow="fold")
        for item in items:
            table.add_row(state_label(item["obligor"]), state_label(item["beneficiary"]), item["treaty"]["id"],
                          item["article"], item["kind"], item["strength"])
        console.print(table)
    for item in payload["changed"]:
        before, after = item["before"], item["after"]
        console.print(
            f"changed: {before['obligor']['id']} → {before['beneficiary']['id']} {before['treaty']['id']}: "
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
