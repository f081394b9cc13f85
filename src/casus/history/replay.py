"""Replay past wars through the engine: did the alliances in force apply, and were they kept?

For each war, the initial acts (initiators against their targets, at the war's
start) are one strict-mode scenario for ``Engine(kb)``. For each alliance in
force that owes a duty to one of those first participants (the *partner*), the
engine says whether it applied (some ally bound), was conditional (an open
condition, none failed) or did not apply. Then the war data says whether each
bound ally did what the duty asks:

- ``defense``, ``offense``: it fought on the partner's side (at any time in the war);
- ``neutrality``, ``nonaggression``: it did not fight against the partner;
- ``consultation``: not observable in war data (``honoured`` is null).

Decisions and their reasons are written down in docs/replay.md.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from casus.engine import Act, Engine, Scenario
from casus.engine.conditions import verdict
from casus.errors import InvalidArgumentError
from casus.history.wars import War
from casus.vocab import ObligationKind, values

KINDS = values(ObligationKind)
"""Obligation kinds, strongest first: a row is judged by the strongest duty that fired."""
OBSERVABLE = {"defense": "beside", "offense": "beside", "neutrality": "not_against", "nonaggression": "not_against"}
COLD_WAR = 1945

_LLM = {"study": "Leeds, Long & Mitchell (2000)", "short": "LLM 2000"}
_BF = {"study": "Berkemeier & Fuhrmann (2018)", "short": "B&F 2018"}
PUBLISHED = [
    {**_LLM, "period": "1816-1944", "rate": 0.745, "honoured": None, "opportunities": None,
     "note": "commitments honoured in wars 1816-1944"},
    {**_BF, "period": "overall", "rate": 0.50, "honoured": 73, "opportunities": 146,
     "note": "the same opportunities, recoded, 1816-2003"},
    {**_BF, "period": "1816-1944", "rate": 0.663, "honoured": None, "opportunities": None, "note": "before 1945"},
    {**_BF, "period": "1945-", "rate": 0.222, "honoured": None, "opportunities": None, "note": "after 1945"},
    *(
        {**_BF, "period": "overall", "kind": kind, "rate": rate, "honoured": None, "opportunities": None,
         "note": f"{kind} pledges (abstract, rounded)"}
        for kind, rate in (("defense", 0.41), ("offense", 0.74), ("neutrality", 0.78), ("nonaggression", 0.37))
    ),
]


@dataclass
class Row:
    """One alliance, one war, one partner: what the engine said and what the allies did."""

    war: War
    on: dt.date
    treaty: Any  # TreatyRecord
    partner: str
    role: str  # attacker | target
    status: str  # applied | conditional | not_applicable
    kind: str
    allies: list[str]
    """Applied: the allies bound; conditional: those conditionally bound; not applicable: every obligor."""
    conditional_allies: list[str]
    """Of an applied row, the other allies whose strongest duty stayed conditional."""
    ally_kinds: dict[str, str]
    observed: dict[str, bool | None]
    """Per ally (bound or conditional): did it do what its strongest duty asks (None: consultation only)."""
    open: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    act: str = ""
    """The act that first made the alliance apply (empty if it never did)."""
    entered: str = ""
    """The partner's first act in the war (as attacker or target)."""

    @property
    def honoured(self) -> bool | None:
        """True when every bound ally did what its duty asks; null unless the alliance applied."""
        if self.status != "applied":
            return None
        return self.kept()

    def kept(self) -> bool | None:
        """Whether the allies listed did what their duties ask, whatever the status."""
        seen = [self.observed[ally] for ally in self.allies if self.observed.get(ally) is not None]
        if not seen:
            return None
        return all(seen)


@dataclass
class Replay:
    rows: list[Row]
    skipped: list[dict[str, Any]]
    start_day: tuple[int, int] | None
    wars: list[dict[str, Any]] = field(default_factory=list)
    """Each war replayed: number, start year, the date judged and the initial acts."""

    # -- rates -------------------------------------------------------------------

    @staticmethod
    def _rate(rows: list[Row], *, judge=lambda row: row.honoured) -> dict[str, Any]:
        judged = [judge(row) for row in rows]
        honoured = sum(1 for value in judged if value is True)
        violated = sum(1 for value in judged if value is False)
        total = honoured + violated
        return {"opportunities": total, "honoured": honoured, "violated": violated,
                "rate": round(honoured / total, 3) if total else None}

    def rates(self) -> dict[str, Any]:
        applied = [r for r in self.rows if r.status == "applied"]
        early = [r for r in applied if r.war.start_year < COLD_WAR]
        late = [r for r in applied if r.war.start_year >= COLD_WAR]
        allies = [(row, ally) for row in applied for ally in row.allies if row.observed[ally] is not None]
        ally_honoured = sum(1 for row, ally in allies if row.observed[ally])
        with_conditional = [r for r in self.rows if r.status in ("applied", "conditional")]
        return {
            "overall": self._rate(applied),
            "1816-1944": self._rate(early),
            "1945-": self._rate(late),
            "by_kind": {kind: self._rate([r for r in applied if r.kind == kind]) for kind in KINDS},
            "by_ally": {
                "opportunities": len(allies), "honoured": ally_honoured, "violated": len(allies) - ally_honoured,
                "rate": round(ally_honoured / len(allies), 3) if allies else None,
            },
            "with_conditional": self._rate(with_conditional, judge=Row.kept),
            "with_conditional_1816-1944": self._rate(
                [r for r in with_conditional if r.war.start_year < COLD_WAR], judge=Row.kept
            ),
            "with_conditional_1945-": self._rate(
                [r for r in with_conditional if r.war.start_year >= COLD_WAR], judge=Row.kept
            ),
            "statuses": {
                status: sum(1 for r in self.rows if r.status == status)
                for status in ("applied", "conditional", "not_applicable")
            },
            "published": PUBLISHED,
        }

    # -- JSON --------------------------------------------------------------------

    def to_json(self, registry) -> dict[str, Any]:
        def state(state_id: str, on: dt.date) -> dict[str, Any]:
            return registry.get(state_id).to_json(on=on)

        rows = []
        for row in self.rows:
            rows.append({
                "atop_id": row.treaty.atop_id,
                "treaty": row.treaty.ref(),
                "war": row.war.number,
                "start_year": row.war.start_year,
                "on": row.on.isoformat(),
                "partner": state(row.partner, row.on),
                "role": row.role,
                "status": row.status,
                "kind": row.kind,
                "honoured": row.honoured,
                "allies": [state(a, row.on) for a in row.allies],
                "fought_beside": [state(a, row.on) for a in row.allies if row.war.fought_beside(a, row.partner)],
                "fought_against": [state(a, row.on) for a in row.allies if row.war.fought_against(a, row.partner)],
                "conditional_allies": [state(a, row.on) for a in row.conditional_allies],
                "open": row.open,
                "notes": row.notes,
                "act": row.act,
            })
        return {
            "start_day": f"{self.start_day[0]:02d}-{self.start_day[1]:02d}" if self.start_day else None,
            "rows": rows,
            "rates": self.rates(),
            "wars": self.wars,
            "skipped": self.skipped,
        }


# -- the start date ---------------------------------------------------------------


def start_date(war: War, registry, start_day: tuple[int, int] = (1, 1)) -> dt.date:
    """The date the war's initial acts are judged on.

    COW (in this layout) gives years only. The date is ``start_day`` (month,
    day; default 1 January) of the start year or, when some initial participant
    was not a state that day, the nearest day of that year on which all were
    (Israel in 1948: 14 May). ``InvalidArgumentError`` when no day of the year
    has them all.
    """
    wanted = dt.date(war.start_year, *start_day)
    first, last = dt.date(war.start_year, 1, 1), dt.date(war.start_year, 12, 31)
    windows = [(first, last)]  # the days of the year on which every state so far existed, [from, to]
    states = sorted({s for act in war.initial_acts() for s in act})
    for state_id in states:
        spans = registry.get(state_id).spans
        windows = [
            (max(lo, start), min(hi, end - dt.timedelta(days=1)) if end is not None else hi)
            for lo, hi in windows
            for start, end in spans
            if max(lo, start) <= (min(hi, end - dt.timedelta(days=1)) if end is not None else hi)
        ]
    if not windows:
        raise InvalidArgumentError(
            f"war {war.number}: no day of {war.start_year} on which all of {', '.join(states)} existed as states"
        )
    return min((min(max(wanted, lo), hi) for lo, hi in windows), key=lambda day: abs((day - wanted).days))


# -- the replay -------------------------------------------------------------------


def _rank(kind: str) -> int:
    return KINDS.index(kind)


def replay(kb, wars: list[War], *, start_day: tuple[int, int] | None = None, engine: Engine | None = None,
           dates: dict | None = None, curated: dict | None = None) -> Replay:
    """Run every war's acts, as the war spread, through the engine (strict mode) and judge each alliance.

    Each act (a state attacking or declaring war on another, see
    ``casus.history.acts``) is a moment: on its day the engine is given every
    act still live and says which duties it fires. An alliance formed during the
    war is judged on the day it was formed too. One row per alliance, war and
    partner (a state at war that an alliance in force owes a duty to).

    ``start_day`` (month, day) ignores the day-level data and judges every war on
    that day of its start year with the acts of its first year only, as casus
    did before acts were known by day (kept to measure what the days change).
    """
    from casus.history.acts import timeline
    from casus.history.conditions import CuratedPlaces, curated_conditions, for_war

    registry = kb.registry
    curated = curated_conditions() if curated is None else curated
    places = CuratedPlaces(curated)
    rows: list[Row] = []
    skipped: list[dict[str, Any]] = []
    replayed: list[dict[str, Any]] = []
    for war in wars:
        try:
            line = timeline(war, registry, {} if start_day else dates)
        except InvalidArgumentError as exc:
            skipped.append({"war": war.number, "reason": str(exc)})
            continue
        if start_day:
            try:
                first = start_date(war, registry, start_day)
            except InvalidArgumentError as exc:
                skipped.append({"war": war.number, "reason": str(exc)})
                continue
            acts = [a for a in line.acts if a.on.year == war.start_year and a.on <= line.start]
            line.acts = [replace(a, on=first) for a in acts]
            line.spans = {key: (first, last) for key, (_, last) in line.spans.items()}
        if not line.acts:
            skipped.append({"war": war.number, "reason": "no act: no initiator entered in the start year"})
            continue
        war_kb, notes = for_war(kb, war.number, curated)
        war_engine = engine if engine is not None and war_kb is kb else Engine(war_kb, places)
        rows.extend(_judge_war(line, war_engine, notes))
        replayed.append({"war": war.number, "name": line.name, "start_year": war.start_year,
                         "on": line.acts[0].on.isoformat(), "acts": [a.text() for a in line.acts]})
    return Replay(rows, skipped, start_day, replayed)


def _moments(line, engine: Engine) -> list[tuple[dt.date, dt.date]]:
    """The days to judge, with the day whose alliances count: each act's (the alliances in force on its
    eve: ATOP ends an alliance the war broke on the day it broke it), and each day an alliance of a
    state at war began during the war (that day's)."""
    days = {(act.on, act.on - dt.timedelta(days=1)) for act in line.acts}
    first, last = line.acts[0].on, max(end for _, end in line.spans.values())
    kb = engine.kb
    for (state, _), (begin, end) in line.spans.items():
        for membership in kb.memberships_of_state.get(state, []):
            treaty = kb.treaties[membership.treaty_id]
            start = membership.start(treaty)
            if start is not None and first < start <= min(end, last) and start >= begin:
                days.add((start, start))
    return sorted(days)


def _judge_war(line, engine: Engine, notes) -> list[Row]:
    war = line.war
    fired: dict[tuple[str, str], dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    first_on: dict[tuple[str, str], tuple[dt.date, str]] = {}
    opened: dict[tuple[str, str], set[str]] = defaultdict(set)
    candidates: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    considered: dict[tuple[str, str], dt.date] = {}
    attacked: dict[str, list[str]] = defaultdict(list)
    attacking: dict[str, list[str]] = defaultdict(list)
    for day, eve in _moments(line, engine):
        live = line.live(day)
        if not live:
            continue
        for act in live:
            if act.on == day:
                attacked[act.target].append(act.text())
                attacking[act.attacker].append(act.text())
        acts = tuple(Act(a.attacker, a.target, a.place, False, a.requested, home=a.place is None) for a in live)
        try:
            outcome = engine.run(Scenario(eve, acts, "strict"))
        except InvalidArgumentError:
            continue
        texts = {(a.attacker, a.target): a.text() for a in live}
        for key, allies in _fired(outcome).items():
            for ally, kinds in allies.items():
                for kind, (status, act) in kinds.items():
                    current = fired[key][ally].get(kind)
                    if current != "bound":
                        fired[key][ally][kind] = status
                    if status == "bound" and key not in first_on:
                        first_on[key] = (day, texts.get(act, ""))
        for key, names in _open_by(outcome).items():
            opened[key] |= names
        day = eve  # from here on, the day whose alliances count
        # A member at war with the adversary of a pledge to join its wars (offence) calls on it
        # whoever struck first: the engine fires offence on the member's own attacks only.
        for act in live:
            for binding in engine.duties_of(act.target, day):
                if binding.kind == "offense" and binding.beneficiary == act.target and binding.obligor != act.attacker:
                    probe = Act(act.target, act.attacker, act.place, False, None, home=act.place is None)
                    checks = engine.checks(binding, probe, day, act.attacker, 1)
                    status = verdict(list(checks))
                    key = (binding.treaty.id, act.target)
                    if status == "bound":
                        fired[key][binding.obligor]["offense"] = "bound"
                        first_on.setdefault(key, (day, texts[(act.attacker, act.target)]))
                    elif status == "conditional" and fired[key][binding.obligor].get("offense") != "bound":
                        fired[key][binding.obligor]["offense"] = "conditional"
                        opened[key] |= {c.condition for c in checks if c.status == "open"}
        # A member that attacks its own ally under a defence pledge: the pledge applies and is broken.
        for act in live:
            for binding in engine.duties_of(act.attacker, day):
                if binding.kind == "defense" and binding.obligor == act.attacker and binding.beneficiary == act.target:
                    key = (binding.treaty.id, act.target)
                    fired[key][act.attacker]["defense"] = "bound"
                    first_on.setdefault(key, (day, texts[(act.attacker, act.target)] + " (its own ally)"))
        at_war = {s for a in live for s in (a.attacker, a.target)}
        for partner in sorted(at_war):
            for binding in engine.duties_of(partner, day):
                if binding.beneficiary == partner and binding.obligor != partner:
                    key = (binding.treaty.id, partner)
                    candidates[key][binding.obligor].add(binding.kind)
                    considered.setdefault(key, day)
    rows = []
    for key, obligors in sorted(candidates.items()):
        treaty_id, partner = key
        treaty = engine.kb.treaties[treaty_id]
        duties = {ally: _effective(kinds) for ally, kinds in fired.get(key, {}).items()}
        bound = sorted(a for a, (_, status) in duties.items() if status == "bound")
        conditional = sorted(a for a, (_, status) in duties.items() if status == "conditional")
        if bound:
            status, allies, others = "applied", bound, conditional
        elif conditional:
            status, allies, others = "conditional", conditional, []
        else:
            status, allies, others = "not_applicable", sorted(obligors), []
            duties = {ally: (min(kinds, key=_rank), "not_applicable") for ally, kinds in obligors.items()}
        ally_kinds = {ally: duties[ally][0] for ally in allies + others}
        observed = {}
        for ally, kind in ally_kinds.items():
            test = OBSERVABLE.get(kind)
            if key in first_on and first_on[key][1].endswith("(its own ally)") and kind == "defense":
                observed[ally] = False
            elif test == "beside":
                observed[ally] = war.fought_beside(ally, partner)
            elif test == "not_against":
                observed[ally] = not war.fought_against(ally, partner)
            else:
                observed[ally] = None
        on, act = first_on.get(key, (considered[key], ""))
        why: list[str] = []
        for kind in sorted(set(ally_kinds.values())):
            why += notes.get((treaty_id, kind), [])
        role = "target" if attacked.get(partner) else "attacker"
        rows.append(Row(
            war=war, on=on, treaty=treaty, partner=partner, role=role, status=status,
            kind=min((ally_kinds[a] for a in allies), key=_rank), allies=allies, conditional_allies=others,
            ally_kinds=ally_kinds, observed=observed,
            open=sorted(opened.get(key, set())) if status == "conditional" else [],
            notes=why, act=act,
            entered=(attacked.get(partner) or attacking.get(partner) or [""])[0],
        ))
    return rows


def _open_by(outcome) -> dict[tuple[str, str], set[str]]:
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    reasons = [reason for _, _, reason in outcome.conditional]
    reasons += [duty.reason for duty, _ in outcome.stay_out if duty.status == "conditional"]
    reasons += [duty.reason for duty in (*outcome.consult, *outcome.violations) if duty.status == "conditional"]
    for reason in reasons:
        key = (reason.binding.treaty.id, reason.binding.beneficiary)
        names[key].update(check.condition for check in reason.checks if check.status == "open")
    return names


def _fired(outcome):
    """(treaty, partner) -> ally -> kind -> (``bound`` or ``conditional``, the act's pair), from the outcome.

    A neutrality pledge ATOP codes as owed only to a member that is attacked
    (``only_if_attacked``) is not fired by an act of that member.
    """
    fired: dict[tuple[str, str], dict[str, dict[str, tuple[str, tuple[str, str]]]]] = defaultdict(
        lambda: defaultdict(dict))

    def add(reason, status: str) -> None:
        binding = reason.binding
        if (binding.kind == "neutrality" and binding.obligation.conditions.get("only_if_attacked")
                and reason.act.target != binding.beneficiary):
            return
        kinds = fired[(binding.treaty.id, binding.beneficiary)][binding.obligor]
        if kinds.get(binding.kind, ("",))[0] != "bound":
            kinds[binding.kind] = (status, (reason.act.attacker, reason.act.target))

    for participant in outcome.participants.values():
        for reason in participant.reasons:
            add(reason, "bound")
    for items in outcome.conflicted.values():
        for _, reason in items:
            add(reason, "bound")
    for _, _, reason in outcome.conditional:
        add(reason, "conditional")
    for duty, _ in outcome.stay_out:
        add(duty.reason, duty.status)
    for duty in (*outcome.consult, *outcome.violations):
        add(duty.reason, duty.status)
    return fired


def _open_conditions(outcome, treaty_id: str, partner: str) -> list[str]:
    names = set()
    reasons = [reason for _, _, reason in outcome.conditional]
    reasons += [duty.reason for duty, _ in outcome.stay_out if duty.status == "conditional"]
    reasons += [duty.reason for duty in (*outcome.consult, *outcome.violations) if duty.status == "conditional"]
    for reason in reasons:
        if reason.binding.treaty.id == treaty_id and reason.binding.beneficiary == partner:
            names.update(check.condition for check in reason.checks if check.status == "open")
    return sorted(names)


def _effective(kinds: dict[str, str]) -> tuple[str, str]:
    """An ally's duty under one alliance: (kind, ``bound`` or ``conditional``).

    The strongest duty bound, unless a stronger one is conditional: an ally
    bound to consult and conditionally bound to defend is *conditional* (whether
    it had to fight is undecided), not "bound to consult".
    """
    bound = [kind for kind, status in kinds.items() if status == "bound"]
    strongest = min(kinds, key=_rank)
    if bound and _rank(min(bound, key=_rank)) <= _rank(strongest):
        return min(bound, key=_rank), "bound"
    return strongest, "conditional"


def parse_start_day(text: str) -> tuple[int, int]:
    """``"MM-DD"`` as (month, day); 02-29 is refused (most start years have none)."""
    try:
        month, day = (int(part) for part in text.split("-"))
        dt.date(2001, month, day)
    except ValueError:
        raise InvalidArgumentError(f"{text!r} is not a month and day (MM-DD)", field="start_day") from None
    return month, day
