"""The everyday words the reader compares a mention's neighbourhood with
(``data/clause_words.yaml``): what makes a state a place rather than an actor, a demonym a
government, a state a speaker or a sponsor, an organisation the one spoken of.

``load`` compiles them once into the patterns ``extract`` uses; the sentence structure
around the words (the "the"/"its" before them, the distance to the mention) stays in
``extract``, beside the rule it serves.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "clause_words.yaml"
SCHEMA = "casus.reader.clause_words.v1"


@dataclass(frozen=True)
class ClauseWords:
    government: re.Pattern  # right after a demonym: "… counterpart", "… authorities"
    place_before: re.Pattern  # right before a state: "in ", "amid the "
    sponsored: re.Pattern  # right after a state: "-led", "-brokered"
    party_prepositions: frozenset[str]
    saying_verbs: frozenset[str]
    quoting: str  # an alternation, for the quote patterns built around it
    alliance_anaphor: re.Pattern  # "the alliance", "this bloc"
    alliance_words: frozenset[str]  # the nouns of ``alliance_anaphor``: "alliance", "bloc"
    named_anaphor: re.Pattern  # "the pact": an organisation whose name has the noun (group ``noun``)
    founding_treaty: re.Pattern  # "its founding treaty": the organisation's own
    founding_noun: re.Pattern  # (fullmatch) "Treaty" in "ratified the North Atlantic Treaty"
    own_part: re.Pattern  # matched at the start of the noun an organisation qualifies
    treaty_part: re.Pattern
    cited: re.Pattern  # right before an organisation: "under the ", "under Article 51 of the "
    members_as_subject: frozenset[str]
    member_nouns: frozenset[str]
    alliance_heads: frozenset[str]
    admission: re.Pattern
    membership_act_after: re.Pattern  # after a word of announcing: "… that they would withdraw"
    told_of_another: re.Pattern  # after an organisation told: " of their withdrawal from the Ottawa …"
    visit: re.Pattern
    intention_nouns: frozenset[str]  # "plans" in "announced plans to sign a pact with Canada"
    comment_before: re.Pattern  # right before a state: ", a step ", ", a move that "
    older_agreement: re.Pattern  # "replace the current" (an agreement noun follows)
    purpose: re.Pattern  # "to strengthen": an opening purpose naming the subject's states


@functools.lru_cache(maxsize=2)
def load(path: Path = DATA) -> ClauseWords:
    """The file's words as patterns; a wrong file is an error naming it and the key."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not YAML: {exc}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f"{path}: expected 'schema: {SCHEMA}'")

    def words(key: str) -> list[str]:
        if key not in data:
            raise ValueError(f"{path}: missing key '{key}'")
        items = data[key]
        if not isinstance(items, list) or not items or not all(isinstance(w, str) and w.strip() for w in items):
            raise ValueError(f"{path}: {key}: expected a non-empty list of words")
        return [w.strip() for w in items]

    def phrases(key: str) -> str:
        """Whole words or phrases, longest first, as one alternation."""
        return "|".join(re.escape(w.lower()) for w in sorted(words(key), key=lambda w: (-len(w), w)))

    def prefixes(key: str) -> str:
        return "|".join(words(key))

    def word_set(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in words(key))

    try:
        return ClauseWords(
            government=re.compile(r"^\s*(?:" + prefixes("government_prefixes") + ")", re.I),
            place_before=re.compile(r"\b(?:" + phrases("place_words") + r")\s+(?:the\s+)?$", re.I),
            sponsored=re.compile(r"-(?:" + phrases("sponsor_participles") + r")\b"),
            party_prepositions=word_set("party_prepositions"),
            saying_verbs=word_set("saying_verbs"),
            quoting="(?:" + phrases("quoting_verbs") + ")",
            alliance_anaphor=re.compile(r"\b(?:the|this|that) (?:" + phrases("alliance_anaphor_nouns") + r")\b",
                                        re.I),
            alliance_words=word_set("alliance_anaphor_nouns"),
            named_anaphor=re.compile(r"\b(?:the|this|that) (?P<noun>" + phrases("named_anaphor_nouns")
                                     + r")\b(?!\s+(?:with|between|among|on|of|to|signed|that|which)\b)", re.I),
            founding_treaty=re.compile(r"\b(?:its|the (?:" + phrases("alliance_anaphor_nouns") + r")['’]s) (?:"
                                       + phrases("founding_words") + r") (?:" + phrases("founding_documents")
                                       + r")\b", re.I),
            founding_noun=re.compile(r"(?i)(?:" + phrases("founding_nouns") + r")"),
            own_part=re.compile(r"(?i)(?:" + prefixes("own_part_prefixes") + ")"),
            treaty_part=re.compile(r"(?i)\b(?:" + phrases("treaty_part_words") + r")\b"),
            cited=re.compile(r"\b(?:" + phrases("citing_words") + r") (?:the |its |their )?(?:(?:"
                             + phrases("citing_part_words") + r") [\w().]+ of (?:the )?)?$", re.I),
            members_as_subject=word_set("members_as_subject"),
            member_nouns=word_set("member_nouns"),
            alliance_heads=word_set("alliance_heads"),
            admission=re.compile(prefixes("admission_prefixes"), re.I),
            membership_act_after=re.compile(r"[^.;:]{0,60}?\b(?:" + phrases("membership_act_words") + r")\b", re.I),
            told_of_another=re.compile(r"\s+of\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:"
                                       + phrases("told_of_acts") + r")\s+(?:the\s+)?[A-Z]"),
            visit=re.compile(r"\b(?:" + phrases("visit_words") + r")\b", re.I),
            intention_nouns=word_set("intention_nouns"),
            comment_before=re.compile(r",\s*(?:a|an|the|one|another|this|that)\s+(?:[\w-]+\s+){0,2}?(?:"
                                      + phrases("comment_nouns") + r")\s+(?:that\s+|which\s+)?(?:the\s+)?$", re.I),
            older_agreement=re.compile(r"\b(?:(?:" + phrases("replacing_verbs") + r")\s+(?:the|an?|its|their)\s+"
                                       r"(?:(?:" + phrases("older_agreement_words") + r")\s+)?|(?:the|an?|its|their)\s+(?:"
                                       + phrases("older_agreement_words") + r")\s+)(?:[\w-]+\s+){0,2}?", re.I),
            purpose=re.compile(r"\bto (?:further )?(?:" + phrases("purpose_verbs") + r")\b", re.I),
        )
    except re.error as exc:
        raise ValueError(f"{path}: bad pattern: {exc}") from None
