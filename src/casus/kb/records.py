"""The knowledge base's records as read from the store (one version each)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from casus.pickling import quick_pickle

MEMBERS = "members"
UNILATERAL_NOTE = (
    "a unilateral pledge, not a treaty: it binds only the state that made it, which may revoke it alone; "
    "the state it protects owes nothing in return"
)


_NUMBERED = re.compile(r"(?P<num>\d+|[IVXLCDM]+)(?P<sub>(?:\(\w+\))*)(?:[-–](?P<to>\d+|[IVXLCDM]+))?(?P<rest>\s.*)?")
_NUMBER_AND_KIND = re.compile(r"(?P<num>\d+|[IVXLCDM]+)-(?P<what>[a-z][a-z-]*)")


@functools.lru_cache(maxsize=4096)  # a pure function of two strings, asked once per reason of an answer
def article_label(article: str, label: str | None = None) -> str:
    """How answers name an article: a curated ``label`` when the data gives one, else by rule:
    a numbered article as "Art. 5" ("Art. IV(1)", "Arts. 17–18"; "Art. 4" for an id that adds
    the kind, "4-consultation", since the kind is shown beside it), a section as itself
    ("Sec. 2"), a clause known only by what it does by that name, "mutual assistance" (its
    text was not read, so it has no number), and an article read from the news whose number
    is not known as "article not known"."""
    if label:
        return label
    article = " ".join(article.split())
    if article in ("", "?"):
        return "article not known"
    if re.match(r"(Art|Arts|Sec|Section|Para|Part|Chapter)\b", article, re.IGNORECASE):
        return article
    numbered = _NUMBERED.fullmatch(article)
    if numbered and numbered["to"] and numbered["to"].isdigit() and int(numbered["to"]) <= int(numbered["num"]):
        numbered = None  # "1373-1": Art. 1 of the 1373 treaty, not a range; curate its label
    if numbered:
        if numbered["to"]:
            return f"Arts. {numbered['num']}{numbered['sub']}–{numbered['to']}{numbered['rest'] or ''}"
        return f"Art. {numbered['num']}{numbered['sub']}{numbered['rest'] or ''}"
    with_kind = _NUMBER_AND_KIND.fullmatch(article)
    if with_kind:
        return f"Art. {with_kind['num']}"
    if re.fullmatch(r"[a-z][a-z-]*", article):
        return re.sub(r"(?<!\bnon)-", " ", article)
    return article


def _within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """``day`` in ``[start, end)``; a missing start means "never began"."""
    return start is not None and start <= day and (end is None or day < end)


@quick_pickle
@dataclass(frozen=True, slots=True)
class TreatyRecord:
    id: str
    name: str
    aliases: tuple[str, ...]
    organisation: str | None
    signed: dt.date | None
    in_force: dt.date | None
    ended: dt.date | None
    end_reason: str | None
    atop_id: int | None
    notes: str | None
    uncertain: str | None
    source: dict[str, Any]
    instrument: str = "treaty"
    """``treaty`` or ``unilateral`` (a pledge that binds only the state that made it)."""
    short: str | None = None
    """The curated short name ("China–DPRK 1961"); see ``short_name``."""

    @property
    def short_name(self) -> str:
        """How a table names the treaty: the curated short name, else the organisation, else
        "ATOP 3240" for an imported alliance, else the id (a full title does not fit 80 columns)."""
        if self.short or self.organisation:
            return self.short or self.organisation
        if self.id.startswith("atop-") and self.atop_id is not None:
            return f"ATOP {self.atop_id}"
        return self.id

    def in_force_on(self, day: dt.date) -> bool:
        return _within(day, self.in_force, self.ended)

    def status_on(self, day: dt.date) -> str:
        """``in force``, ``signed`` (not yet in force), ``ended`` or ``not yet signed``."""
        if self.in_force_on(day):
            return "in force"
        if self.ended is not None and day >= self.ended:
            return "ended"
        if self.signed is not None and self.signed <= day:
            return "signed"
        return "not yet signed"

    def ref(self) -> dict[str, str | None]:
        """How answers name the treaty (every field of ``contracts.TreatyRef``, in its order); a
        unilateral pledge says so wherever it appears."""
        if self.instrument == "unilateral":
            return {"id": self.id, "name": self.name, "short": self.short_name, "instrument": "unilateral",
                    "note": UNILATERAL_NOTE}
        return {"id": self.id, "name": self.name, "short": self.short_name, "instrument": None, "note": None}


@quick_pickle
@dataclass(frozen=True, slots=True)
class MembershipRecord:
    key: str
    treaty_id: str
    state_id: str
    signed: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    left_reason: str | None
    note: str | None
    uncertain: str | None
    source: dict[str, Any]

    def start(self, treaty: TreatyRecord) -> dt.date | None:
        """First day bound: the state's own date, never before the treaty's entry into force."""
        if treaty.in_force is None:
            return None  # a treaty not in force binds nobody
        if self.valid_from is None:
            return treaty.in_force
        return max(self.valid_from, treaty.in_force)

    def end(self, treaty: TreatyRecord) -> dt.date | None:
        ends = [d for d in (self.valid_to, treaty.ended) if d is not None]
        return min(ends) if ends else None

    def bound_on(self, treaty: TreatyRecord, day: dt.date) -> bool:
        return _within(day, self.start(treaty), self.end(treaty))

    def pending_on(self, treaty: TreatyRecord, day: dt.date) -> bool:
        """Signed but not yet bound on ``day`` (and the treaty has not ended)."""
        if self.signed is None or day < self.signed or self.bound_on(treaty, day):
            return False
        start = self.start(treaty)
        ended = self.end(treaty)
        return (start is None or day < start) and (ended is None or day < ended)


@quick_pickle
@dataclass(frozen=True, slots=True)
class ObligationRecord:
    key: str
    treaty_id: str
    article: str
    kind: str
    strength: str
    obligors: str | tuple[str, ...]
    beneficiaries: str | tuple[str, ...]
    conditions: dict[str, Any]
    summary: str
    note: str | None
    uncertain: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: dict[str, Any]
    label: str | None = None
    """The curated label ("1661 secret article"), where the rule of ``article_label`` reads oddly."""

    @property
    def article_label(self) -> str:
        return article_label(self.article, self.label)

    def in_force_on(self, treaty: TreatyRecord, day: dt.date) -> bool:
        if not treaty.in_force_on(day):
            return False
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@quick_pickle
@dataclass(frozen=True, slots=True)
class SuspensionRecord:
    key: str
    treaty_id: str
    obligors: str | tuple[str, ...]
    beneficiaries: str | tuple[str, ...]
    valid_from: dt.date
    valid_to: dt.date | None
    legal_effect: str
    summary: str
    source: dict[str, Any]

    def covers(self, obligor: str, beneficiary: str, day: dt.date) -> bool:
        return (
            _within(day, self.valid_from, self.valid_to)
            and (self.obligors == MEMBERS or obligor in self.obligors)
            and (self.beneficiaries == MEMBERS or beneficiary in self.beneficiaries)
        )


@quick_pickle
@dataclass(frozen=True, slots=True)
class Binding:
    """One directed duty on a date: ``obligor`` is bound toward ``beneficiary``."""

    obligor: str
    beneficiary: str
    treaty: TreatyRecord
    obligation: ObligationRecord
    notes: tuple[str, ...] = field(default=())
    basis: tuple[tuple[str, str], ...] = field(default=())
    """The uncertain facts the duty rests on: (which fact, why it is uncertain). Empty when
    every fact it rests on is settled in the sources."""

    @property
    def kind(self) -> str:
        return self.obligation.kind

    @property
    def uncertain(self) -> bool:
        return bool(self.basis)

    def basis_json(self) -> list[dict[str, str]]:
        return [{"fact": fact, "uncertain": why} for fact, why in self.basis]
