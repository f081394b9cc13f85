"""casus's vocabularies, each defined once (DESIGN.md, "Words").

Library code, the treaty schema, the JSON contracts and the API's OpenAPI
document all take their allowed values from these enums; a new value is added
here and nowhere else. Values are the strings of the JSON contract.

>>> ObligationKind("defense") is ObligationKind.defense
True
>>> values(Strength)
('automatic', 'discretionary', 'consult', 'unspecified')
"""

from __future__ import annotations

from enum import StrEnum


class ObligationKind(StrEnum):
    """ATOP's five kinds of obligation (ATOP calls them provisions)."""

    defense = "defense"
    offense = "offense"
    neutrality = "neutrality"
    nonaggression = "nonaggression"
    consultation = "consultation"


class Strength(StrEnum):
    """How firmly an article binds, beyond ATOP's coding."""

    automatic = "automatic"  # "shall immediately render assistance by all means"
    discretionary = "discretionary"  # "such action as it deems necessary"
    consult = "consult"  # only a duty to confer
    unspecified = "unspecified"  # the source does not code it (ATOP, the news)


class EndReason(StrEnum):
    """Why a treaty ended."""

    terminated = "terminated"
    expired = "expired"
    lapsed = "lapsed"
    superseded = "superseded"


class LeftReason(StrEnum):
    """Why a state stopped being a party."""

    withdrew = "withdrew"
    expelled = "expelled"
    dissolved = "dissolved"
    state_ended = "state_ended"
    terminated = "terminated"


class LegalEffect(StrEnum):
    """What a suspension does: suspend the duty, or only declare a freeze."""

    suspended = "suspended"
    none = "none"


class TreatyStatus(StrEnum):
    """A treaty's status on a date."""

    in_force = "in force"
    signed = "signed"
    ended = "ended"
    not_yet_signed = "not yet signed"


class Event(StrEnum):
    """What the news says happened to an agreement (the reader's events)."""

    signed = "signed"
    ratified = "ratified"
    entered_into_force = "entered_into_force"
    acceded = "acceded"
    withdrew = "withdrew"
    suspended = "suspended"
    terminated = "terminated"
    announced = "announced"
    negotiating = "negotiating"
    invoked = "invoked"
    mentioned = "mentioned"


class Provision(StrEnum):
    """What an agreement in the news provides: the five kinds and three more."""

    defense = "defense"
    offense = "offense"
    neutrality = "neutrality"
    nonaggression = "nonaggression"
    consultation = "consultation"
    military_cooperation = "military_cooperation"
    economic = "economic"
    other = "other"


class Mode(StrEnum):
    """How far a scenario runs: the first round, or until nothing changes."""

    strict = "strict"
    escalation = "escalation"


class Role(StrEnum):
    """A state's role in a duty: bound (obligor) or owed (beneficiary)."""

    obligor = "obligor"
    beneficiary = "beneficiary"


class ConditionStatus(StrEnum):
    """Whether a scenario meets one condition of an article."""

    met = "met"
    not_met = "not_met"
    open = "open"


class DutyStatus(StrEnum):
    """Whether a non-fighting duty binds in a scenario."""

    bound = "bound"
    conditional = "conditional"


class Side(StrEnum):
    attackers = "attackers"
    defenders = "defenders"


class ProposalStatus(StrEnum):
    open = "open"
    accepted = "accepted"
    rejected = "rejected"


class ProposalKind(StrEnum):
    """What a proposal would change in the knowledge base (docs/reader.md)."""

    new_treaty = "new_treaty"
    new_member = "new_member"
    new_obligation = "new_obligation"
    ended_membership = "ended_membership"
    suspension = "suspension"
    new_date = "new_date"
    corroboration = "corroboration"
    contradiction = "contradiction"


class SourceKind(StrEnum):
    """Where a record came from (DESIGN.md, "Source")."""

    curated = "curated"
    imported = "imported"
    read = "read"
    edited = "edited"


def values(vocabulary: type[StrEnum]) -> tuple[str, ...]:
    """The allowed strings of a vocabulary, in their documented order."""
    return tuple(member.value for member in vocabulary)
