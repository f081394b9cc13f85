"""The sides of agreements a sentence names without reporting an event, for their
``mentioned`` records (vocabulary in ``data/parties.yaml``: ``pair_words``,
``others_cues``; the agreement nouns from ``data/agreement_nouns.yaml``).

The parse decides, not the distance between words:

- a possessor and a "with" ("Benin's memorandum with Nigeria", "Rome's current Status of
  Forces Agreement with the United States": the possessor of the name's head counts);
- the subject of the clause and a "with" ("the US is left with one treaty with Russia");
- "the two countries'" treaty, when the sentence names just two states;
- the agents of a participle describing it ("the pact, signed in 1971 by India and the
  Soviet Union");
- the coordinated subject of a verb of holding it ("Russia and North Korea have a mutual
  defence treaty", "Washington and Manila are bound by a 1951 treaty");
- "between" with several pairs ("the treaties between the U.S. and Japan or the U.S. and
  South Korea") or one state and a list of others ("agreements between Russia and other
  allies like Tajikistan, Belarus and Kazakhstan"): one pair each.

Every function returns nothing on a Doc without a parse (the rule tests' blank pipeline).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PairWords:
    agreement_nouns: frozenset[str]  # the nouns whose sides are read ("treaty", "memorandum")
    pair_words: frozenset[str]  # "the two countries'", "both sides'"
    others_cues: frozenset[str]  # "other allies like …", "others such as …", "including …"
    agreement_acronyms: frozenset[str] = frozenset()  # the same, matched as written ("SOFA")
    holding_verbs: frozenset[str] = frozenset()  # "X and Y have (share) a treaty", every form

    def is_agreement(self, token) -> bool:
        if token.pos_ in ("VERB", "AUX", "ADJ"):
            return False  # "Kenya must deal with Ethiopia", "a compact force"
        return token.lower_ in self.agreement_nouns or token.text in self.agreement_acronyms


def named_pairs(tokens, roots: dict[int, str], words: PairWords) -> list[tuple[str, ...]]:
    """The pairs of parties of each agreement noun in ``tokens`` (a sentence) whose sides the
    parse gives, in order of appearance. ``roots`` maps the root token index of each state
    mention to its id."""
    out: list[tuple[str, str]] = []
    for token in tokens:
        if not words.is_agreement(token):
            continue
        out += _owner_and_with(token, roots, words)
        out += _between(token, roots, words)
        out += _signed_by(token, roots)
        out += _holders(token, roots, words)
    if not out:
        out += _two_countries(tokens, roots, words)
    return list(dict.fromkeys(out))


def _name_head(token):
    """The head of an agreement's name: "Status" in "Status of Forces Agreement", where the
    possessor and the "with" phrase may hang."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("PROPN", "NOUN"):
        return token.head.head
    return token


def _states_in(token, roots: dict[int, str]) -> list[str]:
    """The states of a noun phrase: its root and its conjuncts ("with X and Y")."""
    out = [roots[token.i]] if token.i in roots else []
    if not out:
        # "with the Somali state of Somaliland", "with the government of Chad"
        out = [roots[g.i] for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj" and g.i in roots][:1]
    for child in token.children:
        if child.dep_ == "conj":
            out += _states_in(child, roots)
    return out


def _owner_and_with(token, roots: dict[int, str], words: PairWords) -> list[tuple[str, str]]:
    withs: list[str] = []
    owners: list[str] = []
    for node in dict.fromkeys((token, _name_head(token))):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                withs += [i for c in child.children if c.dep_ == "pobj" for i in _states_in(c, roots)]
            elif child.dep_ == "poss" and child.i in roots:
                owners.append(roots[child.i])
            elif child.dep_ == "relcl" and not withs:
                # "the pacts Washington has with Tokyo and Seoul": the relative clause's
                # subject and its "with"
                subjects = [roots[c.i] for c in child.children if c.dep_ == "nsubj" and c.i in roots]
                others = [i for p in child.children if p.dep_ == "prep" and p.lower_ == "with"
                          for c in p.children if c.dep_ == "pobj" for i in _states_in(c, roots)]
                if subjects and others:
                    owners += subjects[:1]
                    withs += others
    if withs and not owners:
        head = token
        for _ in range(4):  # up through "with"/"on" phrases to the clause's verb
            if head.dep_ not in ("pobj", "prep", "dobj", "attr", "appos") or head.head.i == head.i:
                break
            head = head.head
        if head.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            # "X has yet to ratify (declined to sign) the treaty with Y": an infinitive's
            # subject is the subject of the verb it completes
            head = head.head
        owners += [roots[c.i] for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in roots]
    withs = [w for w in dict.fromkeys(withs) if not owners or w != owners[0]]
    if not (owners and withs):
        return []
    if token.tag_ == "NNS" and len(withs) >= 2:
        # "Washington's treaties with Tokyo and Seoul": one treaty with each
        return [(owners[0], w) for w in withs]
    return [(owners[0], withs[0])]


def _between(token, roots: dict[int, str], words: PairWords) -> list[tuple[str, str]]:
    """Pairs from a "between" phrase of the agreement noun, when it holds more than one pair
    (a single pair is the ``extract.between`` rule's)."""
    # on the noun, or on the verb of which it is the subject ("agreements exist between …")
    hosts = [token] + ([token.head] if token.dep_ in ("nsubj", "nsubjpass") else [])
    prep = next((c for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if prep is None:
        return []
    # the phrase's states and the words that split it, in the order of the text
    items: list[tuple[str, str]] = []  # (kind, value): ("state", id) | ("or", "") | ("others", "")
    for t in prep.subtree:
        if t.i in roots:
            items.append(("state", roots[t.i]))
        elif t.dep_ == "cc" and t.lower_ in ("or", "and/or"):
            items.append(("or", ""))
        elif t.lower_ in words.others_cues and t.dep_ in ("prep", "amod", "advmod", "conj"):
            items.append(("others", ""))
    states = [v for k, v in items if k == "state"]
    if len(set(states)) < 3:
        return []
    if ("others", "") in items:
        # "between X and other allies like A, B and C": X with each of the others
        first = states[0]
        cue = items.index(("others", ""))
        listed = [v for k, v in items[cue:] if k == "state" and v != first]
        return [(first, other) for other in dict.fromkeys(listed)] if listed else []
    groups: list[list[str]] = [[]]
    for kind, value in items:
        if kind == "or":
            groups.append([])
        elif kind == "state":
            if len(groups[-1]) == 2:
                groups.append([])  # "between A and B and A and C": a new pair begins
            groups[-1].append(value)
    pairs = [(g[0], g[1]) for g in groups if len(g) == 2 and g[0] != g[1]]
    if len(pairs) < 2 or not all(len(g) == 2 for g in groups):
        return []
    if ("or", "") not in items and len({a for a, _ in pairs}) > 1:
        return []  # "between A and B, C and D" is one list of four, unless A recurs in each pair
    return pairs


def _signed_by(token, roots: dict[int, str]) -> list[tuple[str, ...]]:
    """"the pact, signed in 1971 by India and the Soviet Union": the agents of a participle
    that describes the agreement (an old signing told as history is a mention, see
    ``extract._long_before``)."""
    out: list[tuple[str, ...]] = []
    for participle in token.children:
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            continue
        for agent in participle.children:
            if agent.dep_ == "agent":
                states = [i for c in agent.children if c.dep_ == "pobj" for i in _states_in(c, roots)]
                if len(set(states)) >= 2:
                    out.append(tuple(dict.fromkeys(states)))
    return out


def _holders(token, roots: dict[int, str], words: PairWords) -> list[tuple[str, ...]]:
    """"Russia and North Korea have a mutual defence treaty", "Washington and Manila are
    bound by a 1951 treaty": the states of the coordinated subject of a verb of holding
    (``holding_verbs``) whose object (or passive agent) is the agreement. One state alone
    ("Manila has a treaty") names no sides; its "with" is ``_owner_and_with``'s."""
    verb = token.head
    if token.dep_ == "dobj":
        held = verb.lower_ in words.holding_verbs
    elif token.dep_ == "pobj" and verb.dep_ == "agent":
        verb = verb.head  # "are bound by a treaty"
        held = verb.lower_ == "bound"
    else:
        return []
    if not held or any(c.dep_ == "neg" for c in verb.children) or any(
            c.lower_ in ("no", "neither") for c in token.children):
        return []  # "X and Y have no treaty"
    if any(c.dep_ == "prep" and c.lower_ == "with" and any(t.i in roots for t in c.subtree)
           for c in list(token.children) + list(verb.children)):
        return []  # "X and Y have treaties with Z": whose side is whose, the "with" rule reads
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    states = list(dict.fromkeys(_states_in(subject, roots)))
    return [tuple(states)] if len(states) >= 2 else []


def _two_countries(tokens, roots: dict[int, str], words: PairWords) -> list[tuple[str, str]]:
    """"the two countries' treaty" in a sentence naming just two states."""
    if len(set(roots.values())) != 2:
        return []
    for token in tokens:
        if not words.is_agreement(token):
            continue
        for child in token.children:
            if child.dep_ in ("poss", "nmod") and child.lower_ in words.pair_words and any(
                    g.lower_ in ("two", "both") for g in child.children):
                first = min(roots)
                return [(roots[first], next(v for v in roots.values() if v != roots[first]))]
    return []
