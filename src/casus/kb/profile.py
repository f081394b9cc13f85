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
        return {
            "state": kb.registry.get(self.other).to_json(on=on),
            "role": self.role,
            "treaty": self.binding.treaty.ref(),
            "article": obligation.article,
            "kind": obligation.kind,
            "strength": obligation.strength,
            "conditions": obligation.conditions,
            "summary": obligation.summary,
            "source": obligation.source,
            "notes": list(self.binding.notes),
            "uncertain": obligation.uncertain,
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


@dataclass
class StateProfile:
    state_id: str
    on: dt.date
    defended_by: list[Duty] = field(default_factory=list)
    defends: list[Duty] = field(default_factory=list)
    other: list[Duty] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self, kb: KnowledgeBase) -> dict[str, Any]:
        return {
            "state": kb.registry.get(self.state_id).to_json(on=self.on),
            "on": self.on.isoformat(),
            "defended_by": [d.to_json(kb, self.on) for d in self.defended_by],
            "defends": [d.to_json(kb, self.on) for d in self.defends],
            "other": [d.to_json(kb, self.on) for d in self.other],
            "pending": [p.to_json(kb, self.on) for p in self.pending],
            "notes": list(self.notes),
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
            f"Art. {o.article} {o.kind}" for o in kb.obligations.get(treaty.id, [])
        )
        profile.pending.append(Pending(treaty, membership, kinds))
    for treaty, suspension in kb.suspensions_of(state.id, on):
        effect = "suspended" if suspension.legal_effect == "suspended" else "declared, no legal effect"
        profile.notes.append(f"{treaty.name}: {suspension.summary} ({effect}, since {suspension.valid_from}).")
    return profile
