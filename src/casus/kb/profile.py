"""A state's commitments on a date: who defends it, whom it defends, what else binds it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from casus.kb.knowledge_base import KnowledgeBase
from casus.kb.records import Binding, MembershipRecord, TreatyRecord


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class Duty:
    """One entry of a profile: a binding seen from the profiled state."""

    binding: Binding
    role: str
    """``obligor`` when the profiled state is bound, ``beneficiary`` when it is owed."""

    @property
    def other(self) -> str:
        return self.binding.beneficiary if self.role == "obligor" else self.binding.obligor

    def to_json(self, kb: KnowledgeBase, on: dt.date) -> dict[str, Any]:
        obligation = self.binding.obligation
        beyond = kb.coverage_note(self.binding.treaty, on)
        return {
            "state": kb.registry.get(self.other).to_json(on=on),
            "role": self.role,
            "treaty": self.binding.treaty.ref(),
            "article": obligation.article,
            "label": obligation.article_label,
            "kind": obligation.kind,
            "strength": obligation.strength,
            "conditions": obligation.conditions,
            "summary": obligation.summary,
            "source": obligation.source,
            "notes": list(self.binding.notes),
            # the same facts as a scenario's reasons (treaty, article, membership), then the coverage
            "uncertain": "; ".join([why for fact, why in self.binding.basis if fact != beyond]
                                   + ([beyond] if beyond else [])) or None,
            "basis": self.binding.basis_json(),
            "known_to": iso(kb.known_to(self.binding.treaty)) if beyond else None,
        }


@dataclass(frozen=True)
class Pending:
    """A treaty the state signed that does not bind it yet on the date."""

    treaty: TreatyRecord
    membership: MembershipRecord
    obligations: tuple[str, ...]

    def to_json(self, kb: KnowledgeBase, on: dt.date) -> dict[str, Any]:
        start = self.membership.start(self.treaty)
        return {
            "treaty": self.treaty.ref(),
            "signed": iso(self.membership.signed),
            "treaty_in_force": iso(self.treaty.in_force),
            "binds_from": iso(start) if start and start > on else None,
            "status": self.treaty.status_on(on),
            "obligations": list(self.obligations),
            "source": self.membership.source,
        }


@dataclass(frozen=True)
class Ended:
    """A treaty whose duties toward or from the state ended before the date, and why."""

    treaty: TreatyRecord
    ended: dt.date
    why: str
    kinds: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"treaty": self.treaty.ref(), "ended": self.ended.isoformat(), "why": self.why,
                "kinds": list(self.kinds)}


def ended_duties(kb: KnowledgeBase, state_id: str, on: dt.date) -> list[Ended]:
    """The treaties that bound ``state_id`` (or were owed to it) and ended for it before ``on``:
    the treaty ended (terminated, expired…), or the state left it. Newest first."""
    out = []
    for membership in kb.memberships_of_state.get(state_id, []):
        treaty = kb.treaties[membership.treaty_id]
        start, end = membership.start(treaty), membership.end(treaty)
        if start is None or end is None or end > on or treaty.id in kb.shadowed:
            continue
        kinds = tuple(sorted({o.kind for o in kb.obligations.get(treaty.id, [])}))
        if not kinds:
            continue
        if treaty.ended is not None and end == treaty.ended:
            why = f"the treaty {treaty.end_reason or 'ended'}"
        else:
            why = f"{state_id} {(membership.left_reason or 'left').replace('_', ' ')}"
        if membership.note and treaty.ended != end:
            why += f" ({' '.join(membership.note.split())})"
        out.append(Ended(treaty, end, why, kinds))
    return sorted(out, key=lambda e: (e.ended, e.treaty.id), reverse=True)


@dataclass
class StateProfile:
    state_id: str
    on: dt.date
    defended_by: list[Duty] = field(default_factory=list)
    defends: list[Duty] = field(default_factory=list)
    other: list[Duty] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ended: list[Ended] = field(default_factory=list)

    def to_json(self, kb: KnowledgeBase) -> dict[str, Any]:
        return {
            "state": kb.registry.get(self.state_id).to_json(on=self.on),
            "on": self.on.isoformat(),
            "defended_by": [d.to_json(kb, self.on) for d in self.defended_by],
            "defends": [d.to_json(kb, self.on) for d in self.defends],
            "other": [d.to_json(kb, self.on) for d in self.other],
            "pending": [p.to_json(kb, self.on) for p in self.pending],
            "notes": list(self.notes),
            "ended": [e.to_json() for e in self.ended],
        }


def _order(kb: KnowledgeBase, on: dt.date):
    def key(duty: Duty):
        treaty = duty.binding.treaty
        return (
            treaty.in_force or dt.date.max,
            treaty.id,
            duty.binding.obligation.article,
            duty.binding.kind,
            kb.registry.get(duty.other).name_on(on),
            duty.role,
        )

    return key


def state_profile(kb: KnowledgeBase, state_id: str, on: dt.date) -> StateProfile:
    """Every duty that binds ``state_id`` or is owed to it on ``on``, with what is pending."""
    state = kb.registry.get(state_id)
    profile = StateProfile(state.id, on)
    if not state.existed_on(on):
        profile.notes.append(f"{state.name_on(on)} ({state.id}) did not exist as a state on {on.isoformat()}.")
    for binding in kb.bindings_of(state.id, on):
        role = "obligor" if binding.obligor == state.id else "beneficiary"
        duty = Duty(binding, role)
        if binding.kind == "defense" and role == "beneficiary":
            profile.defended_by.append(duty)
        elif binding.kind == "defense":
            profile.defends.append(duty)
        else:
            profile.other.append(duty)
    key = _order(kb, on)
    for duties in (profile.defended_by, profile.defends, profile.other):
        duties.sort(key=key)
    for treaty, membership in kb.pending_of(state.id, on):
        kinds = tuple(
            f"{o.article_label} {o.kind}" for o in kb.obligations.get(treaty.id, [])
        )
        profile.pending.append(Pending(treaty, membership, kinds))
    profile.ended = ended_duties(kb, state.id, on)
    defence_ended = [e for e in profile.ended if "defense" in e.kinds]
    if not profile.defended_by and defence_ended:
        last = defence_ended[0]
        profile.notes.append(f"No state is bound to defend {state.name_on(on)} on {on.isoformat()}; none since "
                             f"{last.treaty.short_name} ended for it on {last.ended.isoformat()} ({last.why}).")
    for treaty, suspension in kb.suspensions_of(state.id, on):
        effect = "suspended" if suspension.legal_effect == "suspended" else "declared, no legal effect"
        profile.notes.append(f"{treaty.name}: {suspension.summary} ({effect}, since {suspension.valid_from}).")
    return profile
