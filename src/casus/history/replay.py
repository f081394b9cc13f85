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
from dataclasses import dataclass, field
from typing import Any

from casus.engine import Engine, build_scenario
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
    start_day: tuple[int, int]
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
            })
        return {
            "start_day": f"{self.start_day[0]:02d}-{self.start_day[1]:02d}",
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


def replay(kb, wars: list[War], *, start_day: tuple[int, int] = (1, 1), engine: Engine | None = None) -> Replay:
    """Run every war's initial acts through the engine (strict mode) and judge each alliance.

    Returns one row per alliance, war and partner (a state among the initial
    attackers and targets that an alliance in force owes a duty to).
    """
    engine = engine or Engine(kb)
    registry = kb.registry
    rows: list[Row] = []
    skipped: list[dict[str, Any]] = []
    replayed: list[dict[str, Any]] = []
    for war in wars:
        acts = war.initial_acts()
        if not acts:
            skipped.append({"war": war.number, "reason": "no initiator entered in the start year"})
            continue
        try:
            on = start_date(war, registry, start_day)
            scenario = build_scenario(registry, on, [{"attacker": a, "target": t} for a, t in acts], "strict")
        except InvalidArgumentError as exc:
            skipped.append({"war": war.number, "reason": str(exc)})
            continue
        rows.extend(_judge(war, on, scenario, engine.run(scenario), engine))
        replayed.append({"war": war.number, "start_year": war.start_year, "on": on.isoformat(),
                         "acts": [f"{a} attacks {t}" for a, t in acts]})
    return Replay(rows, skipped, start_day, replayed)


def _fired(outcome) -> dict[tuple[str, str], dict[str, dict[str, str]]]:
    """(treaty, partner) -> ally -> kind -> ``bound`` or ``conditional``, from every list of the outcome."""
    fired: dict[tuple[str, str], dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))

    def add(reason, status: str) -> None:
        binding = reason.binding
        kinds = fired[(binding.treaty.id, binding.beneficiary)][binding.obligor]
        if kinds.get(binding.kind) != "bound":
            kinds[binding.kind] = status

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


def _judge(war: War, on: dt.date, scenario, outcome, engine: Engine) -> list[Row]:
    attackers = {act.attacker for act in scenario.acts}
    targets = {act.target for act in scenario.acts}
    fired = _fired(outcome)
    collisions = {(d.reason.binding.treaty.id, d.toward) for d in outcome.collisions}
    # Every alliance in force owing a duty to a first participant: the candidates.
    candidates: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for partner in sorted(attackers | targets):
        for binding in engine.duties_of(partner, on):
            if binding.beneficiary == partner and binding.obligor != partner:
                candidates[(binding.treaty.id, partner)][binding.obligor].add(binding.kind)
    rows = []
    for (treaty_id, partner), obligors in sorted(candidates.items()):
        treaty = engine.kb.treaties[treaty_id]
        duties = {ally: _effective(kinds) for ally, kinds in fired.get((treaty_id, partner), {}).items()}
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
            if test == "beside":
                observed[ally] = war.fought_beside(ally, partner)
            elif test == "not_against":
                observed[ally] = not war.fought_against(ally, partner)
            else:
                observed[ally] = None
        notes = []
        if (treaty_id, partner) in collisions:
            notes.append("collision: the partner's adversary is bound to defend it under this alliance")
        if partner in attackers and partner in targets:
            notes.append("the partner is both an initiator and a target of the initial acts")
        rows.append(Row(
            war=war, on=on, treaty=treaty, partner=partner,
            role="target" if partner in targets else "attacker", status=status,
            kind=min((ally_kinds[a] for a in allies), key=_rank), allies=allies, conditional_allies=others,
            ally_kinds=ally_kinds, observed=observed,
            open=_open_conditions(outcome, treaty_id, partner) if conditional else [],
            notes=notes,
        ))
    return rows


def parse_start_day(text: str) -> tuple[int, int]:
    """``"MM-DD"`` as (month, day); 02-29 is refused (most start years have none)."""
    try:
        month, day = (int(part) for part in text.split("-"))
        dt.date(2001, month, day)
    except ValueError:
        raise InvalidArgumentError(f"{text!r} is not a month and day (MM-DD)", field="start_day") from None
    return month, day
