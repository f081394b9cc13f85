"""The engine's outcome as the documented JSON contract (docs/engine.md)."""

from __future__ import annotations

from typing import Any

from casus.engine.fire import ATTACKERS, DEFENDERS, Duty, Outcome, Participant, Reason
from casus.engine.pause import collector_paused


class Report:
    def __init__(self, outcome: Outcome, registry) -> None:
        self.outcome = outcome
        self.registry = registry
        self.on = outcome.scenario.on
        self.origins = {(act.attacker, act.target): origin for act, _, origin in outcome.acts}
        # An escalation repeats the same states, duties and condition checks thousands of
        # times: each is turned into JSON once and shared (the output is read-only).
        self._states: dict[str, dict[str, Any]] = {}
        self._duties: dict[tuple, dict[str, Any]] = {}
        self._checks: dict[int, list[dict[str, Any]]] = {}
        self._treaties: dict[str, dict[str, Any]] = {}
        self._rules: dict[tuple, str] = {}
        self._acts: dict[tuple, dict[str, Any]] = {}

    def state(self, state_id: str | None) -> dict[str, Any] | None:
        if not state_id:
            return None
        if state_id not in self._states:
            self._states[state_id] = self.registry.get(state_id).to_json(on=self.on)
        return self._states[state_id]

    def act(self, reason: Reason) -> dict[str, Any]:
        act = reason.act
        key = (act.attacker, act.target, reason.act_round, act.place, act.home)
        found = self._acts.get(key)
        if found is None:
            found = self._acts[key] = {
                "attacker": act.attacker,
                "target": act.target,
                "round": reason.act_round,
                "place": act.place or ("home territory" if act.home else None),
            }
        return found

    def treaty(self, treaty) -> dict[str, Any]:
        if treaty.id not in self._treaties:
            self._treaties[treaty.id] = treaty.ref()
        return self._treaties[treaty.id]

    def territory_rule(self, reason: Reason) -> str:
        """Whether the duty's area looks at sovereignty or at administration (AREAS.md)."""
        binding = reason.binding
        conditions = binding.obligation.conditions
        # the same for every obligor of an article, unless one made a reservation
        key = (binding.treaty.id, binding.obligation.key, binding.obligor if conditions.get("reservations") else None)
        found = self._rules.get(key)
        if found is None:
            from casus.places.areas import territory_rule  # the gazetteer's package: only when an answer has duties

            areas = [(conditions.get("place") or {}).get("area")]
            areas += [(r["conditions"].get("place") or {}).get("area") for r in conditions.get("reservations") or ()
                      if r["party"] == binding.obligor]
            rules = {territory_rule(area) for area in areas if area} or {"sovereignty"}
            found = self._rules[key] = "administration" if "administration" in rules else "sovereignty"
        return found

    def reason(self, reason: Reason) -> dict[str, Any]:
        """One reason as the contract's ``Reason``, in its field order. What the duty gives is built
        once per duty, as a whole reason, and copied: an escalation reports tens of thousands."""
        binding = reason.binding
        against = reason.act.attacker if binding.kind != "offense" else reason.act.target
        key = (binding.treaty.id, binding.obligation.key, binding.obligor, binding.beneficiary)
        duty = self._duties.get(key)
        if duty is None:
            duty = self._duties[key] = {
                "kind": binding.kind,
                "treaty": self.treaty(binding.treaty),
                "article": binding.obligation.article,
                "label": binding.obligation.article_label,
                "strength": binding.obligation.strength,
                "toward": self.state(binding.beneficiary),
                "against": None,
                "act": None,
                "conditions": None,
                "territory_rule": self.territory_rule(reason),
                "notes": list(binding.notes),
                "source": binding.obligation.source,
                "uncertain": binding.uncertain,
                "basis": binding.basis_json(),
            }
        checks = self._checks.get(id(reason.checks))
        if checks is None:
            checks = self._checks[id(reason.checks)] = [check.to_json() for check in reason.checks]
        out = duty.copy()  # keeps the order; the three below are set in place
        out["against"] = self.state(against)
        out["act"] = self.act(reason)
        out["conditions"] = checks
        return out

    def chain(self, participant: Participant) -> list[dict[str, Any]]:
        """How the state came in: the initial act, then each entry that led to it."""
        steps: list[dict[str, Any]] = []
        current = participant
        visited = set()
        while current is not None and current.entered_via is not None and current.state not in visited:
            visited.add(current.state)
            via = current.entered_via
            steps.append(
                {
                    "state": current.state,
                    "round": current.round,
                    "kind": via.kind,
                    "treaty": via.binding.treaty.id,
                    "article": via.binding.obligation.article,
                    "label": via.binding.obligation.article_label,
                    "toward": via.binding.beneficiary,
                    "act": f"{via.act.attacker} attacks {via.act.target}",
                }
            )
            origin = self.origins.get((via.act.attacker, via.act.target))
            current = self.outcome.participants.get(origin) if origin else None
        if steps:
            last = self.outcome.participants[steps[-1]["state"]].entered_via.act
            steps.append({"act": f"{last.attacker} attacks {last.target}", "round": 0, "initial": True})
        return list(reversed(steps))

    def participant(self, participant: Participant) -> dict[str, Any]:
        return {
            "state": self.state(participant.state),
            "round": participant.round,
            "reasons": [self.reason(r) for r in participant.reasons],
            "chain": self.chain(participant),
        }

    def duty(self, duty: Duty, **extra: Any) -> dict[str, Any]:
        return {
            "state": self.state(duty.state),
            "toward": self.state(duty.toward),
            "status": duty.status,
            **extra,
            "reason": self.reason(duty.reason),
        }

    def sorted_side(self, side: str) -> list[dict[str, Any]]:
        people = sorted(
            self.outcome.side(side),
            key=lambda p: (p.round, self.registry.get(p.state).name_on(self.on), p.state),
        )
        return [self.participant(p) for p in people]

    def to_json(self) -> dict[str, Any]:
        with collector_paused():
            return self._to_json()

    def _to_json(self) -> dict[str, Any]:
        outcome = self.outcome
        scenario = outcome.scenario
        name = lambda state_id: self.registry.get(state_id).name_on(self.on)  # noqa: E731
        unique = {}
        for state, side, reason in outcome.conditional:
            key = (state, side, reason.binding.treaty.id, reason.binding.obligation.key, reason.binding.beneficiary)
            unique.setdefault(key, (state, side, reason))
        conditional = sorted(unique.values(), key=lambda item: (name(item[0]), item[2].binding.treaty.id))
        return {
            "on": self.on.isoformat(),
            "mode": scenario.mode,
            "acts": [
                {**act.to_json(self.registry, self.on),
                 "resolved_place": outcome.places[index] if index < len(outcome.places) else None}
                for index, act in enumerate(scenario.acts)
            ],
            "warnings": list(outcome.warnings),
            "rounds": outcome.rounds,
            "sides": {"attackers": self.sorted_side(ATTACKERS), "defenders": self.sorted_side(DEFENDERS)},
            "conditional": [
                {
                    "state": self.state(state),
                    "side": side,
                    "open": [c["condition"] for c in self.reason(reason)["conditions"] if c["status"] == "open"],
                    "reason": self.reason(reason),
                }
                for state, side, reason in conditional
                if state not in outcome.participants
            ],
            "consult": [
                self.duty(d)
                for d in sorted(outcome.consult, key=lambda d: (name(d.state), name(d.toward), d.reason.binding.treaty.id))
            ],
            "stay_out": [
                self.duty(d, may_not_help=self.state(helped))
                for d, helped in sorted(
                    outcome.stay_out, key=lambda item: (name(item[0].state), name(item[0].toward), item[1] or "")
                )
            ],
            "violations": [
                self.duty(d)
                for d in sorted(outcome.violations, key=lambda d: (name(d.state), name(d.toward), d.reason.binding.treaty.id))
            ],
            "collisions": [
                {
                    "treaty": d.reason.binding.treaty.ref(),
                    "article": d.reason.binding.obligation.article,
                    "label": d.reason.binding.obligation.article_label,
                    "attacker": self.state(d.reason.act.attacker),
                    "target": self.state(d.reason.act.target),
                    "bound": f"{d.state} is bound to defend {d.toward}",
                }
                for d in sorted(
                    outcome.collisions,
                    key=lambda d: (d.reason.binding.treaty.id, d.reason.binding.obligation.article, d.state, d.toward),
                )
            ],
            "pending": [
                {
                    "state": self.state(state),
                    "toward": self.state(toward),
                    "treaty": treaty.ref(),
                    "article": obligation.article,
                    "label": obligation.article_label,
                    "kind": obligation.kind,
                    "status": treaty.status_on(self.on),
                    "binds_from": binds_from.isoformat() if binds_from else None,
                }
                for state, toward, treaty, obligation, binds_from in outcome.pending
            ],
            "conflicted": [
                {
                    "state": self.state(state),
                    "reasons": [{**self.reason(reason), "why": why} for why, reason in items],
                }
                for state, items in sorted(outcome.conflicted.items(), key=lambda item: name(item[0]))
            ],
        }
