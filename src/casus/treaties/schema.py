"""The declared schema of treaty data files (one YAML file per treaty).

Every built-in or user-supplied treaty file is checked against these models on
load; a failure names the file, the record and the field (see ``loader.py``).
The words follow ``DESIGN.md``: a treaty has members over time and obligations
(ATOP's provisions) that bind obligors toward beneficiaries under conditions.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from casus.vocab import EndReason, Instrument, ObligationKind, Strength


# The vocabularies are defined once, in casus.vocab.
Kind = ObligationKind


MEMBERS = "members"
"""Obligor or beneficiary spec meaning every party in force on the date."""


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class SourceRef(_Record):
    """Where a curated fact comes from: an official text, with a URL."""

    url: str
    title: str | None = None
    article: str | None = None
    note: str | None = None

    @field_validator("url")
    @classmethod
    def _url_is_web_address(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("must be an http(s) URL")
        return value


class Membership(_Record):
    """A state's party-hood: valid over [joined, left)."""

    state: str
    signed: dt.date | None = None
    """When the state signed the treaty or its accession protocol."""
    joined: dt.date | None = None
    """First day the state is bound; defaults to the treaty's entry into force."""
    left: dt.date | None = None
    """First day the state is no longer bound (exclusive end)."""
    left_reason: Literal["withdrew", "expelled", "dissolved", "state_ended", "terminated"] | None = None
    source: SourceRef | None = None
    note: str | None = None
    uncertain: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Membership:
        if self.joined and self.left and self.left <= self.joined:
            raise ValueError(f"left ({self.left}) must come after joined ({self.joined})")
        if self.signed and self.left and self.left <= self.signed:
            raise ValueError(f"left ({self.left}) must come after signed ({self.signed})")
        return self


class PlaceCondition(_Record):
    area: str
    """Identifier of a named area (e.g. ``nato-art6``, ``japan-administered``)."""
    description: str


class AdversaryCondition(_Record):
    states: list[str] = Field(default_factory=list)
    """Only an attack by one of these states triggers the obligation."""
    non_members: bool = False
    """Only an attack by a state outside the treaty triggers it."""
    description: str


class _ConditionFields(_Record):
    """ATOP's conditions on an obligation, plus the decidable ones casus adds."""

    place: PlaceCondition | None = None
    adversary: AdversaryCondition | None = None
    non_provocation: bool = False
    attackers: str | None = None
    """Number of attackers required, in words (ATOP's ``defconum``)."""
    demand: str | None = None
    """A request required first, e.g. the attacked party must ask for help."""
    conflict: str | None = None
    """A named conflict the obligation is limited to."""
    external: bool = False
    """Only an external attack (by another state), not an internal disturbance (FPDA, the US
    understanding to US–ROK): every act of a scenario is one state attacking another."""
    decision: str | None = None
    """A decision the duty waits for and a scenario cannot know (ECOWAS's Authority, the SADC
    Summit): who decides, in words. Always open, and the answer says what would decide it."""
    protects: Literal["victim", "any"] | None = None
    """For neutrality: whom the clause protects. ``victim``: the beneficiary only when it
    suffers aggression (Russia–Iran 2025 Art. 3), so it binds nobody when the beneficiary
    attacks; ``any`` (the default): the beneficiary in any war it fights."""
    other: str | None = None
    """A condition no field above captures (ATOP's flag): open, and named in the answer."""


class Reservation(_Record):
    """An understanding or reservation one party attached: conditions on that party's duty
    alone (the US understanding to US–ROK Art. III binds the United States, not Korea)."""

    party: str
    kind: Literal["understanding", "reservation", "declaration"] = "understanding"
    conditions: _ConditionFields
    summary: str
    source: SourceRef


class Conditions(_ConditionFields):
    """The conditions on an obligation; empty means unconditional. ``reservations`` add
    conditions on one party's duty only."""

    reservations: list[Reservation] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return self == Conditions()


class Obligation(_Record):
    """One article that creates one kind of obligation."""

    article: str
    label: str | None = Field(default=None, max_length=40)
    """How answers name the article where the rule (``casus.kb.records.article_label``: "Art. 5",
    "mutual assistance clause") reads oddly: "1661 secret article"."""
    kind: Kind
    strength: Strength
    obligors: list[str] | Literal["members"] = MEMBERS
    beneficiaries: list[str] | Literal["members"] = MEMBERS
    valid_from: dt.date | None = None
    """When the obligation starts, if later than the treaty's entry into force."""
    valid_to: dt.date | None = None
    """When the obligation ends (exclusive), if before the treaty's end."""
    conditions: Conditions = Field(default_factory=Conditions)
    summary: str
    """One sentence in our own words: what the article obliges."""
    source: SourceRef
    note: str | None = None
    uncertain: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Obligation:
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise ValueError(f"valid_to ({self.valid_to}) must come after valid_from ({self.valid_from})")
        return self

    @property
    def key(self) -> str:
        return f"art{self.article}:{self.kind.value}"


class Suspension(_Record):
    """Obligations from ``obligors`` toward ``beneficiaries`` suspended over [from, to).

    ``legal_effect: none`` records a declared freeze that leaves the legal
    obligation standing (Armenia in the CSTO since 2024): shown, not applied.
    """

    obligors: list[str] | Literal["members"]
    beneficiaries: list[str] | Literal["members"]
    from_: dt.date = Field(alias="from")
    to: dt.date | None = None
    legal_effect: Literal["suspended", "none"] = "suspended"
    summary: str
    source: SourceRef

    @model_validator(mode="after")
    def _ordered(self) -> Suspension:
        if self.to and self.to <= self.from_:
            raise ValueError(f"to ({self.to}) must come after from ({self.from_})")
        return self


class Treaty(_Record):
    """A treaty (an organisation is represented by its founding treaty)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    aliases: list[str] = Field(default_factory=list)
    organisation: str | None = None
    """Short name of the organisation the treaty founds (``NATO``, ``CSTO``)."""
    short: str | None = Field(default=None, max_length=24)
    """How answers name the treaty in a table ("NATO", "China–DPRK 1961"); default the organisation."""
    instrument: Instrument = Instrument.treaty
    """``unilateral``: a pledge by one state (its maker, the one obligor); the states it
    protects are listed as members so the engine can name them, but owe nothing."""
    signed: dt.date | None = None
    in_force: dt.date | None = None
    ended: dt.date | None = None
    end_reason: EndReason | None = None
    atop_id: int | None = None
    source: SourceRef
    members: list[Membership]
    obligations: list[Obligation] = Field(default_factory=list)
    suspensions: list[Suspension] = Field(default_factory=list)
    notes: str | None = None
    uncertain: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Treaty:
        if self.signed and self.in_force and self.in_force < self.signed:
            raise ValueError(f"in_force ({self.in_force}) is before signed ({self.signed})")
        if self.ended and self.in_force and self.ended <= self.in_force:
            raise ValueError(f"ended ({self.ended}) must come after in_force ({self.in_force})")
        if self.ended and not self.end_reason:
            raise ValueError("ended is set but end_reason is missing")
        if self.instrument == Instrument.unilateral:
            makers = {tuple(o.obligors) if o.obligors != MEMBERS else MEMBERS for o in self.obligations}
            if len(makers) != 1 or MEMBERS in makers or len(next(iter(makers))) != 1:
                raise ValueError("a unilateral pledge binds one maker: every obligation's obligors must name that one state")
        keys = [o.key for o in self.obligations]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(f"two obligations share article and kind: {', '.join(duplicates)}")
        return self

    def membership_start(self, member: Membership) -> dt.date | None:
        """First day ``member`` is bound: its own date, else entry into force."""
        return member.joined or self.in_force
