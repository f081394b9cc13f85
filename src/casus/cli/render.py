"""Text for people, drawn from the same JSON payloads that ``--json`` prints."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rich.console import Console

from casus.cli import text


def state_label(state: dict[str, Any]) -> str:
    return f"{state['name']} ({state['id']})"


def source_text(source: dict[str, Any]) -> str:
    if source.get("kind") == "edited":
        return f"edited by {source.get('by')} on {source.get('at')}: {source.get('reason')}"
    bits = [source.get("url") or source.get("title") or source.get("kind", "")]
    article = source.get("article")
    if article:  # a number is an article's; "mutual assistance clause (number not verified)" says itself
        bits.insert(0, f"Art. {article}" if re.match(r"[0-9IVXLCDM]+\b", article) else article)
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


def _duty_basis(duty: dict[str, Any], notes: Footnotes) -> None:
    """A state profile's duty in the notes as a scenario's reason is: each uncertain fact it rests on."""
    for fact in duty.get("basis") or ():
        if duty.get("known_to") and fact["fact"].startswith("in force to"):
            notes.add(duty["treaty"], f"{UNCERTAIN} {fact['fact']}")  # said in full: it is the answer's limit
        else:
            notes.uncertain(duty["treaty"], fact["fact"], fact["uncertain"])


class Footnotes:
    """Numbered notes, one per treaty: its source, the uncertain facts it rests on, and (with
    ``--verbose``) its full title and the text of each condition."""

    def __init__(self, verbose: bool = False) -> None:
        self.verbose = verbose
        self.numbers: dict[str, int] = {}
        self.notes: dict[str, list[str]] = {}
        self.heads: dict[str, str] = {}
        self.facts: dict[str, dict[str, str]] = {}
        self.titles: dict[str, str] = {}

    def mark(self, treaty: dict[str, Any], source: dict[str, Any] | None = None) -> str:
        tid = treaty["id"]
        if tid not in self.numbers:
            self.numbers[tid] = len(self.numbers) + 1
            self.notes[tid] = []
            # The body names the treaty beside the mark, so by default a note is just its source.
            self.heads[tid] = (source or {}).get("url") or (source or {}).get("title") or "no source URL recorded"
            self.titles[tid] = f"{short(treaty)} — {treaty['name']}"
            if treaty.get("instrument") == "unilateral":
                self.add(treaty, "a unilateral pledge: binds only its maker, which may revoke it alone")
        return f"[{self.numbers[tid]}]"

    def uncertain(self, treaty: dict[str, Any], fact: str, why: str) -> None:
        """An uncertain fact: named in one line by default, with the reason under ``--verbose``."""
        self.mark(treaty)
        facts = self.facts.setdefault(treaty["id"], {})
        facts.setdefault(fact.replace(f"treaty {treaty['id']}", "the treaty"), why)

    def add(self, treaty: dict[str, Any], note: str) -> None:
        self.mark(treaty)
        if note not in self.notes[treaty["id"]]:
            self.notes[treaty["id"]].append(note)

    def print(self, console: Console) -> None:
        if not self.numbers:
            return
        text.heading(console, "Notes" if self.verbose else "Notes (conditions, full titles, why uncertain: --verbose)")
        for tid, number in self.numbers.items():
            facts = self.facts.get(tid, {})
            if self.verbose:
                text.para(console, f"[{number}] {self.titles[tid]}", hang=4)
                text.para(console, self.heads[tid], indent=4)
                for fact, why in facts.items():
                    text.para(console, f"{UNCERTAIN} {fact}: {why}", indent=4, hang=2)
            else:
                text.line(console, f"[{number}] {self.heads[tid]}")  # a URL is never broken, even past the width
            for note in self.notes[tid]:
                text.para(console, note, indent=4, hang=2)
        if not self.verbose:
            # every uncertain fact in one paragraph, by note number: a line per treaty would
            # cost a state with a dozen treaties a dozen lines
            said = [f"[{number}] {_fact_list(self.facts[tid])}" for tid, number in self.numbers.items()
                    if self.facts.get(tid)]
            if said:
                text.para(console, f"{UNCERTAIN} uncertain: {'; '.join(said)}", hang=4)


def _fact_list(facts: dict[str, str]) -> str:
    """ "the treaty, membership of CUB, PER": the facts in a few words, memberships together."""
    members = sorted(fact.removeprefix("membership of ") for fact in facts if fact.startswith("membership of "))
    rest = [fact for fact in facts if not fact.startswith("membership of ")]
    return ", ".join(rest + ([f"membership of {', '.join(members)}"] if members else []))


def short(treaty: dict[str, Any]) -> str:
    """The treaty's short name ("NATO", "China–DPRK 1961"), its id for a payload without one; a
    unilateral pledge says so wherever it is named."""
    name = treaty.get("short") or treaty["id"]
    return f"{name} (unilateral pledge)" if treaty.get("instrument") == "unilateral" else name


def _short_field(treaty: dict[str, Any]) -> str:
    """The short name as a TSV/CSV value (its kind has a column of its own)."""
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


def _condition_notes(label: str, conditions: dict[str, Any]) -> list[str]:
    """"Art. 5 place: …": each condition's text, the article named by its label."""
    return [f"{label} {note}" for note in _condition_texts(conditions)]


def _condition_texts(conditions: dict[str, Any]) -> list[str]:
    notes = []
    for key, value in conditions.items():
        if isinstance(value, dict):
            value = value.get("description") or value.get("area")
        elif value is True:
            value = "only if the attack was not provoked" if key == "non_provocation" else "yes"
        if value:
            notes.append(f"{key.replace('_', ' ')}: {value}")
    return notes


def _names(states: list[dict[str, Any]]) -> str:
    return ", ".join(s["name"] for s in sorted(states, key=lambda s: s["name"]))


def _duty_groups(duties: list[dict[str, Any]]) -> dict[tuple, dict[str, Any]]:
    """Duties with the same treaty, article, kind, strength and conditions, their states together.

    A fact every state of the line shares (the treaty's, the article's) marks the line "(?)";
    one state's uncertain membership marks that state's name, so it stays in its line."""
    groups: dict[tuple, dict[str, Any]] = {}
    for duty in duties:
        basis = [b["fact"] for b in duty.get("basis") or ()]
        own = f"membership of {duty['state']['id']}"
        shared = tuple(fact for fact in basis if fact != own)
        key = (duty["treaty"]["id"], duty["article"], duty["kind"], duty["strength"],
               repr(sorted(duty["conditions"].items())), shared, tuple(duty["notes"]))
        group = groups.setdefault(key, {"duty": duty, "states": {}, "duties": [], "uncertain": bool(shared)})
        group["duties"].append(duty)
        state = duty["state"]
        group["states"][state["id"]] = dict(state, name=f"{state['name']} {UNCERTAIN}") if own in basis else state
    return groups


def _group_line(group: dict[str, Any], notes: Footnotes, *, kinds: bool = False) -> str:
    duty = group["duty"]
    mark = notes.mark(duty["treaty"], duty["source"])
    for note in _condition_notes(duty["label"], duty["conditions"]) if notes.verbose else ():
        notes.add(duty["treaty"], note)
    for each in group["duties"]:
        _duty_basis(each, notes)
    for note in duty["notes"]:
        notes.add(duty["treaty"], note)
    bits = [f"{short(duty['treaty'])} {duty['label']}"]
    if kinds:
        bits.append(duty["kind"])
    bits.append(duty["strength"])
    labels = condition_labels(duty["conditions"])
    if labels:
        bits.append("if " + ", ".join(labels))
    marker = f" {UNCERTAIN}" if group["uncertain"] else ""
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
            text.para(console, f"  {item['ended']}  {short(item['treaty'])} ({', '.join(item['kinds'])}): {item['why']}",
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
              "conditions", "uncertain", "source", "label"]
    rows = []
    for section in ("defended_by", "defends", "other"):
        for d in payload[section]:
            rows.append([section, d["state"]["id"], d["state"]["name"], d["role"], d["treaty"]["id"], _short_field(d["treaty"]),
                         d["article"], d["kind"], d["strength"], "; ".join(condition_labels(d["conditions"])),
                         d["uncertain"] or "", d["source"].get("url") or "", d["label"]])
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
            articles = tuple(sorted({(d["article"], d["label"], d["kind"], d["strength"]) for d in items}))
            by_articles.setdefault(articles, []).append(state)
            for d in items:
                _duty_basis(d, notes)
                for note in _condition_notes(d["label"], d["conditions"]) if notes.verbose else ():
                    notes.add(d["treaty"], note)
        for articles, states in by_articles.items():
            duty = row["duty"]
            what = ", ".join(label if _names_kind(label, k) else f"{label} {k}" for _, label, k, _ in articles)
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


def _names_kind(label: str, kind: str) -> bool:
    """A clause named after its kind ("non-aggression") needs no kind beside it."""
    return kind in label.replace("-", "").replace("defence", "defense")


KIND_SHORT = {"defense": "d", "offense": "o", "neutrality": "n", "nonaggression": "a", "consultation": "c"}
"""Kinds of obligation abbreviated for the 80-column list (the legend is printed beneath it)."""


def treaty_list(console: Console, rows: list[dict[str, Any]], on: dt.date | None) -> None:
    """One line per treaty: its short name and id, dates, kinds and number of parties."""
    title = f"Treaties in force on {on}" if on else "Treaties"
    table = text.table(console, f"{title} ({len(rows)})")
    table.add_column("Treaty", no_wrap=True)
    for column in ("Signed", "In force", "Ended"):
        table.add_column(column, no_wrap=True)
    table.add_column("Kinds", no_wrap=True)
    table.add_column("Parties", justify="right")
    for row in rows:
        table.add_row(
            _short_field(row) + (" *" if row.get("instrument") == "unilateral" else ""),
            row["signed"] or "",
            row["in_force"] or "–",
            row["ended"] or (f"{row['known_to'][:4]} (?)" if row.get("known_to") else ""),
            "".join(KIND_SHORT.get(k, k) for k in row["kinds"]),
            str(len(row["parties"])),
        )
    text.print_table(console, table)
    legend = ", ".join(f"{v} {k}" for k, v in KIND_SHORT.items())
    beyond = "; ".join(sorted({f"{r['source'].get('dataset') or 'its dataset'} codes it to {r['known_to'][:4]}"
                               for r in rows if r.get("known_to")}))
    if beyond:
        text.para(console, f"{UNCERTAIN} in force when its dataset's coverage ends, not known since ({beyond}).",
                  style="dim")
    text.para(console, f"Kinds: {legend}. * a unilateral pledge: binds only its maker. "
              "`casus treaty NAME` shows one in full.", style="dim")


def treaty_rows(payload: dict[str, Any]) -> tuple[list[str], list[list]]:
    """``casus treaties --format tsv|csv``: one row per treaty."""
    header = ["id", "short", "name", "instrument", "signed", "in_force", "ended", "kinds", "parties"]
    return header, [[r["id"], _short_field(r), r["name"], r.get("instrument") or "treaty", r["signed"], r["in_force"],
                     r["ended"], " ".join(r["kinds"]), " ".join(p["id"] for p in r["parties"])]
                    for r in payload["treaties"]]


def treaty_detail(console: Console, detail: dict[str, Any], on: dt.date | None) -> None:
    """One treaty at 80 columns: its facts, each article with its summary and conditions, and
    its members grouped by the dates they were bound."""
    text.para(console, f"{short(detail)} — {detail['name']} ({detail['id']})", hang=4, style="bold")
    dates = [f"signed {detail['signed']}" if detail["signed"] else None,
             f"in force {detail['in_force']}" if detail["in_force"] else "not in force",
             f"ended {detail['ended']} ({detail['end_reason']})" if detail["ended"] else None,
             f"{detail['status']} on {on}" if on and detail.get("status") else None,
             f"ATOP {detail['atop_id']}" if detail["atop_id"] else None]
    text.para(console, " · ".join(d for d in dates if d), hang=4)
    facts = [
        ("instrument", "a unilateral pledge: binds only its maker, which may revoke it alone; the state it "
         "protects owes nothing" if detail.get("instrument") == "unilateral" else None),
        ("organisation", detail["organisation"]),
        ("aliases", ", ".join(detail["aliases"])),
        ("source", source_text(detail["source"])),
        ("notes", detail["notes"]),
        (f"{UNCERTAIN} uncertain", detail["uncertain"]),
        (f"{UNCERTAIN} coverage", f"in force to {detail['known_to'][:4]} per its dataset, not known since"
         if detail.get("known_to") else None),
    ]
    for label, value in facts:
        if value:
            text.para(console, f"{label}: {value}", hang=4)
    text.heading(console, f"Obligations ({len(detail['obligations'])})")
    for item in detail["obligations"]:
        marker = f" {UNCERTAIN}" if item["uncertain"] else ""
        span = " · ".join(x for x in (f"from {item['from']}" if item.get("from") not in (None, detail["in_force"])
                                      else None,
                                      f"to {item['to']}" if item.get("to") else None) if x)
        head = (f"{item['label']} · {item['kind']} · {item['strength']} · "
                f"{_spec_text(item['obligors'])} → {_spec_text(item['beneficiaries'])}{marker}")
        text.para(console, head + (f" · {span}" if span else ""), indent=2, hang=4)
        if item["summary"]:
            text.para(console, item["summary"], indent=4, hang=0)
        for note in _condition_texts(item["conditions"]):
            text.para(console, "if " + note, indent=4, hang=2)
        for label, value in (("note", item["note"]), (f"{UNCERTAIN} uncertain", item["uncertain"])):
            if value:
                text.para(console, f"{label}: {value}", indent=4, hang=2)
        url = item["source"].get("url")
        if url and url != detail["source"].get("url"):
            text.line(console, f"    source: {url}")
    _members(console, detail["members"], on)
    for item in detail["suspensions"]:
        text.para(console, f"suspension {item['from']}–{item['to'] or ''}: {_spec_text(item['obligors'])} → "
                  f"{_spec_text(item['beneficiaries'])}: {item['summary']} (legal effect: {item['legal_effect']}; "
                  f"{source_text(item['source'])})", hang=4)


def _members(console: Console, members: list[dict[str, Any]], on: dt.date | None) -> None:
    """Members grouped by the span they were bound ("1949-08-24 on: Belgium, Canada, …")."""
    bound = sum(1 for m in members if m["bound_on_date"]) if on else None
    title = f"Members ({len(members)}" + (f"; {bound} bound on {on})" if on else ")")
    text.heading(console, title)
    spans: dict[str, list[str]] = {}
    remarks = []
    for member in members:
        span = f"{member['from'] or 'not yet bound'}" + (f" to {member['to']}" if member["to"] else " on")
        name = member["state"]["name"] + (f" {UNCERTAIN}" if member["uncertain"] else "")
        if on and member["bound_on_date"] is False and member["from"] and not member["to"]:
            name += f" (not bound on {on})"
        spans.setdefault(span, []).append(name)
        left = (member["left_reason"] or "").replace("_", " ")
        said = "; ".join(x for x in (left, member["note"], member["uncertain"]) if x)
        if said:
            remarks.append(f"{member['state']['name']}: {said}")
    for span, names in spans.items():
        text.para(console, f"{span}: {', '.join(names)}", indent=2, hang=4)
    for remark in remarks:
        text.para(console, remark, indent=2, hang=4, style="dim")


def _spec_text(spec) -> str:
    return "all members" if spec == "members" else ", ".join(spec)


def sources(console: Console, rows: list[dict[str, Any]]) -> None:
    table = text.table(console, "Sources in the store")
    for column in ("Id", "Name", "Version", "Kind", "Coverage", "Citation"):
        table.add_column(column, overflow="fold")
    for row in rows:
        coverage = "–".join(str(row[k]) for k in ("coverage_from", "coverage_to") if row[k]) or ""
        table.add_row(row["id"], row["name"], row["version"], row["kind"], coverage, row["citation"] or "")
    text.print_table(console, table)


UNCERTAIN = "(?)"
"""The marker of a duty that rests on an uncertain fact; the facts follow in a note."""


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


def place(console: Console, payload: dict[str, Any]) -> None:
    """A place at 80 columns: the date first, so a long description never strands it on a line of its own."""
    text.para(console, f"On {payload['on']}: {_place_text(payload['place'])}", hang=4, style="bold")
    if payload["place"]["lat"] is not None:
        text.para(console, f"at {payload['place']['lat']:.3f}, {payload['place']['lon']:.3f}; "
                  f"waters: {', '.join(payload['place']['waters']) or 'none'}", hang=4)
    verdict = {True: "inside", False: "outside", None: "undecided"}
    for answer in (True, None, False):
        rows = [a for a in payload["areas"] if a["contains"] is answer]
        if not rows:
            continue
        text.heading(console, f"{verdict[answer].capitalize()} ({len(rows)}):")
        for row in rows:
            party = f", {row['party']}'s understanding" if row["party"] else ""
            text.para(console, f"{short(row['treaty'])} {row['label']} — {row['area']} ({row['rule']}{party})",
                      indent=2, hang=4)


def _reason_notes(reason: dict[str, Any], notes: Footnotes, *, open_only: bool = False) -> str:
    """Register a reason's treaty, uncertain facts and condition texts; return its note mark."""
    mark = notes.mark(reason["treaty"], reason.get("source"))
    for fact in reason.get("basis") or ():
        notes.uncertain(reason["treaty"], fact["fact"], fact["uncertain"])
    for note in reason.get("notes") or ():
        notes.add(reason["treaty"], note)
    for check in reason["conditions"]:
        is_open = check["status"] == "open"
        if is_open and check.get("decides"):
            notes.add(reason["treaty"], f"{reason['label']} {check['condition']} open: decided by "
                                        f"{check['decides']}")
        if notes.verbose and (is_open or not open_only):
            notes.add(reason["treaty"], f"{reason['label']} {check['condition']} "
                                        f"{check['status'].replace('_', ' ')}: {check['detail']}")
    return mark


def _checks_label(conditions: list[dict[str, Any]]) -> str:
    return ", ".join(f"{c['condition']} {c['status'].replace('_', ' ')}" for c in conditions)


def _reason_head(reason: dict[str, Any], notes: Footnotes, *, against: bool = True) -> str:
    """ "NATO Art. 5 · defend Estonia · discretionary · place met [1]"; ``against`` names the
    attacker too (worth it only when the scenario has several)."""
    verb = {"defense": "defend", "offense": "join"}.get(reason["kind"], reason["kind"])
    foe = f" against {reason['against']['name']}" if against and reason["against"]["id"] != reason["toward"]["id"] else ""
    bits = [f"{short(reason['treaty'])} {reason['label']}", f"{verb} {reason['toward']['name']}{foe}",
            reason["strength"]]
    if reason["conditions"]:
        bits.append(_checks_label(reason["conditions"]))
    marker = f" {UNCERTAIN}" if reason.get("uncertain") else ""
    return " · ".join(bits) + marker + " " + _reason_notes(reason, notes)


def _collapsed(reasons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One reason per treaty and article: a state bound by OAS Art. 28 toward 32 allies at
    war is one line ("defend 32 states"), not 32."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for reason in reasons:
        key = (reason["treaty"]["id"], reason["article"], reason["kind"], reason["strength"],
               _checks_label(reason["conditions"]))
        groups.setdefault(key, []).append(reason)
    out = []
    for items in groups.values():
        towards = {r["toward"]["id"] for r in items}
        foes = {r["against"]["id"] for r in items}
        merged = dict(items[0])
        merged["uncertain"] = any(r.get("uncertain") for r in items)
        if len(towards) == 1:
            if len(foes) > 1:
                merged["against"] = {"id": "", "name": f"{len(foes)} states"}
            out.append(merged)
            continue
        merged["toward"] = {"id": "", "name": f"{len(towards)} states"}
        merged["against"] = {"id": "", "name": "their attackers"}
        out.append(merged)
    return out


def _grouped(console: Console, heads: list[tuple[str, dict[str, Any]]], seen: set[frozenset]) -> None:
    """(line, state) pairs printed as one line per distinct line, its states beneath; a set of
    states ``seen`` above is named by its size ("the same 31") instead of again in full."""
    groups: dict[str, dict[str, dict[str, Any]]] = {}
    for head, state in heads:
        groups.setdefault(head, {})[state["id"]] = state
    for head, states in groups.items():
        members = frozenset(states)
        if len(members) > 1 and members in seen:
            text.para(console, f"{head} · the same {len(members)}", indent=2, hang=4)
            continue
        seen.add(members)
        _head_and_states(console, head, list(states.values()))


def _by_article(pairs: list[tuple[dict[str, Any], dict[str, Any]]], notes: Footnotes) -> list[tuple[str, dict[str, Any]]]:
    """Escalation: (reason, state) pairs as one line per treaty and article, whoever each state
    defends and whoever attacks it ("NATO Art. 5 · defend 31 states"): a war of six rounds binds
    dozens of states toward dozens of others, and a line per pair would run to hundreds. Each
    pair stays in the JSON and in ``--format tsv``."""
    groups: dict[tuple, dict[str, Any]] = {}
    for reason, state in pairs:
        key = (reason["treaty"]["id"], reason["article"], reason["kind"], reason["strength"],
               _checks_label(reason["conditions"]))
        group = groups.setdefault(key, {"reason": reason, "towards": {}, "states": {}, "uncertain": False})
        group["towards"][reason["toward"]["id"]] = reason["toward"]["name"]
        group["states"][state["id"]] = state
        group["uncertain"] |= bool(reason.get("uncertain"))
        _reason_notes(reason, notes)
    heads = []
    for group in groups.values():
        towards = group["towards"]
        toward = next(iter(towards.values())) if len(towards) == 1 else f"{len(towards)} states"
        merged = dict(group["reason"], uncertain=group["uncertain"], toward={"id": "", "name": toward})
        head = _reason_head(merged, notes, against=False)
        heads += [(head, state) for state in group["states"].values()]
    return heads


def scenario(console: Console, payload: dict[str, Any], verbose: bool = False) -> None:
    """A scenario at 80 columns: each side by round, one line per treaty and article, states grouped."""
    notes = Footnotes(verbose)
    acts = "; ".join(
        f"{a['attacker']['name']} attacks {a['target']['name']}" + (f" at {a['place']}" if a["place"] else "")
        for a in payload["acts"]
    )
    rounds = payload["rounds"]
    several = len({a["attacker"]["id"] for a in payload["acts"]}) > 1 or rounds > 1
    escalation = payload["mode"] == "escalation"
    seen: set[frozenset] = set()
    text.para(console, f"{acts} — on {payload['on']}, {payload['mode']} mode, {rounds} round{'s' * (rounds != 1)}",
              style="bold")
    for act in payload["acts"]:
        if act.get("resolved_place"):
            text.para(console, f"place: {_place_text(act['resolved_place'])}", hang=7)
    for warning in payload.get("warnings", ()):
        text.para(console, f"warning: {warning}", hang=9, style="yellow")
    for side, title in (("attackers", "Attackers' side"), ("defenders", "Targets' side")):
        participants = payload["sides"][side]
        initial = [p["state"] for p in participants if not p["reasons"]]
        if initial and len(initial) == len(participants):
            text.para(console, f"{title} ({len(participants)}): {_names(initial)}, by the initial act", style="bold")
            continue
        text.heading(console, f"{title} ({len(participants)})")
        if initial:
            text.para(console, "initial act: " + _names(initial), indent=2, hang=4)
        by_round: dict[int, list[tuple[str, dict[str, Any]]]] = {}
        for p in participants:
            if escalation:
                by_round.setdefault(p["round"], []).extend((reason, p["state"]) for reason in p["reasons"])
                continue
            for reason in _collapsed(p["reasons"]):
                by_round.setdefault(p["round"], []).append((_reason_head(reason, notes, against=several),
                                                            p["state"]))
        for number in sorted(by_round):
            if rounds > 1:
                text.line(console, f" round {number}:")
            _grouped(console, _by_article(by_round[number], notes) if escalation else by_round[number], seen)
    if payload["conditional"]:
        text.heading(console, f"Conditional ({len(payload['conditional'])}): bound once the open condition is met")
        pairs = [(item["reason"], item["state"]) for item in payload["conditional"]]
        _grouped(console, _by_article(pairs, notes) if escalation else
                 [(_reason_head(reason, notes, against=several), state) for reason, state in pairs], seen)
    for key, title in (("stay_out", "Must stay out"), ("consult", "Must consult"), ("violations", "Violated")):
        items = payload[key]
        if not items:
            continue
        count = len({i["state"]["id"] for i in items})
        text.heading(console, f"{title} ({count} state{'s' * (count != 1)})")
        # per state, one line per treaty and article: its counterparts named when one, counted when more
        per_state: dict[tuple, dict[str, Any]] = {}
        for item in items:
            reason = item["reason"]
            helped = item.get("may_not_help")
            # escalation: one line per treaty and article for all its states, their counterparts counted
            slot = ("" if escalation else item["state"]["id"], reason["treaty"]["id"], reason["article"],
                    item["status"], bool(helped))
            entry = per_state.setdefault(slot, {"item": item, "others": {}, "uncertain": False, "states": {}})
            entry["states"][item["state"]["id"]] = item["state"]
            other = helped or item["toward"]
            entry["others"][other["id"]] = other["name"]
            entry["uncertain"] |= bool(reason.get("uncertain"))
            _reason_notes(reason, notes)
        heads = []
        for (_, _, _, status, helped), entry in per_state.items():
            item, others = entry["item"], entry["others"]
            reason = item["reason"]
            named = next(iter(others.values())) if len(others) == 1 else f"{len(others)} states"
            what = f"not help {named}" if helped else f"{'with' if key == 'consult' else 'toward'} {named}"
            shown = "" if status == "bound" else f" · {status}"
            marker = f" {UNCERTAIN}" if entry["uncertain"] else ""
            head = (f"{short(reason['treaty'])} {reason['label']} · {what}{shown}{marker} "
                    f"{notes.mark(reason['treaty'])}")
            heads += [(head, state) for state in entry["states"].values()]
        _grouped(console, heads, seen)
    for item in payload["pending"]:
        text.para(console, f"pending: {item['state']['name']} would be bound to defend {item['toward']['name']} "
                  f"under {short(item['treaty'])} {item['label']} (treaty {item['status']}; binds from "
                  f"{item['binds_from'] or 'a date not yet known'}) {notes.mark(item['treaty'])}", hang=4)
    if payload["collisions"]:
        text.heading(console, f"Collisions ({len(payload['collisions'])}): an attack inside an alliance")
        for item in payload["collisions"]:
            text.para(console, f"{item['attacker']['name']} attacks {item['target']['name']} inside "
                      f"{short(item['treaty'])} ({item['label']}): {item['bound']} "
                      f"{notes.mark(item['treaty'])}", indent=2, hang=4)
    if payload["conflicted"]:
        text.heading(console, f"Conflicted ({len(payload['conflicted'])}): bound to both sides")
        for item in payload["conflicted"]:
            whys = "; ".join(f"{r['why']} by {short(r['treaty'])} {r['label']} {notes.mark(r['treaty'])}"
                             for r in item["reasons"])
            text.para(console, f"{item['state']['name']}: {whys}", indent=2, hang=4)
    if rounds > 1:
        _round_summary(console, payload)
    notes.print(console)


def _round_summary(console: Console, payload: dict[str, Any]) -> None:
    """How the war spread: per round, who joined which side and under which treaties."""
    text.heading(console, "By round")
    rows: dict[int, dict[str, dict[str, set[str]]]] = {}
    for side in ("attackers", "defenders"):
        for p in payload["sides"][side]:
            treaties = rows.setdefault(p["round"], {}).setdefault(side, {})
            for reason in p["reasons"] or [None]:
                treaties.setdefault(short(reason["treaty"]) if reason else "initial act", set()).add(p["state"]["id"])
    acts: dict[int, list[str]] = {}
    for act in payload["acts"]:
        acts.setdefault(0, []).append(f"{act['attacker']['name']} attacks {act['target']['name']}")
    for number in sorted(rows):
        if number == 0:
            text.para(console, "  0: " + "; ".join(acts.get(0, ["the initial acts"])), hang=6)
            continue
        parts = []
        for side, label in (("attackers", "attackers"), ("defenders", "targets")):
            treaties = rows[number].get(side)
            if treaties:
                joined = {sid for states in treaties.values() for sid in states}
                why = ", ".join(f"{t} {len(s)}" for t, s in sorted(treaties.items(), key=lambda ts: -len(ts[1])))
                parts.append(f"{len(joined)} to the {label} ({why})")
        text.para(console, f"  {number}: " + "; ".join(parts), hang=6)


def scenario_rows(payload: dict[str, Any]) -> tuple[list[str], list[list]]:
    """``casus scenario --format tsv|csv``: one row per state and reason, as the JSON lists them."""
    header = ["section", "state", "state_name", "round", "kind", "treaty", "treaty_short", "article", "toward",
              "against", "strength", "status", "conditions", "uncertain", "label"]
    rows = []

    def add(section, state, round_, reason, status):
        if reason is None:
            rows.append([section, state["id"], state["name"], round_, "initial act", "", "", "", "", "", "", status,
                         "", "", ""])
            return
        rows.append([section, state["id"], state["name"], round_, reason["kind"], reason["treaty"]["id"],
                     _short_field(reason["treaty"]), reason["article"], reason["toward"]["id"], reason["against"]["id"],
                     reason["strength"], status, _checks_label(reason["conditions"]),
                     "yes" if reason.get("uncertain") else "", reason["label"]])

    for side in ("attackers", "defenders"):
        for p in payload["sides"][side]:
            for reason in p["reasons"] or [None]:
                add(side, p["state"], p["round"], reason, "bound")
    for item in payload["conditional"]:
        add("conditional", item["state"], "", item["reason"], "conditional")
    for key in ("stay_out", "consult", "violations"):
        for item in payload[key]:
            add(key, item["state"], "", item["reason"], item["status"])
    return header, rows


def diff(console: Console, payload: dict[str, Any]) -> None:
    """Duties that appeared or ended: one line per treaty and article, its pairs grouped by obligor."""
    text.heading(console, f"Obligations from {payload['from']} to {payload['to']}")
    for key in ("appeared", "ended"):
        items = payload[key]
        text.heading(console, f"{key.capitalize()} ({len(items)})")
        groups: dict[str, list[tuple[str, str]]] = {}
        for item in items:
            head = (f"{short(item['treaty'])} {item['label']} · {item['kind']} · {item['strength']}"
                    + (f" · on {item['on']}" if item.get("on") else ""))
            groups.setdefault(head, []).append((item["obligor"]["name"], item["beneficiary"]["name"]))
        for head, pairs in groups.items():
            text.para(console, head, indent=2, hang=4)
            _pair_lines(console, pairs)
    for item in payload["changed"]:
        before, after = item["before"], item["after"]
        text.para(console, f"changed on {item.get('on') or '?'}: {before['obligor']['name']} → {before['beneficiary']['name']} "
                  f"{short(before['treaty'])}: {before['label']} {before['strength']} → {after['label']} "
                  f"{after['strength']}", hang=4)


def _pair_lines(console: Console, pairs: list[tuple[str, str]]) -> None:
    """Directed pairs in few lines: duties owed both ways as "Sweden ↔ 31 allies", one-way
    ones by obligor or by beneficiary, whichever is fewer; the busiest state first."""
    given = set(pairs)
    both = {frozenset(p) for p in given if (p[1], p[0]) in given and p[0] != p[1]}
    one_way = [p for p in given if frozenset(p) not in both]
    arrows = [("↔", {tuple(sorted(e)) for e in both}, True)]
    by_obligor = {o for o, _ in one_way}
    by_beneficiary = {b for _, b in one_way}
    arrows.append(("→", set(one_way), len(by_beneficiary) >= len(by_obligor)))
    for arrow, edges, from_left in arrows:
        edges = set(edges)
        while edges:
            degree: dict[str, int] = {}
            for a, b in edges:
                if arrow == "↔" or from_left:
                    degree[a] = degree.get(a, 0) + 1
                if arrow == "↔" or not from_left:
                    degree[b] = degree.get(b, 0) + 1
            hub = max(sorted(degree), key=lambda s: degree[s])
            mine = {e for e in edges if hub in e} if arrow == "↔" else {
                e for e in edges if e[0 if from_left else 1] == hub}
            others = sorted(b if a == hub else a for a, b in mine)
            if arrow == "↔" or from_left:
                text.para(console, f"{hub} {arrow} {', '.join(others)}", indent=4, hang=2)
            else:
                text.para(console, f"{', '.join(others)} → {hub}", indent=4, hang=2)
            edges -= mine


def diff_rows(payload: dict[str, Any]) -> tuple[list[str], list[list]]:
    """``casus diff --format tsv|csv``: one row per duty that appeared, ended or changed (after the change)."""
    header = ["change", "on", "obligor", "beneficiary", "treaty", "treaty_short", "article", "kind", "strength", "label"]
    rows = []
    for key in ("appeared", "ended"):
        for i in payload[key]:
            rows.append([key, i.get("on"), i["obligor"]["id"], i["beneficiary"]["id"], i["treaty"]["id"],
                         _short_field(i["treaty"]), i["article"], i["kind"], i["strength"], i["label"]])
    for item in payload["changed"]:
        i = item["after"]
        rows.append(["changed", item.get("on"), i["obligor"]["id"], i["beneficiary"]["id"], i["treaty"]["id"],
                     _short_field(i["treaty"]), i["article"], i["kind"], i["strength"], i["label"]])
    return header, rows


def entanglement(console: Console, rows: list[dict[str, Any]], on) -> None:
    table = text.table(console, f"Entanglement on {on}: the (attacker, target) pairs that bind each state")
    for column in ("State", "Bound", "Conditional"):
        table.add_column(column, justify="left" if column == "State" else "right")
    for row in rows:
        if row["bound_pairs"] or row["conditional_pairs"]:
            table.add_row(state_label(row["state"]), str(row["bound_pairs"]), str(row["conditional_pairs"]))
    text.print_table(console, table)


def entanglement_rows(payload: dict[str, Any]) -> tuple[list[str], list[list]]:
    """``casus entanglement --format tsv|csv``: one row per state, those bound by no pair included."""
    return ["state", "state_name", "bound_pairs", "conditional_pairs"], [
        [r["state"]["id"], r["state"]["name"], r["bound_pairs"], r["conditional_pairs"]] for r in payload["states"]
    ]
