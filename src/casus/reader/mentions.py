"""Mentions of states and organisations: names, demonyms, capitals as metonyms,
leaders as of the publication date, organisations.

Patterns are built from data files: the state registry (names, aliases, demonyms,
capitals, metonyms), ``data/organisations.csv`` and ``data/leaders.csv`` (when present).
Matching is case-sensitive (``ORTH``) so "US" is a state and "us" is not; an alias that
names several states on the date ("Korea", "Korean") is left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from casus.reader.organisations import Organisation, load_organisations  # noqa: F401 - re-exported

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets into the article text
    end: int
    text: str
    kind: str  # name, demonym, capital, metonym, abbreviation, leader, organisation
    id: str  # a state id or an organisation id
    is_org: bool = False
    person: str | None = None

    def to_json(self) -> dict:
        data = {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind, "id": self.id}
        if self.person:
            data["person"] = self.person
        return data


def load_not_mentions(path: Path = DATA / "not_mentions.csv") -> list[str]:
    """Should-not-match names: a state's name inside a longer name ("South China Sea",
    "France 24", "Korean War"); case-sensitive, the longest match wins."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["name"]:
            raise ValueError(f"{path}: the one column must be 'name'")
        return [row["name"].strip() for row in reader if row["name"].strip()]


@dataclass(frozen=True)
class Leader:
    state: str
    name: str
    surname: str
    aliases: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None

    def in_office(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def load_leaders(path: Path = DATA / "leaders.csv") -> list[Leader]:
    if not path.exists():
        return []
    leaders = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            def day(value):
                return dt.date.fromisoformat(value) if value else None
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").replace("|", ";").split(";") if a.strip())
            leaders.append(Leader(row["state"], row["name"], row.get("surname") or "", aliases,
                                  day(row.get("from")), day(row.get("to"))))
    return leaders


@dataclass
class Lexicon:
    """Surface forms → (kind, id, person); ambiguous forms are dropped."""

    entries: dict[str, set[tuple[str, str, str | None]]] = field(default_factory=dict)

    def add(self, text: str, kind: str, ident: str, person: str | None = None) -> None:
        text = text.strip()
        if len(text) < 2:
            return
        self.entries.setdefault(text, set()).add((kind, ident, person))
        if text.startswith("the ") and kind != "metonym":
            self.entries.setdefault(text[4:], set()).add((kind, ident, person))

    def unambiguous(self) -> dict[str, tuple[str, str, str | None]]:
        out = {}
        for text, found in self.entries.items():
            ids = {ident for _, ident, _ in found}
            current = {e for e in found if e[0] != "historical"}
            if len(ids) > 1 and current and len({ident for _, ident, _ in current}) == 1:
                found, ids = current, {ident for _, ident, _ in current}
            if len(ids) == 1:
                # prefer the most specific kind for the same id
                out[text] = sorted(found, key=lambda e: e[0] != "leader")[0]
        return out


_KIND_ORDER = {"name": 0, "abbreviation": 1, "demonym": 2, "capital": 3, "metonym": 4}


def state_lexicon(on: dt.date | None, lexicon: Lexicon | None = None) -> Lexicon:
    from casus.states import default_registry

    lexicon = lexicon or Lexicon()
    for state in default_registry().all():
        if on is not None and not state.existed_on(on) and state.exists_today is False:
            continue
        if on is None and not state.exists_today:
            continue
        lexicon.add(state.name_on(on), "name", state.id)
        if state.demonym:
            lexicon.add(state.demonym, "demonym", state.id)
        if state.capital:
            lexicon.add(state.capital.split(",")[0], "capital", state.id)
        for alias in state.aliases:
            if on is None or alias.valid_on(on):
                lexicon.add(alias.text, alias.kind, state.id)
            elif alias.kind in ("name", "abbreviation"):
                # "the 1961 treaty between the Soviet Union and …" in today's news
                lexicon.add(alias.text, "historical", state.id)
        for entry in state.names:
            lexicon.add(entry.name, "historical", state.id)
    return lexicon


class MentionFinder:
    """A PhraseMatcher over the lexicon of states, organisations and leaders."""

    def __init__(self, vocab, on: dt.date | None, orgs: dict[str, Organisation] | None = None,
                 leaders: list[Leader] | None = None) -> None:
        self.orgs = load_organisations() if orgs is None else orgs
        lexicon = state_lexicon(on)
        for leader in load_leaders() if leaders is None else leaders:
            if leader.in_office(on):
                for text in {leader.name, leader.surname, *leader.aliases} - {""}:
                    lexicon.add(text, "leader", leader.state, leader.name)
        for org in self.orgs.values():
            for text in {org.id, org.name, *org.aliases}:
                lexicon.add(text, "organisation", org.id)
        self.table = lexicon.unambiguous()
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self._tokenizer = None
        self.vocab = vocab

    def _ensure(self, nlp) -> None:
        if self._tokenizer is None:
            self.matcher.add("M", list(nlp.tokenizer.pipe(self.table)))
            self.matcher.add("NOT", list(nlp.tokenizer.pipe(load_not_mentions())))
            self._tokenizer = nlp.tokenizer

    def find(self, nlp, doc) -> list[Mention]:
        self._ensure(nlp)
        not_label = self.vocab.strings["NOT"]
        spans = [Span(doc, s, e, label=label) for label, s, e in self.matcher(doc)]
        out = []
        for span in filter_spans(spans):
            if span.label == not_label:
                continue
            kind, ident, person = self.table[span.text]
            out.append(Mention(span.start_char, span.end_char, span.text, kind, ident,
                               is_org=ident in self.orgs, person=person))
        return out


@functools.lru_cache(maxsize=8)
def finder_for(nlp, on: dt.date | None) -> MentionFinder:
    return MentionFinder(nlp.vocab, on)
