"""Who the parties to an event are, beyond the clause's subject and object
(``data/parties.yaml``); used by ``extract``.

- "between X and Y" joins parties only when it qualifies the agreement or its verb, not a
  dispute, a relationship or a border ("tensions between Somalia and Ethiopia").
- A demonym right before another ("Greek Cypriot administration") qualifies it: the last
  one names the actor.
- A list of three or more states after a signing ("signed by A, B, C and D") or in the
  sentence after it ("… entered the pact: A, B, C and D") is the signatory list of a
  multilateral treaty: that record's parties, without the organisation.
- A bare plural subject ("States have invoked the treaty 20 times") is a general
  statement, not an event of named parties.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from casus.reader import nouns
from casus.reader.membership import FollowerCues
from casus.reader.pairs import PairWords

DATA = Path(__file__).parent / "data" / "parties.yaml"
SCHEMA = "casus.reader.parties.v1"
# what may stand between two items of one list of states ("A, B, and C", "A and B")
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)(?:the\s+)?", re.I)


@dataclass(frozen=True)
class PartyRules:
    between_not_parties: frozenset[str]
    generic_subjects: frozenset[str]
    list_minimum: int
    pairs: PairWords
    elided_agreement: re.Pattern | None  # "… and another with" right before a state
    leader_titles: frozenset[str] = frozenset()  # "President" in "Moldovan President Maia Sandu"
    official_nouns: frozenset[str] = frozenset()  # "ministers" in "the two defence ministers signed"
    accession_words: frozenset[str] = frozenset()  # "bid" in "approved Sweden's bid"
    rulers_in: frozenset[str] = frozenset()  # "juntas" in "the military juntas in Mali and Niger withdrew"
    follow_suit: re.Pattern | None = None  # "Moscow followed in June", "did the same"
    third_role: re.Pattern | None = None  # "brokered by " right before a state: a mediator, a host
    introduction: re.Pattern | None = None  # "After Russia's invasion of Ukraine," opening a sentence
    addressee: re.Pattern | None = None  # "notified " right before a state: told of the act, no party
    followers: FollowerCues | None = None  # "…, followed by Sweden in 2024"
    absolute_with: re.Pattern | None = None  # " due to ink" after "with Russia and Iran"
    media_after: re.Pattern | None = None  # "'s Straits Times", "'s state news agency": a source
    name_after: re.Pattern | None = None  # " Convention" after "Ottawa": a city in a name
    depositaries: frozenset[str] = frozenset()  # organisations that are told of acts ("UN")
    non_state_subjects: frozenset[str] = frozenset()  # "rebels", "groups": no state acts
    addressee_list: re.Pattern | None = None  # "informing other signatories and the "
    name_before: re.Pattern | None = None  # "Treaty of " before "Lisbon"

    def in_name(self, text: str, start: int, end: int) -> bool:
        """Whether the place at ``text[start:end]`` is part of an agreement's name ("the
        Ottawa Convention", "the Budapest Memorandum", "the Treaty of Lisbon")."""
        return bool(self.name_after is not None and self.name_after.match(text, end)) or bool(
            self.name_before is not None and self.name_before.search(text, max(0, start - 40), start))


@functools.lru_cache(maxsize=2)
def load_party_rules(path: Path = DATA) -> PartyRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f"{path}: expected 'schema: {SCHEMA}'")
    try:
        return PartyRules(
            between_not_parties=_words(data, "between_not_parties", path),
            generic_subjects=_words(data, "generic_subjects", path),
            list_minimum=int(data["list_minimum"]),
            leader_titles=_words(data, "leader_titles", path),
            official_nouns=_words(data, "official_nouns", path),
            accession_words=_words(data, "accession_words", path),
            rulers_in=_words(data, "rulers_in", path) if "rulers_in" in data else frozenset(),
            follow_suit=re.compile(data["follow_suit"], re.I) if data.get("follow_suit") else None,
            third_role=_third_role(_words(data, "third_role_participles", path)),
            addressee=_addressee(_words(data, "addressee_verbs", path)) if "addressee_verbs" in data else None,
            addressee_list=_addressee(_words(data, "addressee_verbs", path), listed=True)
            if "addressee_verbs" in data else None,
            introduction=re.compile(r"\W*(?:" + "|".join(sorted(map(re.escape, _words(
                data, "introductory_words", path)))) + r")\b[^,.;:]{1,100},", re.I),
            elided_agreement=re.compile(data["elided_agreement"], re.I) if data.get("elided_agreement") else None,
            absolute_with=re.compile(data["absolute_with"], re.I) if data.get("absolute_with") else None,
            media_after=re.compile(data["media_after"]) if data.get("media_after") else None,
            depositaries=frozenset(data.get("depositaries") or ()),
            non_state_subjects=_words(data, "non_state_subjects", path) if "non_state_subjects" in data else frozenset(),
            name_after=re.compile(data["place_in_name"]["after"]) if data.get("place_in_name") else None,
            name_before=re.compile(data["place_in_name"]["before"]) if data.get("place_in_name") else None,
            followers=FollowerCues(**{k: re.compile(v, re.I) for k, v in data["followers"].items()})
            if "followers" in data else None,
            pairs=PairWords(
                agreement_nouns=nouns.load().side_words(),
                agreement_acronyms=nouns.load().side_acronyms(),
                pair_words=_words(data, "pair_words", path),
                others_cues=_words(data, "others_cues", path),
                holding_verbs=_words(data, "holding_verbs", path) if "holding_verbs" in data else frozenset(),
            ),
        )
    except KeyError as exc:
        raise ValueError(f"{path}: missing key {exc}") from None
    except TypeError as exc:  # a key of `followers` that FollowerCues has not
        raise ValueError(f"{path}: followers: {exc}") from None
    except re.error as exc:
        raise ValueError(f"{path}: bad pattern: {exc}") from None


# an auxiliary or a verb of agreeing in the past: the words before the first comma are a clause
_CLAUSE_VERB = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|shall|did|does|signed|concluded|inked|"
                          r"ratified|joined|left|withdrew|suspended|sealed|struck|agreed)\b", re.I)


def introduced(text: str, s: int, mentions, rules: PartyRules) -> list:
    """``mentions`` (of the clause at ``s``) without those in an opening phrase that sets the
    scene ("After Russia's invasion of Ukraine, A and B signed …"), when the rest names its
    own: two states, or another organisation for an organisation named there."""
    opening = rules.introduction.match(text, s) if rules.introduction is not None else None
    if not opening or _CLAUSE_VERB.search(opening.group()):
        # ("In the past three years Japan has concluded agreements with Australia, …": a
        # finite verb makes it the main clause, up to its first comma, not a scene set)
        return list(mentions)
    inside = [m for m in mentions if m.start < opening.end()]
    rest = [m for m in mentions if m.start >= opening.end()]
    states_after = len({m.id for m in rest if not m.is_org}) >= 2
    orgs_after = any(m.is_org for m in rest)
    return [m for m in mentions if m not in inside or not (orgs_after if m.is_org else states_after)]


def _third_role(words: frozenset[str]) -> re.Pattern:
    """A state right after "<participle> by (the)": "in talks brokered by Qatar", "the
    threat posed by neighbouring Russia"."""
    # (one lower-case word may qualify the state: "the threat posed by neighbouring Russia")
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")\s+by\s+(?:the\s+)?(?:(?-i:[a-z]+)\s+)?$",
                      re.I)


def _addressee(words: frozenset[str], listed: bool = False) -> re.Pattern:
    """A state or organisation right after "<verb> (the)": "notified the United Nations";
    ``listed``: last of a list after it ("informing other signatories and the UN")."""
    between = r"(?:[\w-]+\s+){1,3}(?:and|as well as)\s+" if listed else ""
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")\s+" + between + r"(?:the\s+)?$", re.I)


def _words(data: dict, key: str, path: Path) -> frozenset[str]:
    """The lower-cased words of list ``key``; a missing key or a non-list is the file's error."""
    words = data[key]
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(f"{path}: {key}: expected a list of words")
    return frozenset(w.lower() for w in words)


def between_is_not_parties(doc, text: str, between_start: int, parsed: bool, rules: PartyRules) -> bool:
    """Whether the "between" at ``between_start`` qualifies a dispute, a relationship or a
    border: in the parse, the word it hangs on; without one, the word before it."""
    if parsed:
        span = doc.char_span(between_start, between_start + len("between"), alignment_mode="expand")
        if span is not None and len(span):
            token = span[0]
            if token.lower_ == "between":
                head = token.head
                if head.dep_ == "relcl" and head.pos_ in ("VERB", "AUX"):
                    head = head.head  # "the tensions that have emerged between A and B": the tensions'
                return head.lower_ in rules.between_not_parties
    before = re.search(r"([A-Za-z-]+)\s+$", text[max(0, between_start - 30):between_start])
    return bool(before) and before.group(1).lower() in rules.between_not_parties


def qualifying_demonyms(mentions, text: str | None = None) -> set[int]:
    """Indices of demonyms directly before another demonym ("Greek" in "Greek Cypriot");
    with ``text``, not one joined to it by a hyphen ("the Indonesian-Australian treaty": two sides)."""
    return {i for i, m in enumerate(mentions) if m.kind == "demonym" and any(
        o.kind == "demonym" and o.start in (m.end + 1, m.end + 2) and o.id != m.id and not (
            text is not None and text[m.end:o.start].strip() in ("-", "–")) for o in mentions)}


def state_lists(text: str, mentions, minimum: int) -> list[list]:
    """Runs of at least ``minimum`` state names joined as one list ("A, B, C and D")."""
    states = [m for m in mentions if not m.is_org and m.kind in ("name", "abbreviation")]
    runs, run = [], []
    for m in states:
        if run and LIST_GAP.fullmatch(text[run[-1].end:m.start]):
            run.append(m)
            continue
        if len(run) >= minimum:
            runs.append(run)
        run = [m]
    if len(run) >= minimum:
        runs.append(run)
    return [r for r in runs if len({m.id for m in r}) >= minimum]


def generic_subject(token, rules: PartyRules) -> bool:
    """Whether the verb's subject is a bare plural such as "States" or "countries" (no
    determiner, number or name before it)."""
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in rules.generic_subjects:
            # (qualified by "of" it names whose: "Members of the Arab League signed")
            return not any(c.dep_ in ("det", "nummod", "compound", "amod", "poss") or (
                c.dep_ == "prep" and c.lower_ == "of") for c in child.children)
    return False


def outside_known_name(mentions, names, name: str | None, known, same_name) -> list:
    """``mentions`` without the states found inside the spans of the sentence's ``names``
    that are the treaty ``name`` (the mention finder's spans, combining forms such as
    "Sino-" included), save the parties ``known`` for it in ``data/agreements.csv``: the
    treaty's own name speaks of them, its list says who the parties are (the
    Sino-American Mutual Defense Treaty of 1954 was with the Republic of China). A state
    named elsewhere in the sentence stays, for the clause to decide."""
    if not name or not known:
        return list(mentions)
    spans = [(a, b) for a, b, value in names if value == name or same_name(value, name)]
    return [m for m in mentions if m.is_org or m.id in known
            or not any(a <= m.start and m.end <= b for a, b in spans)]


def officials_for_states(phrase: str, rules: PartyRules) -> bool:
    """Whether a plural subject or agent names officials who stand for states named before
    ("the two defence ministers", "both foreign ministers", "the ministers"): a determiner,
    a number, at most two words of office and an official noun in the plural."""
    words = phrase.lower().split()
    if len(words) < 2 or words[0] not in ("the", "both") or not words[-1].endswith("s") or \
            words[-1] not in rules.official_nouns:
        return False
    middle = words[1:-1]
    if middle and middle[0] in ("two", "three", "both"):
        middle = middle[1:]
    return len(middle) <= 2 and all(w.isalpha() for w in middle)


def state_accession(text: str, mentions, rules: PartyRules) -> tuple[int, int] | None:
    """The span of the first accession noun said of a state ("Sweden's bid", "Finland's
    accession protocol", "the accession of Finland"), or None."""
    words = "|".join(sorted(rules.accession_words))
    after = re.compile(rf"(?:'s|’s)\s+(?:[a-z-]+\s+){{0,2}}?({words})\b")
    before = re.compile(rf"\b({words})\s+of\s+(?:the\s+)?$")
    other_aim = re.compile(r"\s+(?:to|for)\s+(?!join|become|enter|accede)")  # "Sweden's bid to host the Games"
    for m in mentions:
        if m.is_org:
            continue
        found = after.match(text, m.end)
        if found and not other_aim.match(text, found.end()):
            return found.span(1)
        found = before.search(text, max(0, m.start - 30), m.start)
        if found:
            return found.span(1)
    return None


def dashed_list(text: str, actors, trigger_start: int) -> list:
    """The states of a list set off by dashes before the trigger ("the five members that
    border Russia – Lithuania, Latvia, Estonia, Poland and Finland – have said …"): the
    subject's own list, which the small model's parse leaves outside the subject."""
    states = [m for m in actors if not m.is_org and m.end <= trigger_start]
    for i, first in enumerate(states):
        if not re.search(r"\s[-–—]\s*$", text[max(0, first.start - 3):first.start]):
            continue
        j = i
        while j + 1 < len(states) and LIST_GAP.fullmatch(text[states[j].end:states[j + 1].start]):
            j += 1
        if j > i and re.match(r"\s*[-–—]\s", text[states[j].end:trigger_start]):
            return states[i:j + 1]
    return []


def absolute_with(text: str, m, states, rules: PartyRules) -> bool:
    """Whether ``m`` is in a list after "with" that has a verb of its own ("signed a
    charter, with Russia and Iran due to ink a similar document", "…, with Japan expected
    to follow"): the subject of another act, not a side of this one. ``states``: the
    sentence's state mentions in order."""
    if rules.absolute_with is None:
        return False
    i = next((k for k, o in enumerate(states) if o is m), None)
    if i is None:
        return False
    first = last = i
    while first > 0 and LIST_GAP.fullmatch(text[states[first - 1].end:states[first].start]):
        first -= 1
    while last + 1 < len(states) and LIST_GAP.fullmatch(text[states[last].end:states[last + 1].start]):
        last += 1
    return bool(re.search(r"\bwith\s+(?:the\s+)?$", text[max(0, states[first].start - 12):states[first].start],
                          re.I)) and bool(rules.absolute_with.match(text, states[last].end))
