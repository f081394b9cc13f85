"""Membership events: who joins, leaves, is suspended from or ratifies a membership in an
organisation, and who invokes a clause of its treaty.

The annotation convention (``../shared/dev-articles/README.md``): the acting state(s) plus
the organisation, one record per act. These helpers read the spaCy parse of the event's
clause (they return nothing on a Doc without a parse, the rule tests' blank pipeline):

- ``companions``: "Burkina Faso and Niger joined Mali in quitting the G5": Mali quit
  earlier, in an act of its own; the subjects quit now.
- ``record_key``: several acts of one kind in one article are kept apart by their acting
  states ("Greece ratified …", "Albania followed …"), the same act told twice is one.
- ``accessor``: a state ratifying an accession names the ratifier; the state admitted is
  the one whose accession is in focus.
- ``invokers``: the state that invokes ("invoked by the United States", "France invoked").
- ``followers``: "Finland joined NATO in 2023, followed by Sweden in 2024": a later state's
  own act of the same kind, told in the same clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# what stands between two states of one group ("Niger and Burkina Faso", "A, B, and C")
_GROUP_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.I)

# the verb of "X joined Y in quitting": a companion in an act, not an act of joining
_JOIN_VERBS = frozenset({"join", "joins", "joined", "joining", "follow", "follows", "followed", "following"})


def companions(doc, trigger_token) -> set[int]:
    """Token indices of the states that did the act before the subject did ("X joined
    Y in quitting", "X followed Y in leaving"): the object of the verb of joining whose
    "in" phrase holds the trigger, and that object's conjuncts."""
    if trigger_token is None:
        return set()
    token = trigger_token
    if token.dep_ not in ("pcomp", "pobj") or token.head.lower_ != "in":
        return set()
    verb = token.head.head
    if verb.lower_ not in _JOIN_VERBS:
        return set()
    out: set[int] = set()
    for child in verb.children:
        if child.dep_ == "dobj":
            out |= {t.i for t in child.subtree}
    return out


# nouns of a state's membership: the state they belong to is the one admitted
_ACCESSION_NOUNS = frozenset({"accession", "membership", "bid", "application", "entry", "admission", "joining",
                              "nomination", "candidacy"})


def admitted(doc, roots: dict[int, str]) -> list[str]:
    """The states whose accession a sentence speaks of ("Finland's accession", "the
    protocol of accession for Ukraine", "its bid to join"): a state qualifying an
    accession noun, or the object of "for"/"of" after one. ``roots`` maps the root token
    index of each state mention to its id."""
    out = []
    for i, ident in roots.items():
        token = doc[i]
        head = token.head
        if token.dep_ in ("poss", "compound", "nmod") and head.lower_ in _ACCESSION_NOUNS:
            out.append(ident)
        elif token.dep_ == "pobj" and head.lower_ in ("for", "of") and head.head.lower_ in _ACCESSION_NOUNS:
            out.append(ident)
    return list(dict.fromkeys(out))


def record_key(records: dict[str, dict], event: str, own: list[str], organisations: set[str]) -> str:
    """The key of the record an act goes to in its agreement's records.

    A ratification is keyed by its whole party set (each state ratifying an accession is
    its own record, the collective one too); a joining, leaving or suspension by its
    acting states: acts whose states overlap (or that name none) are one act told twice.
    """
    states = {p for p in own if p not in organisations}
    candidates = [k for k, r in records.items() if r["event"] == event]
    for key in candidates:
        other = records[key].get("own") or []
        other_states = {p for p in other if p not in organisations}
        if event == "ratified":
            if set(other) == set(own) or not other:
                return key
        elif not states or not other_states or states & other_states:
            return key
    if not candidates:
        return event
    return f"{event}@{','.join(sorted(own))}"


# links by which a verb without a subject of its own takes its head's ("U.S. leads others
# in invoking the treaty", "Turkey moved to invoke Article 4")
_CLIMB = frozenset({"xcomp", "pcomp", "pobj", "prep", "advcl", "conj", "acl"})


def _verb_with_subject(token):
    if token.dep_ == "amod" and token.head.dep_ in ("dobj", "obj"):
        # "having earlier suspended Mali": the parse reads the participle as the object's adjective
        token = token.head.head
    for _ in range(5):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) or token.head.i == token.i:
            return token
        if token.dep_ not in _CLIMB:
            return token
        token = token.head
    return token


def subject(trigger_token):
    """The subject of the trigger's clause (climbing from a participle or infinitive to
    the verb that has one), or None."""
    verb = _verb_with_subject(trigger_token)
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def passive(trigger_token) -> bool:
    verb = _verb_with_subject(trigger_token)
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def invokers(doc, trigger_token, candidates: dict[int, str]) -> list[str]:
    """The states that invoke: the subject of an active trigger ("France invoked"), the
    agent of a passive one ("invoked by the United States"). ``candidates`` maps the
    root token index of each state mention to its id; empty when none is found."""
    if trigger_token is None:
        return []
    verb = _verb_with_subject(trigger_token)
    out: list[str] = []
    for child in verb.children:
        if child.dep_ == "nsubj" or child.dep_ == "agent":
            out += [candidates[t.i] for t in child.subtree if t.i in candidates]
    if not out:
        # "invoked once – after 9/11 by the United States": an agent the parse hangs elsewhere
        for token in doc[verb.i:verb.sent.end]:
            if token.lower_ == "by" and token.dep_ in ("agent", "prep"):
                out += [candidates[t.i] for t in token.subtree if t.i in candidates]
                break
    return list(dict.fromkeys(out))


# a singular noun or pronoun standing for a state named before ("suspended the country")
_STATE_ANAPHORS = frozenset({"country", "nation", "state", "it"})


def anaphoric_object(trigger_token) -> bool:
    """Whether the verb acts on a state named before ("ECOWAS also suspended the country",
    "… suspended it from its bodies"): its object is "it" or "the/this country, nation,
    state" (a "West African nation" too)."""
    if trigger_token is None:
        return False
    for child in trigger_token.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lower_ in _STATE_ANAPHORS and (child.lower_ == "it" or any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in child.children)):
            return True
    return False


def objects(trigger_token, roots: set[int]) -> list[int]:
    """The root indices (from ``roots``) of the states the trigger's verb acts on: its
    direct object and that object's conjuncts ("suspended Mali, Guinea and Burkina Faso")."""
    out: list[int] = []
    for child in trigger_token.children:
        if child.dep_ in ("dobj", "obj"):
            out += [t.i for t in child.subtree if t.i in roots]
    if not out and trigger_token.dep_ == "amod" and trigger_token.head.dep_ in ("dobj", "obj"):
        out = [t.i for t in trigger_token.head.subtree if t.i in roots]  # "having earlier suspended Mali"
    if not out and any(c.dep_ in ("dobj", "obj") and c.lower_ in _STATE_NOUNS for c in trigger_token.children):
        # "suspended other countries after coups, including Mali, Niger and Sudan": the
        # examples given of the states (wherever the parse hangs the "including")
        for t in trigger_token.subtree:
            if t.lower_ == "including" or (t.lower_ == "such" and t.nbor().lower_ == "as"):
                out += [u.i for u in t.subtree if u.i in roots and u.i not in out]
    return out


# plural nouns for the states an act falls on, named after "including" or "such as"
_STATE_NOUNS = frozenset({"countries", "nations", "states", "members", "governments"})


@dataclass(frozen=True)
class FollowerCues:
    """The patterns of ``followers`` in ``data/parties.yaml``."""

    by: re.Pattern  # ", followed by " right before the followers
    gapped: re.Pattern  # ", and " right before them, the verb left out
    did: re.Pattern  # " did so", " followed" right after them
    date_gap: re.Pattern  # what lies between them and their own date (" in ", " did so in ")
    date_end: re.Pattern  # what follows a gapped follower's date: the clause ends


def followers(text: str, start: int, end: int, states, dates, cues: FollowerCues) -> list[tuple[list[str], object]]:
    """Groups of states after an act that did the same act later, each with its own date
    mention (or None), in ``text[start:end]`` (from the act's trigger to the sentence end):

    - "…, followed by Sweden in March 2024" (the date is optional);
    - "Poland joined NATO in 1999 and Lithuania in 2004", "…, and Sweden did so in 2024": a
      gapped clause needs its own date or a verb of doing the same, else "joined NATO and
      Russia" would be read as Russia joining.

    ``states``: the state mentions (``start``, ``end``, ``id``) of the sentence in order;
    ``dates``: its date mentions.
    """
    states = [m for m in states if m.start >= start]
    out = []
    i = 0
    while i < len(states):
        first = states[i]
        j = i + 1
        while j < len(states) and _GROUP_GAP.fullmatch(text[states[j - 1].end:states[j].start]):
            j += 1
        group, i = states[i:j], j
        last = group[-1]
        after = last.end
        date = next((d for d in dates if d.start >= after and d.end <= end
                     and cues.date_gap.fullmatch(text[after:d.start])), None)
        if cues.by.search(text, start, first.start) and (date is not None or cues.date_end.match(text, after)):
            # (not "followed by Finland's president": the state names someone else)
            out.append(([m.id for m in group], date))
        elif cues.gapped.search(text, start, first.start) and (
                cues.did.match(text, after) or (date is not None and cues.date_end.match(text, date.end))):
            out.append(([m.id for m in group], date))
    return out
