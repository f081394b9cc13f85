"""Fire every obligation in force on a scenario of aggression, round after round.

The rules are DESIGN.md's "The engine"; the decisions it leaves open are
written down in ``docs/engine.md``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from casus.engine.conditions import ConditionCheck, check_conditions, verdict
from casus.engine.pause import collector_paused
from casus.engine.scenario import Act, Scenario
from casus.kb import KnowledgeBase
from casus.kb.records import Binding

ATTACKERS, DEFENDERS = "attackers", "defenders"


def other_side(side: str) -> str:
    return DEFENDERS if side == ATTACKERS else ATTACKERS


@dataclass(frozen=True)
class Reason:
    """Why a state is drawn in: one duty, fired by one act."""

    binding: Binding
    act: Act
    act_round: int
    checks: tuple[ConditionCheck, ...]

    @property
    def kind(self) -> str:
        return self.binding.kind


@dataclass
class Participant:
    state: str
    side: str
    round: int
    reasons: list[Reason] = field(default_factory=list)
    entered_via: Reason | None = None
    """The reason that brought the state in (None for the initial attackers and targets)."""


@dataclass
class Duty:
    """A non-fighting duty fired by an act: stay out, consult, a violated promise, a collision."""

    state: str
    toward: str
    reason: Reason
    status: str  # bound | conditional


@dataclass
class Outcome:
    scenario: Scenario
    participants: dict[str, Participant]
    conditional: list[tuple[str, str, Reason]]  # state, side it would join, reason
    stay_out: list[tuple[Duty, str]]  # duty, the state it may not help
    consult: list[Duty]
    violations: list[Duty]
    collisions: list[Duty]
    conflicted: dict[str, list[tuple[str, Reason]]]  # state -> [(what, reason)]
    acts: list[tuple[Act, int, str | None]]  # every act fired: act, round, the participant it comes from
    rounds: int
    pending: list[tuple[str, str, object, object, object]] = field(default_factory=list)
    """Duties signed but not yet in force: (obligor, beneficiary, treaty, obligation, binds_from)."""
    places: list[dict | None] = field(default_factory=list)
    """For each act of the scenario, the place it names as resolved (``Gazetteer.describe``)."""
    warnings: list[str] = field(default_factory=list)
    """What a reader should know before trusting the answer (a place not the target's)."""
    recorded: set[tuple] = field(default_factory=set, repr=False)
    conditional_seen: set[tuple] = field(default_factory=set, repr=False)
    collided: dict[tuple, tuple[int, int]] = field(default_factory=dict, repr=False)
    """Each collision reported: (order of the act that showed it, its place in ``collisions``)."""

    def side(self, side: str) -> list[Participant]:
        return [p for p in self.participants.values() if p.side == side]


def initial_sides(acts) -> dict[str, str]:
    """Put each act's attacker and target on opposite sides, whatever the order of the acts.

    Acts that touch each other form one war; its two sides are fixed by the acts
    (Austria-Hungary attacks Serbia, Russia attacks Austria-Hungary: Russia and
    Serbia on one side). The side that made more of the attacks is the
    attackers' side; on a tie, the side of the attacker with the smallest id.
    Acts that would put a state on both sides are refused.
    """
    from casus.errors import InvalidArgumentError

    neighbours: dict[str, set[str]] = defaultdict(set)
    for act in acts:
        neighbours[act.attacker].add(act.target)
        neighbours[act.target].add(act.attacker)
    colour: dict[str, int] = {}
    sides: dict[str, str] = {}
    for start in sorted(neighbours):
        if start in colour:
            continue
        component, queue = [start], [start]
        colour[start] = 0
        while queue:
            state = queue.pop()
            for other in sorted(neighbours[state]):
                if other not in colour:
                    colour[other] = 1 - colour[state]
                    component.append(other)
                    queue.append(other)
                elif colour[other] == colour[state]:
                    raise InvalidArgumentError(
                        f"the acts cannot be split into two sides: {state} and {other} would be on one side "
                        "and at war with each other"
                    )
        members = set(component)
        attacks = [act.attacker for act in acts if act.attacker in members]
        counts = [sum(1 for a in attacks if colour[a] == c) for c in (0, 1)]
        if counts[0] != counts[1]:
            aggressor = 0 if counts[0] > counts[1] else 1
        else:
            aggressor = colour[min(attacks)]
        for state in component:
            sides[state] = ATTACKERS if colour[state] == aggressor else DEFENDERS
    return sides


class _DutyIndex:
    """One state's duties on a date, sorted by the role they play when it is attacked or attacks."""

    def __init__(self, state: str, bindings: list[Binding]) -> None:
        self.defended_by: list[Binding] = []  # defense owed to the state
        self.joined_by: list[Binding] = []  # offense owed to the state
        self.owed_other: list[Binding] = []  # neutrality and consultation owed to the state
        self.defends: dict[str, list[Binding]] = defaultdict(list)  # its defense duties, by beneficiary
        self.promises: dict[str, list[Binding]] = defaultdict(list)  # its nonaggression and defense duties
        for binding in bindings:
            kind = binding.obligation.kind
            if binding.beneficiary == state:
                if kind == "defense":
                    self.defended_by.append(binding)
                elif kind == "offense":
                    self.joined_by.append(binding)
                elif kind in ("neutrality", "consultation"):
                    self.owed_other.append(binding)
            elif binding.obligor == state and kind in ("defense", "nonaggression"):
                self.promises[binding.beneficiary].append(binding)
                if kind == "defense":
                    self.defends[binding.beneficiary].append(binding)


class _History:
    """Every act fired so far, by target and by attacker, as (order, act, round), in firing order."""

    def __init__(self) -> None:
        self.on: dict[str, list] = defaultdict(list)
        self.by: dict[str, list] = defaultdict(list)

    def add(self, order: int, act: Act, act_round: int) -> tuple[int, Act, int]:
        entry = (order, act, act_round)
        self.on[act.target].append(entry)
        self.by[act.attacker].append(entry)
        return entry


class Engine:
    """Fires a knowledge base's obligations; keeps per-date work cached across scenarios."""

    def __init__(self, kb: KnowledgeBase, places=None) -> None:
        from casus.engine.places import PlaceJudge

        self.kb = kb
        self.places = places if places is not None else PlaceJudge.default()
        self._duties: dict[tuple[dt.date, str], list[Binding]] = {}
        self._made: dict[dt.date, dict] = {}
        self._parties: dict[tuple[dt.date, str], frozenset[str]] = {}
        self._checks: dict[tuple, tuple[tuple[ConditionCheck, ...], str]] = {}
        self._indexes: dict[tuple[dt.date, str], _DutyIndex] = {}
        self._depends: dict[tuple[str, str], tuple[bool, bool, bool, bool]] = {}

    def _depends_on(self, binding: Binding) -> tuple[bool, bool, bool, bool]:
        """Which parts of an act a duty's conditions read: (the hostile state, provoked,
        the number of attackers, the request). An act differing only elsewhere gets the
        same answer, so escalation decides each duty once per target, not once per act."""
        key = (binding.treaty.id, binding.obligation.key)
        if key not in self._depends:
            conditions = binding.obligation.conditions
            every = [conditions] + [r.get("conditions", {}) for r in conditions.get("reservations") or ()]
            self._depends[key] = (
                any(c.get("adversary") for c in every),
                any(c.get("non_provocation") or c.get("protects") for c in every),
                any(c.get("attackers") for c in every),
                any(c.get("demand") for c in every),
            )
        return self._depends[key]

    # -- cached lookups ----------------------------------------------------------

    def duties_of(self, state: str, day: dt.date) -> list[Binding]:
        key = (day, state)
        if key not in self._duties:
            memo = self._made.setdefault(day, {})  # one Binding per duty, shared by its two states
            self._duties[key] = self.kb.bindings_of(state, day, memo)
        return self._duties[key]

    def parties(self, treaty_id: str, day: dt.date) -> frozenset[str]:
        key = (day, treaty_id)
        if key not in self._parties:
            self._parties[key] = frozenset(self.kb.parties_on(treaty_id, day))
        return self._parties[key]

    def checks(self, binding: Binding, act: Act, day: dt.date, hostile: str, attackers: int):
        """Decide ``binding``'s conditions for ``act``; ``hostile`` is the state the adversary clause tests."""
        return self.judge(binding, act, day, hostile, attackers)[0]

    def judge(self, binding: Binding, act: Act, day: dt.date, hostile: str, attackers: int):
        """``binding``'s condition checks for ``act`` and their verdict, decided once per distinct input."""
        hostile_matters, provoked_matters, count_matters, request_matters = self._depends_on(binding)
        # The answer is the same for every obligor of the article (the parties are the
        # treaty's), unless one of them attached a reservation.
        conditions = binding.obligation.conditions
        key = (
            binding.treaty.id, binding.obligation.key, binding.obligor if conditions.get("reservations") else None,
            binding.beneficiary == act.target, binding.kind, day,
            act.target, act.place, act.attacker if act.place else None, act.home,
            hostile if hostile_matters else None, act.provoked if provoked_matters else None,
            attackers if count_matters else None, act.requested if request_matters else None,
        )
        found = self._checks.get(key)
        if found is None:
            checks = self._decide(binding, act, day, hostile, attackers)
            found = self._checks[key] = (checks, verdict(list(checks)))
        return found

    def _decide(self, binding: Binding, act: Act, day: dt.date, hostile: str, attackers: int):
        probe = act if hostile == act.attacker else replace(act, attacker=hostile)
        conditions = binding.obligation.conditions
        checks = check_conditions(
            conditions,
            probe,
            parties=self.parties(binding.treaty.id, day),
            attackers_of_target=attackers,
            place_status=lambda area, text, a, parties: self.places.status(area, text, act, parties, day),
            obligor=binding.obligor,
        )
        if binding.beneficiary == act.target and binding.kind in ("defense", "neutrality"):
            checks = self._territory(binding, act, day) + checks
        return tuple(checks)

    def _territory(self, binding: Binding, act: Act, day: dt.date) -> list[ConditionCheck]:
        """A duty that names no area covers "an attack on a party": at a named place, is it?

        With an area (NATO Art. 6, "under the administration of Japan") the area rule
        decides and reports it; without one, the sovereignty rule of AREAS.md does.
        """
        conditions = binding.obligation.conditions
        has_area = bool(conditions.get("place")) or any(
            r.get("conditions", {}).get("place") for r in conditions.get("reservations") or ()
            if r.get("party") == binding.obligor
        )
        judge = getattr(self.places, "territory", None)
        if has_area or not act.place or judge is None:
            return []
        answer = judge(act, day)
        return [] if answer is None else [ConditionCheck("territory", *answer)]

    # -- one scenario ------------------------------------------------------------

    def run(self, scenario: Scenario, on_round=None) -> Outcome:
        """Fire ``scenario``; ``on_round(number, joined, acts_next)`` is called after each round
        (the CLI shows escalation's progress with it)."""
        with collector_paused():
            return self._run(scenario, on_round)

    def _run(self, scenario: Scenario, on_round=None) -> Outcome:
        day = scenario.on
        participants = {
            state: Participant(state, side, 0) for state, side in initial_sides(scenario.acts).items()
        }
        outcome = Outcome(scenario, participants, [], [], [], [], [], defaultdict(list), [], 0)
        describe = getattr(self.places, "describe", None)
        if describe is not None:
            # Resolve every place first: an unknown place is refused before anything fires.
            outcome.places = [describe(act, day) for act in scenario.acts]
            outcome.warnings = [w for act in scenario.acts for w in self.places.warnings(act, day)]
        attackers_of: dict[str, set[str]] = defaultdict(set)
        pending = [(act, 0, None) for act in scenario.acts]
        flags = {act.provoked for act in scenario.acts}
        initial_provoked = flags.pop() if len(flags) == 1 else None
        fired: set[tuple[str, str]] = set()
        seen: set[tuple] = set()
        round_number = 0
        history = _History()
        while pending:
            round_number += 1
            counted = {act.target: len(attackers_of[act.target]) for act, _, _ in pending}
            for act, _, _ in pending:
                attackers_of[act.target].add(act.attacker)
            drawn: dict[str, list[tuple[str, Reason, int]]] = defaultdict(list)
            new = []
            for act, act_round, origin in pending:
                fired.add((act.attacker, act.target))
                new.append(history.add(len(outcome.acts), act, act_round))
                outcome.acts.append((act, act_round, origin))
            recounted = {target for target, before in counted.items() if len(attackers_of[target]) != before}
            self._fire_round(new, day, attackers_of, outcome, drawn, seen, recounted, history)
            entered = self._enter(drawn, round_number, outcome)
            outcome.rounds = round_number
            if scenario.mode == "strict":
                break
            pending = []
            for participant in entered:
                for enemy in sorted(p.state for p in outcome.side(other_side(participant.side))):
                    if (participant.state, enemy) in fired:
                        continue
                    pending.append(self._counter_act(participant, enemy, round_number, initial_provoked))
            pending.sort(key=lambda item: (item[0].attacker, item[0].target))
            if on_round is not None:
                on_round(round_number, len(entered), len(pending))
        self._neutrality_conflicts(outcome)
        outcome.conflicted = dict(outcome.conflicted)
        outcome.pending = self._pending(scenario)
        return outcome

    def _pending(self, scenario: Scenario) -> list:
        """Defence duties toward a target that are signed but do not bind yet on the date.

        A treaty signed but not in force (Russia–DPRK on 2024-06-20), or an
        accession signed but not yet effective, would bind once it is: users
        want to see it beside the duties that bind today.
        """
        day, kb = scenario.on, self.kb
        out, seen = [], set()
        for act in scenario.acts:
            for treaty_id in sorted({m.treaty_id for m in kb.memberships_of_state.get(act.target, [])}):
                treaty = kb.treaties[treaty_id]
                if treaty.ended is not None and treaty.ended <= day:
                    continue
                holders = {}
                for membership in kb.memberships[treaty_id]:
                    if membership.bound_on(treaty, day) or membership.pending_on(treaty, day):
                        holders[membership.state_id] = membership
                target = holders.get(act.target)
                if target is None:
                    continue
                for obligation in kb.obligations.get(treaty_id, []):
                    if obligation.kind != "defense":
                        continue
                    for state, membership in sorted(holders.items()):
                        if state in (act.target, act.attacker):
                            continue
                        if not (membership.pending_on(treaty, day) or target.pending_on(treaty, day)):
                            continue
                        if obligation.obligors != "members" and state not in obligation.obligors:
                            continue
                        if obligation.beneficiaries != "members" and act.target not in obligation.beneficiaries:
                            continue
                        starts = [m.start(treaty) for m in (membership, target)]
                        binds_from = None if None in starts else max(starts)
                        key = (state, act.target, treaty_id, obligation.key)
                        if key not in seen:
                            seen.add(key)
                            out.append((state, act.target, treaty, obligation, binds_from))
        return out

    @staticmethod
    def _neutrality_conflicts(outcome: Outcome) -> None:
        """A state fighting beside a party it has promised not to help is conflicted."""
        for duty, may_not_help in outcome.stay_out:
            participant = outcome.participants.get(duty.state)
            helped = outcome.participants.get(may_not_help) if may_not_help else None
            if participant and helped and participant.round > 0 and participant.side == helped.side:
                outcome.conflicted[duty.state].append((f"may not help {may_not_help}", duty.reason))
                outcome.conflicted[duty.state].extend(
                    (f"bound to the {participant.side}", reason) for reason in participant.reasons
                )

    def _counter_act(self, participant: Participant, enemy: str, round_number: int, initial_provoked):
        """A state that enters the war attacks the other side on its home territory.

        The attackers' side started the war: a strike by the targets' side answers
        that aggression (provoked, unless the target had provoked the first
        attack), while a strike by the attackers' side is as provoked as the first
        act was. Non-provocation clauses read this flag.
        """
        if participant.side == DEFENDERS:
            provoked = None if initial_provoked is None else not initial_provoked
        else:
            provoked = initial_provoked
        act = Act(participant.state, enemy, place=None, provoked=provoked, requested=None, home=True)
        return act, round_number, participant.state

    def _index(self, state: str, day: dt.date) -> _DutyIndex:
        key = (day, state)
        if key not in self._indexes:
            self._indexes[key] = _DutyIndex(state, self.duties_of(state, day))
        return self._indexes[key]

    def _fire_round(self, new, day, attackers_of, outcome: Outcome, drawn, seen, recounted=frozenset(),
                    history=None) -> None:
        """Fire a round's new acts (``(order, act, round)``), grouped by target and by attacker.

        Only what the round changed is looked at again. The new acts fire every duty
        they touch. An act of an earlier round is looked at again only where its
        answer can have changed: a duty whose conditions count the attackers, when
        the round brought its target (``recounted``) a new attacker. Everything else
        an earlier act decided stays decided, so the result equals firing every act
        of the war again each round (tests/engine/test_incremental.py checks that).
        Within a group, a duty already recorded, or whose conditions read nothing that
        differs between the acts, needs no second look.
        """
        history = history if history is not None else _History()
        by_target: dict[str, list] = defaultdict(list)
        by_attacker: dict[str, list] = defaultdict(list)
        for entry in new:
            by_target[entry[1].target].append(entry)
            by_attacker[entry[1].attacker].append(entry)
        for target in recounted:
            for entry in history.on[target]:
                by_attacker.setdefault(entry[1].attacker, [])  # its offense duties may count them
        for target, group in by_target.items():
            duties = self._index(target, day)
            attackers = len(attackers_of[target])
            for binding in duties.defended_by:
                acts = history.on[target] if target in recounted and self._depends_on(binding)[2] else group
                self._draw_group(binding, acts, day, attackers, outcome, drawn, hostile_role="attacker")
            for binding in duties.owed_other:
                for index, act, act_round in group:
                    if binding.obligor == act.attacker:
                        continue
                    self._duty(binding, act, act_round, day, act.attacker, attackers, outcome, seen,
                               may_not_help=act.attacker)
                    if binding.kind == "consultation":
                        break  # one consultation per duty, whichever act fired it
            for index, act, act_round in group:
                for binding in duties.defends.get(act.attacker, ()):
                    self._collision(binding, act, act_round, outcome, index)
        for attacker, group in by_attacker.items():
            duties = self._index(attacker, day)
            for binding in duties.joined_by:
                if self._depends_on(binding)[2] and any(e[1].target in recounted for e in history.by[attacker]):
                    acts = history.by[attacker]
                else:
                    acts = group
                self._draw_group(binding, acts, day, None, outcome, drawn, hostile_role="target",
                                 attackers_of=attackers_of)
            for binding in duties.owed_other:
                if binding.kind == "neutrality" and binding.obligation.conditions.get("protects") == "victim":
                    continue  # the clause protects the beneficiary as a victim, not as the attacker
                for index, act, act_round in group:
                    if binding.obligor == act.target:
                        continue
                    self._duty(binding, act, act_round, day, act.target, len(attackers_of[act.target]), outcome,
                               seen, may_not_help=act.target)
                    if binding.kind == "consultation":
                        break
            for index, act, act_round in group:
                for binding in duties.promises.get(act.target, ()):
                    if binding.kind == "nonaggression":
                        self._duty(binding, act, act_round, day, act.target, len(attackers_of[act.target]),
                                   outcome, seen, may_not_help=None)
                    else:
                        self._collision(binding, act, act_round, outcome, index)

    def _draw_group(self, binding, group, day, attackers, outcome, drawn, *, hostile_role,
                    attackers_of=None) -> None:
        """One defense or offense duty against every act of a group (same target, or same attacker)."""
        if not group:
            return
        hostile_matters = self._depends_on(binding)[0]
        # One look serves the whole group when its acts differ only in what the duty does not
        # read: the hostile state (unless an adversary clause names it, or a place's judge may
        # ask who attacks). That holds only for a group by target (a defense duty): the count
        # of attackers is then the same, and so is the place an act without one strikes (the
        # target's home). An offense duty's group is by attacker, and its acts strike different
        # targets, whose homes an area may or may not contain: each act is judged.
        independent = (
            hostile_role == "attacker"
            and not hostile_matters
            and len({(a.place, a.home, a.provoked, a.requested, a.attacker if a.place else None)
                     for _, a, _ in group}) == 1
        )
        for index, act, act_round in group:
            hostile = act.attacker if hostile_role == "attacker" else act.target
            if binding.obligor == hostile:
                continue
            count = attackers if attackers is not None else len(attackers_of[act.target])
            self._draw(binding, act, act_round, day, hostile, count, outcome, drawn, index)
            if independent:
                break  # the same answer for every act of the group

    def _draw(self, binding, act, act_round, day, hostile, attackers, outcome: Outcome, drawn, order=0) -> None:
        """A defense or offense duty: the obligor may be drawn onto the beneficiary's side.

        Each duty is recorded once per side, from the first act that fires it: in
        escalation the same duty toward the same state fires for every enemy that
        enters, and repeating it would add nothing but length.
        """
        side = outcome.participants[binding.beneficiary].side
        duty = (binding.obligor, side, binding.treaty.id, binding.obligation.key, binding.beneficiary)
        if duty in outcome.recorded:
            return
        checks, result = self.judge(binding, act, day, hostile, attackers)
        if result == "bound":
            outcome.recorded.add(duty)
            drawn[binding.obligor].append((side, Reason(binding, act, act_round, checks), order))
        elif result == "conditional" and duty not in outcome.conditional_seen:
            outcome.conditional_seen.add(duty)
            outcome.conditional.append((binding.obligor, side, Reason(binding, act, act_round, checks)))

    def _duty(self, binding, act, act_round, day, hostile, attackers, outcome: Outcome, seen, may_not_help) -> None:
        # A promise not to attack is broken once per act, a duty to stay out once
        # per state it may not help, a duty to consult once, whichever act fired it.
        key = (binding.kind, binding.obligor, binding.beneficiary, binding.obligation.key)
        if binding.kind == "nonaggression":
            key += (act.attacker, act.target)
        elif binding.kind == "neutrality":
            key += (may_not_help,)
        if key in seen:
            return
        seen.add(key)
        checks, result = self.judge(binding, act, day, hostile, attackers)
        reason = Reason(binding, act, act_round, checks)
        if result == "not_bound":
            return
        duty = Duty(binding.obligor, binding.beneficiary, reason, result)
        if binding.kind == "nonaggression":
            outcome.violations.append(duty)
        elif binding.kind == "consultation":
            outcome.consult.append(duty)
        else:
            outcome.stay_out.append((duty, may_not_help))

    def _collision(self, binding, act, act_round, outcome: Outcome, order: int) -> None:
        """A and T bound to each other: reported once per article and pair, from the first act
        that shows it (either of the two directions of the duty can)."""
        key = ("collision", binding.treaty.id, binding.obligation.key, *sorted((act.attacker, act.target)))
        duty = Duty(binding.obligor, binding.beneficiary, Reason(binding, act, act_round, ()), "bound")
        found = outcome.collided.get(key)
        if found is None:
            outcome.collided[key] = (order, len(outcome.collisions))
            outcome.collisions.append(duty)
        elif order < found[0]:
            outcome.collided[key] = (order, found[1])
            outcome.collisions[found[1]] = duty

    def _enter(self, drawn, round_number: int, outcome: Outcome) -> list[Participant]:
        """Put the states bound this round on their side; a state bound to both sides is conflicted."""
        entered = []
        for state in sorted(drawn):
            # in the order of the acts that fired them, as if fired one act at a time
            reasons = [(side, reason) for side, reason, _ in sorted(drawn[state], key=lambda item: item[2])]
            sides = {side for side, _ in reasons}
            current = outcome.participants.get(state)
            if current is not None:
                sides.add(current.side)
            if len(sides) > 1 or (current is None and state in outcome.conflicted):
                # conflicted once, it stays out: later rounds only add reasons
                outcome.conflicted[state].extend((f"bound to the {side}", reason) for side, reason in reasons)
                continue
            (side,) = sides
            if current is None:
                current = Participant(state, side, round_number, entered_via=reasons[0][1])
                outcome.participants[state] = current
                entered.append(current)
            current.reasons.extend(reason for _, reason in reasons)
        return entered
