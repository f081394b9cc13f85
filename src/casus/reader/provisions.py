"""What an agreement obliges (``data/provisions.yaml``), as the article states it.

A provision phrase in a sentence about an agreement is given to that agreement: the one
named around the phrase ("the mutual defence clause of the Treaty of X"), else the one
in focus before the sentence when the phrase speaks of "the treaty", else the one the
sentence's own event is about, else the one in focus. A phrase with a negation before it
in its clause ("did not include a mutual defence clause") is kept as negated, never as a
provision; one with a hedge ("could extend to") is dropped. A phrase before any
agreement waits for the next agreement the article opens.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from casus.reader import nouns
from casus.reader.rules import Rules

# "the treaty", "this defence pact": the agreement in focus (``data/agreement_nouns.yaml``)
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+)?" + nouns.load().pattern(nouns.SIDED, plural=False) + r"\b",
                       re.I)
# the clause before a phrase ends at punctuation, "but" or "which": a negation further back is another clause's
_CLAUSE_CUT = re.compile(r"[;:,—–]|\bbut\b|\bwhich\b")
_OF_NAME = re.compile(r"\b(?:under|of|in)\b")
_SIMILAR_TO = re.compile(r"[^.;]{0,30}?\bsimilar to\b")


@dataclass(frozen=True)
class Hit:
    """One provision phrase: its kind, offsets into the article and whether it is denied."""

    kind: str
    start: int
    end: int
    negated: bool
    similar_to: bool = False  # "no clause similar to the one in X": X has it


def find(text: str, s: int, e: int, rules: Rules, names=()) -> list[Hit]:
    """The provision phrases of ``text[s:e]`` (one sentence), in the data file's order.
    ``names``: the sentence's agreement names as (start, end, name); a phrase that is a
    part of a name or a label ("the Mutual Defense Treaty", "a mutual defence pact") only
    names the agreement and gives nothing."""
    sentence = text[s:e]
    out = []
    for kind, patterns in rules.provisions.items():
        for rx in patterns:
            for m in rx.finditer(sentence):
                window = _CLAUSE_CUT.split(sentence[max(0, m.start() - 60):m.start()])[-1]
                if rules.provision_hedge.search(window):
                    continue
                if _label(sentence, m, s, names, rules):
                    continue
                if kind == "defense" and rules.provision_consultative is not None and (
                        rules.provision_consultative.search(window + m.group())):
                    continue  # "consult each other in case of an attack": consultation only
                negated = _denied(window, rules) and kind != "neutrality"
                similar = negated and bool(_SIMILAR_TO.match(sentence[m.end():]))
                out.append(Hit(kind, s + m.start(), s + m.end(), negated, similar))
    return out


def _denied(window: str, rules: Rules) -> bool:
    """A negation in the clause before a phrase denies it, unless a verb of using a clause
    follows the negation: "has not invoked Article 5" denies the act, not what it obliges."""
    last = None
    for last in rules.provision_negation.finditer(window):
        pass
    if last is None:
        return False
    cut = rules.provision_negation_cut
    return not (cut is not None and cut.search(window, last.end()))


def _label(sentence: str, m: re.Match, s: int, names, rules: Rules) -> bool:
    if rules.provision_label is not None and rules.provision_label.match(sentence, m.end()):
        return True
    if m.group()[:1].isupper() and m.start() > 0:
        return any(a <= s + m.start() and s + m.end() <= b for a, b, _ in names)
    return False


ELSEWHERE = object()
"""``target``'s answer for a phrase about an organisation's treaty named in the sentence
and not about the agreement in focus: its own ``mentioned`` record has it."""


def target(hit: Hit, text: str, sentence_start: int, names, attached, clusters, focus_before, focus,
           same_name: Callable[[str, str], bool], organisations=()):
    """The agreement ``hit`` belongs to (None: none yet). ``names`` are the sentence's
    agreement names as (start, end, name), ``attached`` the agreements its events are
    about, ``clusters`` every agreement so far, ``organisations`` the ids of the
    organisations the sentence names; ``same_name`` tells two names of one."""
    inside = [n for n in names if n[0] <= hit.start and hit.end <= n[1]]
    following = inside + [n for n in names if 0 <= n[0] - hit.end <= 80
                          and _OF_NAME.search(text[hit.end:n[0]])]
    for n in following:
        for c in clusters:
            if c.name and same_name(c.name, n[2]):
                return c
    lead = text[sentence_start:hit.start]
    if focus_before is not None and _DEFINITE.search(lead) and "between" not in lead:
        return focus_before
    if attached:
        return attached[0]
    if focus is not None and any(o not in focus.parties for o in organisations):
        # "Members of the CSTO agreed to defend one another", the focus on another pact
        return ELSEWHERE
    return focus


def of_sentences(text: str, spans, rules: Rules, names_in=lambda s, e: ()) -> tuple[set, set, list]:
    """Provisions stated and denied in the sentences ``spans`` (an organisation's, say),
    and the sentences that state them."""
    stated, denied, evidence = set(), set(), []
    for s, e in spans:
        hits = find(text, s, e, rules, names_in(s, e))
        for hit in hits:
            (denied if hit.negated else stated).add(hit.kind)
        if hits and (s, e) not in evidence:
            evidence.append((s, e))
    return stated, denied, evidence


def share(clusters, organisation_ids) -> None:
    """Every agreement of one organisation has the provisions the article gives it
    anywhere ("signed in 1947 as a means of mutual defence … Mexico left in 2004": the
    withdrawal is from a mutual-defence treaty): the annotation repeats them on every
    record of that agreement."""
    groups: dict[str, list] = {}
    for c in clusters:
        for p in c.parties:
            if p in organisation_ids:
                groups.setdefault(p, []).append(c)
    for members in groups.values():
        stated = set().union(*(c.provisions for c in members))
        denied = set().union(*(c.negated for c in members))
        evidence = [ev for c in members for ev in c.provision_evidence]
        for c in members:
            c.provisions |= stated
            c.negated |= denied
            c.provision_evidence += [ev for ev in evidence if ev not in c.provision_evidence]
