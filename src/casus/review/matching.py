"""Which treaty of the knowledge base an agreement read in the news is about.

An agreement (the reader's contract: name, parties, event, date) matches a
treaty by its name and its parties. The rules, first that holds:

1. **Name**: the agreement's name names the treaty (score >= 0.8, below) and
   either a party is, or was, a member, or an organisation party is the
   treaty's organisation, or the agreement names no state, or one state
   accedes to (signs, ratifies) a treaty named exactly (score 1).
2. **Organisation**: an organisation party (``NATO``) is the treaty's
   organisation, the agreement gives no name or one that scores >= 0.6, and
   every state named is (or was) a member, unless the event is an accession.
   "Russia quits the Treaty on Conventional Armed Forces in Europe", with NATO
   as the other party, does not match the North Atlantic Treaty, named or not.
3. **Parties**: the states named are exactly the treaty's members (ever), no
   organisation is named, and the name is absent or scores >= 0.6 ("defence
   guidelines" between two allies is another instrument than their treaty), or
   the treaty itself was read from the news (its name is only what one article
   called it, perhaps nothing).

The name score is the best, over the treaty's name, aliases and organisation, of
(a) 1.0 when the folded names are equal or the organisation's short name or a
whole alias occurs in the agreement's name; (b) the share of the agreement
name's content words found in the treaty's name (generic words such as
"treaty", "pact", "the", "year" are dropped, and numbers but years; a year
counts when it is the year the treaty was signed); (c) ``difflib``'s similarity ratio of the folded names.

Several treaties may match (Russia and North Korea have two bilateral
treaties; "partnership treaty" names Russia's treaties with Iran and with
North Korea alike). The highest rule wins (name 3, organisation 2, parties 1),
plus the name score, plus the party fit (the states named and the treaty's
members ever: shared / all, so Russia and North Korea fit the Russia-DPRK
treaty 1, the Russia-Iran treaty 1/3); among equals, a treaty in force or signed on the agreement's date
(else the publication date, else today) before one that has ended, then the
most recently signed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass

from casus.kb import KnowledgeBase
from casus.kb.records import TreatyRecord
from casus.reader.organisations import organisation_ids

GENERIC = frozenset(
    "the a an of on in and between with for to its their treaty treaties pact agreement agreements accord "
    "accords deal convention protocol new landmark bilateral year years".split()
)
JOIN_EVENTS = frozenset({"acceded", "signed", "ratified"})


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def content_words(text: str) -> list[str]:
    """The words of a name that tell treaties apart: no generic words, no numbers but years."""
    return [w for w in fold(text).split() if w not in GENERIC and (not w.isdigit() or len(w) == 4)]


def organisation_id(value: str) -> str:
    text = " ".join(value.strip().upper().split())
    return organisation_ids().get(text.removeprefix("THE "), text)


def name_score(name: str | None, treaty: TreatyRecord) -> float:
    """How well an agreement's name names ``treaty``: 0 (not at all) to 1."""
    if not name:
        return 0.0
    folded = fold(name)
    padded = f" {folded} "
    words = content_words(name)
    year = str(treaty.signed.year) if treaty.signed else None
    best = 0.0
    for candidate in (treaty.name, *treaty.aliases, treaty.organisation or ""):
        if not candidate:
            continue
        other = fold(candidate)
        if not other:
            continue
        if other == folded or f" {other} " in padded:
            return 1.0
        theirs = set(content_words(candidate))
        if words:
            found = sum(1 for w in words if w in theirs or w == year)
            best = max(best, found / len(words))
        best = max(best, difflib.SequenceMatcher(None, folded, other).ratio())
    return best


@dataclass(frozen=True)
class Match:
    treaty: TreatyRecord
    rule: str  # name | organisation | parties
    score: float


def match_treaty(
    kb: KnowledgeBase,
    name: str | None,
    states: set[str],
    organisations: set[str],
    event: str,
    day: dt.date | None,
) -> Match | None:
    """The treaty an agreement is about, or None when no treaty matches (module docs)."""
    found: list[tuple[float, int, dt.date, Match]] = []
    on = day or dt.date.max  # undated: the treaties as they stand last
    for treaty in kb.treaties.values():
        members = {m.state_id for m in kb.memberships.get(treaty.id, [])}
        organisation_hit = bool(treaty.organisation) and organisation_id(treaty.organisation) in organisations
        score = name_score(name, treaty)
        fit = len(states & members) / len(states | members) if states | members else 0.0
        joining = event in JOIN_EVENTS and len(states) == 1 and score == 1.0
        match: Match | None = None
        if score >= 0.8 and (organisation_hit or states & members or joining or not states):
            match = Match(treaty, "name", 3 + score + fit)
        elif organisation_hit and (not name or score >= 0.6) and (states <= members or event == "acceded"):
            match = Match(treaty, "organisation", 2 + score + fit)
        elif states and states == members and not organisations and (
            not name or score >= 0.6 or treaty.source.get("kind") == "read"
        ):
            match = Match(treaty, "parties", 1 + score + fit)
        if match is not None:
            current = int(treaty.status_on(on) in ("in force", "signed"))
            found.append((match.score, current, treaty.signed or dt.date.min, match))
    if not found:
        return None
    found.sort(key=lambda item: item[:3], reverse=True)
    return found[0][3]
