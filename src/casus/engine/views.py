"""Views derived from the duties of a date: the diff of two dates, exposure, entanglement."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from casus.engine.conditions import check_conditions, verdict
from casus.engine.scenario import Act
from casus.errors import InvalidArgumentError
from casus.kb import KnowledgeBase
from casus.kb.records import Binding


def _duty_json(kb: KnowledgeBase, binding: Binding, on: dt.date) -> dict[str, Any]:
    obligation = binding.obligation
    return {
        "obligor": kb.registry.get(binding.obligor).to_json(on=on),
        "beneficiary": kb.registry.get(binding.beneficiary).to_json(on=on),
        "treaty": binding.treaty.ref(),
        "article": obligation.article,
        "label": obligation.article_label,
        "kind": obligation.kind,
        "strength": obligation.strength,
        "conditions": obligation.conditions,
        "source": obligation.source,
    }


def diff(kb: KnowledgeBase, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Directed duties that appeared, ended or changed between two dates.

    A duty is one obligor bound toward one beneficiary under one treaty and
    kind; it *changed* when the article, strength or conditions differ.
    """

    def index(day: dt.date) -> dict[tuple, Binding]:
        return {(b.treaty.id, b.kind, b.obligor, b.beneficiary): b for b in kb.bindings(day)}

    def terms(binding: Binding) -> tuple:
        o = binding.obligation
        return (o.article, o.strength, repr(sorted(o.conditions.items())))

    if end < start:
        raise InvalidArgumentError(f"{end} is before the start, {start}: give the earlier date first", field="end")
    before, after = index(start), index(end)
    order = lambda key: (key[0], key[1], key[2], key[3])  # noqa: E731
    seen: dict[tuple[str, dt.date], dict[tuple, tuple]] = {}

    def on_day(treaty_id: str, day: dt.date) -> dict[tuple, tuple]:
        if (treaty_id, day) not in seen:
            seen[treaty_id, day] = {(b.treaty.id, b.kind, b.obligor, b.beneficiary): terms(b)
                                    for b in kb.bindings(day, [treaty_id])}
        return seen[treaty_id, day]

    def when(key: tuple) -> str | None:
        """The last day in (start, end] on which the duty's state (absent, or its terms) changed."""
        state = on_day(key[0], start).get(key)
        last = None
        for day in _boundaries(kb, key[0], start, end):
            now = on_day(key[0], day).get(key)
            if now != state:
                last, state = day, now
        return last.isoformat() if last else None

    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "appeared": [{**_duty_json(kb, after[k], end), "on": when(k)}
                     for k in sorted(after.keys() - before.keys(), key=order)],
        "ended": [{**_duty_json(kb, before[k], start), "on": when(k)}
                  for k in sorted(before.keys() - after.keys(), key=order)],
        "changed": [
            {"before": _duty_json(kb, before[k], start), "after": _duty_json(kb, after[k], end), "on": when(k)}
            for k in sorted(before.keys() & after.keys(), key=order)
            if terms(before[k]) != terms(after[k])
        ],
    }


def _boundaries(kb: KnowledgeBase, treaty_id: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """The days in (start, end] on which a record of the treaty begins or ends (a duty can change only then)."""
    treaty = kb.treaties[treaty_id]
    days = {treaty.in_force, treaty.ended}
    for membership in kb.memberships.get(treaty_id, []):
        days |= {membership.start(treaty), membership.end(treaty), membership.valid_from, membership.valid_to}
    for obligation in kb.obligations.get(treaty_id, []):
        days |= {obligation.valid_from, obligation.valid_to}
    for suspension in kb.suspensions.get(treaty_id, []):
        days |= {suspension.valid_from, suspension.valid_to}
    return sorted(d for d in days if d is not None and start < d <= end)


@dataclass
class TargetExposure:
    """Who defends one target, before the attacker is known."""

    target: str
    bound: frozenset[str]
    conditional: frozenset[str]
    by_adversary: list[tuple[str, Binding, str]]  # obligor, binding, verdict without the adversary clause


class Exposure:
    """For every ordered pair (attacker, target) of states existing on a date: who is bound to defend the target.

    Assumptions, as for a scenario with no place: the attack falls somewhere on
    the target's territory, is unprovoked, and the target asks its allies for
    help (so a ``demand`` condition is met). Conditions that still cannot be
    decided make the defender *conditional*.
    """

    def __init__(self, kb: KnowledgeBase, on: dt.date, places=None) -> None:
        from casus.engine.places import PlaceJudge

        self.kb, self.on = kb, on
        self.places = places if places is not None else PlaceJudge.default()
        self.states = [s.id for s in kb.registry.existing_on(on)]
        self.targets = {t: self._target(t) for t in self.states}

    def _target(self, target: str) -> TargetExposure:
        bound, conditional, by_adversary = set(), set(), []
        for binding in self.kb.bindings_of(target, self.on):
            if binding.kind != "defense" or binding.beneficiary != target:
                continue
            conditions = dict(binding.obligation.conditions)
            adversary = conditions.pop("adversary", None)
            act = Act(attacker="?", target=target, provoked=False, requested=True)
            parties = frozenset(self.kb.parties_on(binding.treaty.id, self.on))
            checks = check_conditions(
                conditions, act, parties=parties, attackers_of_target=1,
                place_status=lambda area, text, a, p: self.places.status(area, text, act, p, self.on),
            )
            result = verdict(checks)
            if result == "not_bound":
                continue
            if adversary:
                by_adversary.append((binding.obligor, binding, result))
            elif result == "bound":
                bound.add(binding.obligor)
            else:
                conditional.add(binding.obligor)
        return TargetExposure(target, frozenset(bound), frozenset(conditional - bound), by_adversary)

    def defenders(self, attacker: str, target: str) -> tuple[set[str], set[str]]:
        """(bound, conditional) defenders of ``target`` against ``attacker``."""
        exposure = self.targets[target]
        bound = set(exposure.bound)
        conditional = set(exposure.conditional)
        for obligor, binding, result in exposure.by_adversary:
            adversary = binding.obligation.conditions["adversary"]
            named = set(adversary.get("states") or ())
            parties = self.kb.parties_on(binding.treaty.id, self.on)
            if named or adversary.get("non_members"):
                if attacker in named or (adversary.get("non_members") and attacker not in parties):
                    (bound if result == "bound" else conditional).add(obligor)
            else:
                conditional.add(obligor)
        bound.discard(attacker)
        conditional -= bound | {attacker}
        return bound, conditional

    def rows(self):
        """One row per ordered pair: attacker, target, bound defenders, conditional defenders."""
        for target in self.states:
            exposure = self.targets[target]
            plain = (";".join(sorted(exposure.bound)), ";".join(sorted(exposure.conditional)))
            for attacker in self.states:
                if attacker == target:
                    continue
                if exposure.by_adversary or attacker in exposure.bound or attacker in exposure.conditional:
                    bound, conditional = self.defenders(attacker, target)
                    yield attacker, target, ";".join(sorted(bound)), ";".join(sorted(conditional)), len(bound), len(conditional)
                else:
                    yield attacker, target, plain[0], plain[1], len(exposure.bound), len(exposure.conditional)

    def entanglement(self) -> list[dict[str, Any]]:
        """For each state, how many ordered pairs would bind it to defend (or conditionally)."""
        bound_count: dict[str, int] = defaultdict(int)
        conditional_count: dict[str, int] = defaultdict(int)
        others = len(self.states) - 2  # attackers other than the target and the defender itself
        for target in self.states:
            exposure = self.targets[target]
            for obligor in exposure.bound:
                bound_count[obligor] += others
            for obligor in exposure.conditional:
                conditional_count[obligor] += others
            if exposure.by_adversary:
                for attacker in self.states:
                    if attacker == target:
                        continue
                    bound, conditional = self.defenders(attacker, target)
                    for obligor in bound - exposure.bound:
                        bound_count[obligor] += 1
                    for obligor in conditional - exposure.conditional - exposure.bound:
                        conditional_count[obligor] += 1
        registry = self.kb.registry
        out = [
            {
                "state": registry.get(state).to_json(on=self.on),
                "bound_pairs": bound_count.get(state, 0),
                "conditional_pairs": conditional_count.get(state, 0),
            }
            for state in self.states
        ]
        out.sort(key=lambda row: (-row["bound_pairs"], -row["conditional_pairs"], row["state"]["id"]))
        return out

    def frame(self):
        """The exposure as a Polars data frame (for CSV and Parquet output)."""
        import polars as pl

        columns = list(zip(*self.rows(), strict=True)) or [()] * 6
        return pl.DataFrame(
            {
                "on": [self.on] * len(columns[0]),
                "attacker": columns[0],
                "target": columns[1],
                "bound": columns[2],
                "conditional": columns[3],
                "n_bound": columns[4],
                "n_conditional": columns[5],
            },
            schema={
                "on": pl.Date, "attacker": pl.String, "target": pl.String, "bound": pl.String,
                "conditional": pl.String, "n_bound": pl.Int32, "n_conditional": pl.Int32,
            },
        )


def place_report(kb: KnowledgeBase, query: str, on: dt.date, gazetteer=None) -> dict[str, Any]:
    """What casus knows of a place on a date (``casus place NAME``): the resolved place, its
    sovereign and administrator then, the dispute if any, and each treaty area in force
    that day with its answer (true, false, or null when it cannot be decided).

    Unknown names raise ``UnknownPlaceError`` with suggestions.
    """
    from casus.places import default_gazetteer
    from casus.places.areas import territory_rule

    gz = gazetteer or default_gazetteer()
    place = gz.resolve(query)
    areas = []
    for treaty_id in sorted(kb.treaties):
        if treaty_id in kb.shadowed:
            continue
        treaty = kb.treaties[treaty_id]
        seen = set()
        for obligation in kb.obligations.get(treaty_id, []):
            if not obligation.in_force_on(treaty, on):
                continue
            conditions = obligation.conditions
            found = [(conditions.get("place"), None)]
            found += [(r["conditions"].get("place"), r["party"]) for r in conditions.get("reservations") or ()]
            for condition, party in found:
                if not condition:
                    continue
                key = (condition["area"], party)
                if key in seen:
                    continue
                seen.add(key)
                parties = kb.parties_on(treaty_id, on)
                areas.append({
                    "treaty": treaty.ref(),
                    "article": obligation.article,
                    "label": obligation.article_label,
                    "area": condition["area"],
                    "rule": territory_rule(condition["area"]),
                    "party": party,
                    "contains": gz.in_area(condition["area"], place, on=on, parties=parties),
                })
    return {"on": on.isoformat(), "query": query, "place": gz.describe(place, on), "areas": areas}
