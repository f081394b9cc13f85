"""Officials an article introduces with their state ("Moldovan President Maia Sandu",
"Ghana's Foreign Minister Sam Okudzeto Ablakwa"): later in that article the surname alone
("Sandu signed …") stands for the state, as a leader from ``data/leaders.csv`` does.

News names far more office-holders than any table of leaders holds (ministers, new heads
of government, envoys), and it introduces each one once with a title and a nationality.
Learning that pairing per article covers them without a table, and never outlives the
article. The titles are data (``leader_titles`` in ``data/parties.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Introduced:
    surname: str
    person: str
    state: str
    end: int  # the character offset after the full name: the surname counts after it


def introduced(doc, mentions, titles: frozenset[str]) -> list[Introduced]:
    """The officials ``doc`` introduces as "<state or demonym>['s] <title> <Given Surname>".
    ``mentions`` are the article's state mentions (not organisations)."""
    out: list[Introduced] = []
    by_end = {m.end: m for m in mentions if not m.is_org and m.kind in ("demonym", "name", "abbreviation")}
    longest = max((len(t.split()) for t in titles), default=0)
    for token in doc:
        mention = by_end.get(token.idx + len(token.text))
        if mention is None:
            continue
        i = token.i + 1
        if i < len(doc) and doc[i].text in ("'s", "’s"):
            i += 1
        # the longest title that starts here ("Prime Minister", "Defence Minister", "President")
        for size in range(min(longest, len(doc) - i), 0, -1):
            if " ".join(t.lower_ for t in doc[i:i + size]) in titles:
                i += size
                break
        else:
            continue
        name = []
        while i < len(doc) and doc[i].tag_ == "NNP" and doc[i].text[:1].isupper() and len(name) < 4:
            name.append(doc[i])
            i += 1
        if len(name) < 2 or any(n.idx < m.end and m.start < n.idx + len(n.text) for n in name for m in mentions):
            continue  # one word is a title or surname alone; a state's name is no person
        person = " ".join(n.text for n in name)
        out.append(Introduced(name[-1].text, person, mention.id, name[-1].idx + len(name[-1].text)))
    return out


def surname_mentions(doc, people: list[Introduced], taken: list[tuple[int, int]]):
    """(start, end, person, state) of each later surname alone, outside ``taken`` spans;
    a surname two people of different states share is left out."""
    states: dict[str, set[str]] = {}
    for p in people:
        states.setdefault(p.surname, set()).add(p.state)
    first = {p.surname: p for p in reversed(people)}
    out = []
    for token in doc:
        p = first.get(token.text)
        if p is None or len(states[p.surname]) != 1 or token.idx < p.end or token.tag_ != "NNP":
            continue
        start, end = token.idx, token.idx + len(token.text)
        if any(a < end and start < b for a, b in taken):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "NNP":
            continue  # part of a longer name ("Sandu Street")
        out.append((start, end, p.person, p.state))
    return out
