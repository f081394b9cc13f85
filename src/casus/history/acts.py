"""The acts of a war as it spreads: who struck whom, on which day, in order.

COW's participant rows give each state's side, whether it initiated the war and
the years it fought. A war's *acts* are the first hostile act of each pairing
that opened a state's part in the war: an invasion or a declaration of war.
Days and directions come from ``data/war_dates.yaml`` (written for casus from
COW's participant dates and standard histories, each with its source); where
the file says nothing the rule is COW's:

- a state that entered in the start year on the side that did not initiate is
  attacked, on the war's first day, by the initiators it fought;
- every other state (an initiator, a state that joined the initiators, any state
  entering in a later year) attacks the opponents already at war, on the day it
  entered (1 January of its entry year when no day is known).

A state that changed sides (Italy in 1943) stops being a participant of its
first side the day its first act on the other side happens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from casus import yamlio
from casus.errors import DataFileError
from casus.history.wars import War, WarParticipant

DATA = "war_dates.yaml"


@dataclass(frozen=True)
class WarAct:
    """``attacker`` opened hostilities against ``target`` on ``on``."""

    on: dt.date
    attacker: str
    target: str
    place: str | None = None
    source: str = "COW"
    requested: bool | None = None
    """The state on whose behalf an ally is called (the target, or the attacker for an offence
    pledge) asked for its help: decides ATOP's demand condition; unknown (None) leaves it open."""
    """``COW`` when derived by the rules above, else the data file's source."""

    def text(self) -> str:
        where = f" at {self.place}" if self.place else ""
        return f"{self.on.isoformat()} {self.attacker} attacks {self.target}{where}"


@dataclass
class WarTimeline:
    war: War
    start: dt.date
    acts: list[WarAct]
    spans: dict[tuple[str, int], tuple[dt.date, dt.date]] = field(default_factory=dict)
    """(state, side) -> first and last day the participant row is at war."""
    name: str | None = None

    def side_on(self, state: str, day: dt.date) -> int | None:
        for (who, side), (first, last) in self.spans.items():
            if who == state and first <= day <= last:
                return side
        return None

    def live(self, day: dt.date) -> list[WarAct]:
        """The acts on or before ``day`` whose two states are still on the sides they took."""
        out = []
        for act in self.acts:
            if act.on > day:
                continue
            a, t = self.side_on(act.attacker, day), self.side_on(act.target, day)
            if a is not None and t is not None and a != t:
                out.append(act)
        return out

    def entered(self, state: str) -> dt.date | None:
        days = [first for (who, _), (first, _) in self.spans.items() if who == state]
        return min(days) if days else None


@cache
def war_dates() -> dict[int, dict[str, Any]]:
    """The curated start days and acts, by COW war number (checked on load)."""
    path = files("casus.history") / "data" / DATA
    return parse_war_dates(yamlio.load(path.read_text(encoding="utf-8")), str(path))


def parse_war_dates(document: Any, where: str) -> dict[int, dict[str, Any]]:
    if not isinstance(document, dict) or not isinstance(document.get("wars"), dict):
        raise DataFileError(where, None, "wars", "expected a mapping of COW war numbers")
    out: dict[int, dict[str, Any]] = {}
    for number, entry in document["wars"].items():
        record = f"war {number}"
        if not isinstance(entry, dict):
            raise DataFileError(where, record, None, "expected a mapping")
        for name in ("start", "source"):
            if not entry.get(name):
                raise DataFileError(where, record, name, "missing")
        start = _day(entry["start"], where, record, "start")
        acts = []
        for index, act in enumerate(entry.get("acts") or [], start=1):
            at = f"{record} acts[{index}]"
            if not isinstance(act, dict) or "on" not in act:
                raise DataFileError(where, at, "on", "expected a mapping with on, attacker(s), target(s)")
            attackers = _names(act, "attacker", where, at)
            targets = _names(act, "target", where, at)
            day = _day(act["on"], where, at, "on")
            for attacker in attackers:
                for target in targets:
                    requested = act.get("requested")
                    if requested not in (None, True, False):
                        raise DataFileError(where, at, "requested", "expected true, false or nothing")
                    acts.append(WarAct(day, attacker, target, act.get("place"), act.get("source") or entry["source"],
                                       requested))
        out[int(number)] = {"name": entry.get("name"), "start": start, "source": entry["source"], "acts": acts}
    return out


def _day(value: Any, where: str, record: str, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataFileError(where, record, name, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _names(act: dict[str, Any], key: str, where: str, record: str) -> list[str]:
    value = act.get(key) or act.get(f"{key}s")
    names = [value] if isinstance(value, str) else value
    if not names or not all(isinstance(n, str) for n in names):
        raise DataFileError(where, record, key, f"expected a state id or a list of them as {key} or {key}s")
    return list(names)


def timeline(war: War, registry, dates: dict[int, dict[str, Any]] | None = None) -> WarTimeline:
    """The war's acts in order, from the data file where it has them and COW's rules otherwise."""
    dates = war_dates() if dates is None else dates
    curated = dates.get(war.number, {})
    start = curated.get("start") or _first_day(war, registry)
    initiator_sides = {p.side for p in war.participants if p.initiator}
    rows = sorted(war.participants, key=lambda p: (p.entered, p.side, p.cow))
    entry: dict[tuple[str, int], dt.date] = {}
    acts = []
    for act in curated.get("acts", []):
        pair = _pair(war, act.attacker, act.target, act.on)
        if pair is None:
            continue  # a state the store's COW file does not have in this war
        acts.append(act)
        for row in pair:
            key = (row.state, row.side)
            entry[key] = min(entry.get(key, act.on), act.on)
    derived: list[WarAct] = []
    for p in rows:
        key = (p.state, p.side)
        if key in entry:
            continue
        day = start if p.entered == war.start_year else max(start, dt.date(p.entered, 1, 1))
        entry[key] = day
        at_start = p.entered == war.start_year and not p.initiator and p.side not in initiator_sides
        if at_start:
            for o in rows:
                if o.initiator and o.side != p.side and o.entered == war.start_year and o.state in p.opponents:
                    derived.append(WarAct(day, o.state, p.state))
        else:
            for o in rows:
                if o.side != p.side and o.state in p.opponents and o.entered <= p.entered and (
                    (o.state, o.side) in entry and entry[(o.state, o.side)] <= day
                ):
                    derived.append(WarAct(day, p.state, o.state))
    spans = {}
    for p in war.participants:
        key = (p.state, p.side)
        first = entry.get(key, dt.date(p.entered, 1, 1))
        last = dt.date(p.last_year, 12, 31)
        later = [entry.get((q.state, q.side)) for q in war.participants
                 if q.state == p.state and q.side != p.side and entry.get((q.state, q.side), first) > first]
        if later:
            last = min(last, min(later) - dt.timedelta(days=1))
        spans[key] = (first, last)
    unique = {(a.on, a.attacker, a.target): a for a in reversed(derived)}
    unique.update({(a.on, a.attacker, a.target): a for a in reversed(acts)})
    ordered = sorted(unique.values(), key=lambda a: (a.on, a.attacker, a.target))
    return WarTimeline(war, start, ordered, spans, curated.get("name"))


def _pair(war: War, attacker: str, target: str, day: dt.date) -> tuple[WarParticipant, WarParticipant] | None:
    """The two participant rows an act is between: opposite sides, years covering ``day``.

    A state with two rows that year (France in 1940) takes the one opposite its
    opponent; the earliest such pair wins.
    """
    def rows(state):
        return [p for p in war.participants if p.state == state and p.entered <= day.year <= p.last_year]

    pairs = [(a, t) for a in rows(attacker) for t in rows(target) if a.side != t.side]
    return min(pairs, key=lambda pair: (pair[0].entered + pair[1].entered, pair[0].side)) if pairs else None


def _first_day(war: War, registry) -> dt.date:
    from casus.history.replay import start_date

    return start_date(war, registry)
