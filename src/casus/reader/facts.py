"""The reader's output: ``Reading`` and its JSON (the contract of the eval README)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

READER_VERSION = "casus-reader 0.2"


@dataclass
class Evidence:
    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Agreement:
    name: str | None
    parties: list[dict]
    event: str
    event_date: str | None
    provisions: list[str]
    evidence: list[Evidence]
    negated_provisions: list[str] = field(default_factory=list)
    # the sentences that state (or deny) the provisions, apart from the event's own
    provision_evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"name": self.name, "parties": self.parties, "event": self.event, "event_date": self.event_date,
                "provisions": self.provisions, "evidence": [e.to_json() for e in self.evidence],
                "negated_provisions": self.negated_provisions,
                "provision_evidence": [e.to_json() for e in self.provision_evidence]}


@dataclass
class Reading:
    article: dict
    agreements: list[Agreement]
    mentions: list[Any]
    quotes: list[dict]
    visits: list[dict]
    dates: list[Any] = field(default_factory=list)
    reader_version: str = READER_VERSION

    def to_json(self) -> dict:
        return {"article": self.article, "agreements": [a.to_json() for a in self.agreements],
                "mentions": [m.to_json() for m in self.mentions], "quotes": self.quotes, "visits": self.visits,
                "reader_version": self.reader_version}
