"""``read_article``: an article in, agreement events, provisions, quotes and visits out,
each with character-exact evidence.

How it reads, sentence by sentence (sentences by rule, see ``sentences``):

1. Mentions (``mentions``): states by name, abbreviation, demonym, capital or metonym,
   leaders in office on the publication date, organisations.
2. Agreement events (``data/events.yaml``): a trigger ("signed", "ratified", "froze its
   participation") in a sentence that names an agreement ("treaty", "pact", a treaty's
   name) or an organisation, or that continues the agreement of the sentence before
   ("It was signed in …"). A trigger with a negation before it ("did not sign") or a
   hedge ("could", "plans to") gives no event.
3. Parties. Joining, leaving or suspending an organisation: the acting state(s) (the
   subject, before the trigger) plus the organisation; approving someone's accession:
   every state named plus the organisation. Otherwise the states joined by "between X
   and Y", else the states the sentence names, leaving out places ("in Ukraine", "from
   Turkey", "to Pyongyang") and demonyms that describe things rather than governments
   ("Chinese ships"; but "Iranian counterpart", "North Korean leader"). An agreement
   keeps the union of its parties over the article; a sentence naming fewer than two
   states continues the agreement in focus.
4. One record per agreement and event; its date is the first date written in a
   sentence reporting it (the date nearest the trigger), resolved against the
   publication date. An agreement named only in passing ("under a 1951 treaty",
   "the treaty between A and B") is ``mentioned``, unless something happened to it.
5. Provisions (``provisions``, ``data/provisions.yaml``) in sentences about an
   agreement, denied ones kept apart.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from casus.reader import clause_words, instruments, layout, membership, nouns, officials, provisions, sentences
from casus.reader import pairs as agreement_pairs
from casus.reader import parties as party_rules
from casus.reader.dates import DateMention, Dater
from casus.reader.facts import Agreement, Evidence, Reading
from casus.reader.known import known_agreement_ids
from casus.reader.mentions import Mention, finder_for
from casus.reader.polities import polities
from casus.reader.rules import Rules, load_rules, trigger_group
from casus.states import default_registry

# the everyday words of a clause (``data/clause_words.yaml``): after a demonym, the words
# that make it a government; before a state, those that make it a place
_WORDS = clause_words.load()
_GOVERNMENT = _WORDS.government
_PLACE_BEFORE = _WORDS.place_before
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_JOIN_GAP = re.compile(r"^\s*(?:,\s*)?(?:and\s+|&\s+)?(?:the\s+)?$|^\s*[-–/]\s*$", re.I)
_ALLIANCE_ANAPHOR = _WORDS.alliance_anaphor
# the agreement nouns (``data/agreement_nouns.yaml``), in the forms each rule below needs
_NOUNS = nouns.load()
# (after an opening phrase too: "In May, it was signed by the two ministers")
_ANAPHOR_START = re.compile(r"^\W*(?:[A-Z][\w ]{1,30},\s*(?=it\b|they\b))?(?:It|it|They|they|This|That|The "
                            + _NOUNS.pattern(plural=False) + r")\b")
# after an organisation told of an act: the act is on another agreement ("notified the UN
# of their withdrawal from the Ottawa Convention"), so the organisation is only told
_TOLD_OF_ANOTHER = _WORDS.told_of_another
# after a word of announcing, the act announced is on membership: "announced that they
# would withdraw from ECOWAS" (the organisation right after the verb: "would join the
# treaty with Iran, citing the CSTO" is no membership act)
_MEMBERSHIP_ACT_AFTER = _WORDS.membership_act_after
_FUTURE_TURNS_ANNOUNCED = ("signed", "ratified", "acceded", "entered_into_force", "withdrew")
# membership acts that one sentence may report more than once, each on its own states
_REPEATABLE = frozenset({"suspended", "acceded"})
# acts each state does on its own, also on a bilateral treaty: one record per acting state
_UNILATERAL = frozenset({"ratified", "suspended", "withdrew", "terminated"})
_ADMISSION = _WORDS.admission
# a day or month is no word of a name ("signed the Border Agreement on Monday")
_NOT_A_DAY = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
              r"June|July|August|September|October|November|December)\b)")
# a quoted title opens at a word's start: the apostrophe of "Greece's … Egypt's" is no quote
_NAME = re.compile(  # (within a line: a headline and the paragraph after it are no one name)
    r"(?:(?<!\w)[‘“\"'](?P<q>[^’”\"']{3,80}?)[’”\"'])|(?P<n>(?:(?:19|20)\d\d[^\S\n]+)?(?:[A-Z][\w.'-]*[^\S\n]+)*?"
    r"(?:[A-Z][\w.'-]*[^\S\n]+)(?:(?:of|on|for|in|and|between|the)[^\S\n]+[A-Z][\w.'-]*[^\S\n]*)*"
    + _NOUNS.alternation(_NOUNS.forms(names=nouns.NAMES), capitalised=True) +
    r"(?:[^\S\n]+(?:on|of|between|for)(?:[^\S\n]+(?:the|and|of|" + _NOT_A_DAY + r"[A-Z][\w.'-]*|People's))+)?)"
    # a name that begins with its kind: "the Treaty of Good Neighbourliness and Alliance"
    r"|(?P<t>\b" + _NOUNS.alternation(_NOUNS.forms(plural=False, names=("begins",)), capitalised=True) +
    r"[^\S\n]+(?:of|on|for)(?:[^\S\n]+(?:the|and|of|" + _NOT_A_DAY + r"[A-Z][\w.'-]*))*[^\S\n]+" + _NOT_A_DAY + r"[A-Z][\w.'-]*)")
# between a verb and the name right after it ("joins Mali", "joined the Philippines")
_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?")
# words of a sentence, not of a title, in a quotation
_UTTERANCE = re.compile(r"(?i)\b(?:we|i|you|they|he|she|our|my|have|has|had|is|are|was|were|will|would|can|could|"
                        r"must|should)\b|[,.!?]\s*$")
_YEAR_NAME = re.compile(r"\b(?:19|20)\d\d (?:[a-z-]+ )?" + _NOUNS.pattern(names=nouns.NAMES) + r"\b")
# "under a 1951 treaty": the sentence's actors are its sides
_UNDER = re.compile(r"\bunder (?:a|an|the|their|its)\b[^.;,]{0,40}?\b" + _NOUNS.pattern(nouns.SIDED) + r"\b", re.I)
_VISIT = _WORDS.visit
_QUOTE = re.compile(r"“([^”]{15,}?)”|\"([^\"]{15,}?)\"")
_SAY = _WORDS.quoting
_SPEAKER_AFTER = re.compile(r"[,\s]*(?P<who>[^.“”\"]{1,80}?)\s+" + _SAY + r"\b|[,\s]*" + _SAY +
                            r"\s+(?P<who2>[^.,“”\"]{1,80})")
_SPEAKER_BEFORE = re.compile(r"(?P<who>[A-Z][^.“”\"]{0,80}?)\s+(?:" + _SAY + r")(?: \w+)?[:,]?\s*$")
_DATELINE = re.compile(r"^\s*(?:date \d{4}-\d\d-\d\d\s+)?[A-Z][A-Za-z .,'()]{1,60}?\s+[-–—]\s")


# dependency labels by which a mention is an argument of the event's clause (subject,
# object, coordination, possessor, compound or adjective of an argument, apposition)
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent", "conj", "appos", "compound", "poss",
                            "amod", "nmod", "attr", "npadvmod", "pobj", "prep", "oprd", "ROOT", "acomp", "cc",
                            "acl", "relcl"})
# prepositions that join parties ("with", "between", "by"); any other ("in", "amid",
# "against", "on", "from", "to") makes the mention a place, a threat or a model
_PARTY_PREPOSITIONS = _WORDS.party_prepositions
# verbs of saying: a clause reported by someone is about the clause's parties, not the speaker's
_SAYING = _WORDS.saying_verbs

# after a state: it (or its ministry, its spokesman) says the clause, set off by commas
# ("…, Turkey's foreign ministry said,"), a speaker beside the clause
_SPEAKER = re.compile(r"(?:'s?)?(?:\s+[\w-]+){0,3}?\s+(?:" + "|".join(sorted(_SAYING - {"according"})) + r")\b")
_SET_OFF_AFTER = re.compile(r"\s*(?:[,.;]|$)")

# nouns an organisation's name may qualify and still be spoken of itself
_OWN_PART = _WORDS.own_part
# the words of an organisation's own treaty (without a parse: "the SCO charter entered into force")
_TREATY_PART = _WORDS.treaty_part
# the subject of an act of an organisation's members ("members of the Arab League signed")
_MEMBERS_AS_SUBJECT = _WORDS.members_as_subject
# a member of it: an organisation qualifying these is the one joined or left
_MEMBER_NOUNS = _WORDS.member_nouns
# "members of the CSTO", "the creation of NATO", "commitment to NATO"
_ALLIANCE_HEADS = _WORDS.alliance_heads
# the first agreement noun after a verb, and whether it is plural
_AGREEMENT_NOUN = re.compile(r"\b(?:(?P<plural>" + _NOUNS.pattern(singular=False) + r")|"
                             + _NOUNS.pattern(plural=False) + r")\b", re.I)
# a word for any agreement after "the": the agreement spoken of last
_DEFINITE_AGREEMENT = re.compile(r"\b(?:the|this) " + _NOUNS.pattern(("general",), plural=False) + r"\b", re.I)
# after a state's name: it qualifies something else ("the Russia-led bloc", "a
# Qatar-brokered truce", "US-backed forces"): a leader, broker or sponsor, no party
_LED_BY = _WORDS.sponsored
_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?", re.I)
_PARENTHETICAL = re.compile(r",[^,.;]{1,60},")
_DEMONYM_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", re.I)  # "Kazakh, Uzbek and Kyrgyz"
_WITH_BEFORE = re.compile(r"\bwith (?:the )?$", re.I)
# before an organisation: its treaty cited as the legal basis of something else
# ("under the UN Charter", "under Article 51 of the UN Charter")
_CITED = _WORDS.cited
# after a verb: an agreement introduced as new ("signed a defence cooperation agreement")
_INDEFINITE_AGREEMENT = re.compile(r"\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?" + _NOUNS.pattern(plural=False) + r"\b",
                                   re.I)
# a number of agreements right after the verb ("signed two documents", "concluded with the
# announcement of five major agreements")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "10": 10}
# (a numeral before "the" is no count: "ratified Wednesday, August 3 the protocols")
_COUNTED = re.compile(r"[^.;:]{0,40}?\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\s+"
                      r"(?!(?:the|a|an|this|these|those|its|their)\b)(?:[\w-]+\s+){0,3}?"
                      r"(?:" + _NOUNS.pattern(singular=False) + r"|instruments)\b",
                      re.I)
# a pronoun subject by which a speaker reports its own act
_SELF = frozenset({"it", "they", "we"})
# a person's pronoun subject of the reported verb itself: the speaker ("Kim said he signed")
_SPEAKER_SELF = frozenset({"he", "she", "i"})
# "… told reporters that his country had ratified the accord": the speaker's state
_SPEAKER_COUNTRY = frozenset({"country", "government", "nation", "state"})
_RELATIVE = _SELF | {"which", "that", "who", "whom"}

# after an organisation's name: it describes a state ("NATO member Turkey", "EU-member
# states", "NATO allies"), it is not spoken of itself
_MEMBER_OF = re.compile(r"[\s-]*(?:member|members|ally|allies|partner|partners|countries|states|nations)\b", re.I)


@dataclass
class _Cluster:
    """One agreement in the article."""

    index: int
    parties: list[str] = field(default_factory=list)  # state/org ids in order of appearance
    lone: bool = False  # started beside a full agreement in focus; takes no stray state later
    name: str | None = None
    provisions: set[str] = field(default_factory=set)
    negated: set[str] = field(default_factory=set)
    provision_evidence: list[tuple[int, int]] = field(default_factory=list)  # sentences stating them
    records: dict[str, dict] = field(default_factory=dict)  # event -> record
    mention_evidence: list[tuple[int, int]] = field(default_factory=list)
    mention_date: str | None = None
    admitted: list[str] = field(default_factory=list)  # the states whose accession it is, when known

    def add_parties(self, ids) -> None:
        for ident in ids:
            if ident not in self.parties:
                self.parties.append(ident)


@dataclass
class _Trigger:
    event: str
    start: int
    end: int
    text: str
    of_membership: bool = False  # an announced withdrawal: acting states plus organisation
    turned: bool = False  # announced for a future or intended act ("will sign", "ready to pull out")
    invitation: bool = False  # an invitation to join an organisation: one announced record per invitee


class _TriggerMatch:
    """A trigger pattern's match; a pattern with a group ``t`` marks the trigger word
    within a longer match ("Article 4 was (?P<t>triggered)"), and only that group is the
    trigger (its span, its clause, the negation before it)."""

    def __init__(self, match: re.Match) -> None:
        group = trigger_group(match)
        self._span = match.span(group)
        self._text = match.group(group)

    def start(self) -> int:
        return self._span[0]

    def end(self) -> int:
        return self._span[1]

    def group(self) -> str:
        return self._text


class _Reader:
    def __init__(self, article, nlp, rules: Rules, finder, orgs, doc=None) -> None:
        self.article = article
        self.doc = doc if doc is not None else nlp.make_doc(article.text)
        self.parsed = self.doc.has_annotation("DEP")
        self.text = article.text
        self.published = article.published
        self.nlp = nlp
        self.rules = rules
        self.finder = finder
        self.orgs = orgs
        self.clusters: list[_Cluster] = []
        self.focus: _Cluster | None = None
        self.pending_provisions: list[tuple[str, bool, tuple[int, int]]] = []
        self.last_org: str | None = None
        self.focus_before: _Cluster | None = None
        self._spans = sentences.split(self.text)
        self._aliases: instruments.Aliases | None = None  # abbreviations the article defines
        self.party_rules = party_rules.load_party_rules()
        self._last_signing: tuple[dict, _Cluster, int] | None = None  # (record, clause number) for a signatory list
        self.denied: set[int] = set()  # starts of clauses whose act is denied or only considered
        self._trigger_ends: dict[int, int] = {}  # a trigger's start -> its end (its words are the verb's)
        self._mention_starts: set[int] | None = None
        self._triggers: dict[tuple[int, int], list[_Trigger]] = {}  # (sentence start, end) -> its triggers
        self._names: dict[tuple[int, int], list[tuple[int, int, str]]] = {}  # (sentence start, end) -> its names
        self._last_act: tuple[str, _Cluster, int, dict] | None = None  # a state's own act, for "followed suit"

    # -- mentions --------------------------------------------------------------------

    def mentions(self) -> list[Mention]:
        found = self.finder.find(self.nlp, self.doc, self.published)
        if self.parsed:
            # "Moldovan President Maia Sandu … Sandu signed": the surname stands for the state
            people = officials.introduced(self.doc, found, self.party_rules.leader_titles)
            if people:
                found = sorted(found + [
                    Mention(a, b, self.text[a:b], "leader", state, person=person)
                    for a, b, person, state in officials.surname_mentions(
                        self.doc, people, [(m.start, m.end) for m in found])], key=lambda m: m.start)
        dateline = _DATELINE.match(self.text)
        limit = dateline.end() if dateline else 0
        return [m for m in found if m.start >= limit]

    # -- events ----------------------------------------------------------------------

    def triggers(self, s: int, e: int) -> list[_Trigger]:
        """The event triggers of the sentence ``text[s:e]`` (asked more than once of a
        sentence: computed once)."""
        if (s, e) not in self._triggers:
            self._triggers[(s, e)] = self._find_triggers(s, e)
        return list(self._triggers[(s, e)])

    def _find_triggers(self, s: int, e: int) -> list[_Trigger]:
        sentence = self.text[s:e]
        ignored = None  # (the phrases to ignore are looked for once a trigger is found)
        found: list[_Trigger] = []
        for event, patterns in self.rules.events.items():
            for rx in patterns:
                for m in map(_TriggerMatch, rx.finditer(sentence)):
                    if ignored is None:
                        # (a look-alike with a group ``t`` names the trigger words it covers within
                        # a longer match: "revoked Russia's (?P<t>ratification)")
                        ignored = [i.span(trigger_group(i)) for ig in self.rules.ignore for i in ig.finditer(sentence)]
                    if any(a <= m.start() < b for a, b in ignored):
                        continue
                    window = sentence[max(0, m.start() - 45):m.start()]
                    # (a comma before the clause's own verb closes an aside: "Vietnam, which does
                    # not join alliances, has upgraded ties": the aside's "not" is not the verb's)
                    window = re.split(r"[;:—–]|,\s(?:but|while|and)\b|\bbut\b|,(?=\s+(?:has|have|had|is|are|was|were|"
                                      r"will|would|instead|then|now|also|later|on \w+day)\b)", window)[-1]
                    if self.rules.negation.search(window):
                        self.denied.add(s)
                        continue
                    # (a wider window: "announced on Friday that Pakistan and India would join")
                    reported = self.rules.reported_future is not None and \
                        event in _FUTURE_TURNS_ANNOUNCED and self.rules.reported_future.search(
                            re.split(r"[;:—–]", sentence[max(0, m.start() - 90):m.start()])[-1])
                    if event not in ("negotiating", "announced") and self.rules.hedge.search(window) and not reported:
                        continue
                    if event not in ("negotiating", "announced") and self.rules.considered is not None and \
                            self.rules.considered.search(sentence[max(0, m.start() - 60):m.start()]):
                        self.denied.add(s)
                        continue  # "weigh invoking Article 4": considered, not done
                    intended = self.rules.intention is not None and self.rules.intention.search(window)
                    if intended and event not in _FUTURE_TURNS_ANNOUNCED and event not in ("negotiating", "announced"):
                        continue
                    ahead = reported or self.rules.future.search(window) or (
                        self.rules.headline_future is not None and
                        self.rules.headline_future.search(sentence[:m.start()]))
                    if event in _FUTURE_TURNS_ANNOUNCED and (intended or ahead):
                        # "will sign next week", "will abandon the treaty", "plans to quit the
                        # bloc": announced, not done (a withdrawal announced from an
                        # organisation binds the acting states and the organisation)
                        event_here = "announced"
                    else:
                        event_here = event
                    turned = event_here != event
                    # "announced it was ready to pull out": the word of announcing is the trigger
                    # (not when the act's clause has a state subject of its own: in "Russia
                    # announced that Pakistan and India would join the SCO" the joiners act)
                    found = [t for t in found if not (t.turned and not turned and t.event == event_here
                                                      and s + m.start() < t.start and not self._state_subject(t))]
                    if any(t.event == event_here and (event_here not in _REPEATABLE | _UNILATERAL or
                                                      s + m.start() - t.end < 15) for t in found):
                        continue  # (an organisation may suspend or admit again: "…, having earlier suspended X")
                    self._trigger_ends[s + m.start()] = max(s + m.end(), self._trigger_ends.get(s + m.start(), 0))
                    invitation = event_here == "announced" and self.rules.invitation is not None and bool(
                        self.rules.invitation.search(m.group()))
                    found.append(_Trigger(event_here, s + m.start(), s + m.end(), m.group(),
                                          of_membership=(event in ("withdrew", "acceded") and turned) or invitation,
                                          turned=turned,
                                          invitation=invitation))
        effect = [t for t in found if t.event in ("announced", "entered_into_force") and re.search(
            r"\beffect(?:ive)?\b", t.text)]
        if effect and any(t.event in ("withdrew", "acceded") for t in found):
            # "the withdrawal took effect on Sunday" is the withdrawal, "Chile's accession took
            # effect" the joining; "will take effect next year": notice given, the state has
            # not left (or joined) yet (announced)
            found = [t for t in found if t not in effect]
            if any(t.event == "announced" for t in effect):
                found = [dataclasses.replace(t, event="announced", of_membership=True)
                         if t.event in ("withdrew", "acceded") else t for t in found]
        strong = [t for t in found if t.event not in self.rules.weak or (
            self.rules.notice is not None and self.rules.notice.search(t.text))]
        if strong and self.parsed:
            # "Russia suspends the treaty a day after the U.S. announced it would pull out":
            # an announcement with a clause of its own, about no strong event, stays
            strong += [t for t in found if t.event in self.rules.weak and instruments.own_clause(self, t, strong)]
        found = sorted(strong or found, key=lambda t: t.start)
        background = [t for t in found if self._background(t, s, e)]
        if background and (len(background) < len(found) or self._long_before(found[0], s, e)):
            found = [t for t in found if t not in background]
        return found

    def _state_subject(self, trigger: _Trigger) -> bool:
        """Whether the trigger's verb has a subject of its own that names a state."""
        token = self._token_at(trigger.start) if self.parsed else None
        if token is None or token.pos_ not in ("VERB", "AUX"):
            return False
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and self._names_a_state(subject)

    def _long_before(self, trigger: _Trigger, s: int, e: int) -> bool:
        """Whether the event's date lies more than five years before publication: a
        participle giving an agreement's history ("the treaty, signed in 1947, states
        …") is no news; a recent one ("the pact, announced in 2021") may be."""
        if self.published is None:
            return False
        date = self.dater.own(trigger.event, trigger.start, trigger.end, s, e)
        return bool(date) and int(date[:4]) < self.published.year - 5

    def _background(self, trigger: _Trigger, s: int, e: int) -> bool:
        """A participle describing an agreement ("ended the accord signed with Paris"):
        beside another event it says which agreement, not what happened."""
        if not self.parsed:
            return False
        token = self._token_at(trigger.start)
        if token is None or token.tag_ != "VBN" or token.dep_ != "acl":
            return False
        # (a participle the parse hangs on the signers is their verb, misread: "an agreement
        # that the two governments signed in 2024", "which both leaders signed")
        head = token.head.lower_
        return head not in self.party_rules.pairs.pair_words and head not in self.party_rules.official_nouns


    def names(self, s: int, e: int) -> list[tuple[int, int, str]]:
        """The agreement names of ``text[s:e]`` (asked more than once of a sentence:
        computed once)."""
        if (s, e) not in self._names:
            self._names[(s, e)] = self._find_names(s, e)
        return list(self._names[(s, e)])

    def _find_names(self, s: int, e: int) -> list[tuple[int, int, str]]:
        out = []
        for m in _NAME.finditer(self.text, s, e):
            group = "q" if m.group("q") else ("n" if m.group("n") else "t")
            value = m.group(group)
            if group == "q" and (not self.rules.nouns.search(value) or _UTTERANCE.search(value)):
                continue  # (a quoted sentence is no title: “We have signed a historic treaty,”)
            if group == "n" and len(value.split()) < 2:
                continue
            out.append((m.start(group), m.end(group), value.strip()))
        if self.rules.known is not None:
            for m in self.rules.known.finditer(self.text, s, e):
                if not any(a <= m.start() < b for a, b, _ in out):
                    out.append((m.start(), m.end(), m.group()))
        for m in _YEAR_NAME.finditer(self.text, s, e):
            if not any(a <= m.start() < b for a, b, _ in out):
                out.append((m.start(), m.end(), m.group()))
        if self._aliases is None:
            self._aliases = instruments.Aliases(self.text, _NAME)
        for a, b, full in self._aliases.find(self.text, s, e):
            if not any(x <= a < y for x, y, _ in out):
                out.append((a, b, full))  # "the C-SIPA": the agreement it abbreviates
        return sorted(out)

    def state_ids(self, mentions: list[Mention]) -> list[str]:
        ids: list[str] = []
        for m in mentions:
            if m.is_org:
                org = self.orgs[m.id]
                if org.kind == "organisation" and m.kind == "party" and m.id not in ids:
                    ids.append(m.id)  # the other side of an agreement ("a partnership with the EU")
                for member in org.members:
                    if member not in ids:
                        ids.append(member)
                continue
            if m.id not in ids:
                ids.append(m.id)
        return ids

    def _coordinated_with_state(self, org: Mention, mentions: list[Mention]) -> bool:
        """"Britain and the European Union signed …": an organisation coordinated with a
        state is a side of the agreement as the state is, not a place or a topic."""
        for m in mentions:
            if m.is_org:
                continue
            gap = self.text[m.end:org.start] if m.end <= org.start else self.text[org.end:m.start]
            if _COORDINATION.fullmatch(gap):
                return True
        return False

    def _told(self, m: Mention, s: int) -> bool:
        """Told of the act, not a party: "notified Japan", "informed the United Nations of
        their withdrawal from the convention" (an organisation told of leaving it is left),
        "after informing the UN of its decision" (a depositary is only ever told)."""
        addressee = self.party_rules.addressee
        told_list = self.party_rules.addressee_list
        if told_list is not None and m.is_org and m.id in self.party_rules.depositaries and told_list.search(
                self.text, max(s, m.start - 60), m.start):
            return True  # "after informing other signatories and the UN"
        return addressee is not None and bool(addressee.search(self.text, max(s, m.start - 20), m.start)) and (
            not m.is_org or m.id in self.party_rules.depositaries or bool(_TOLD_OF_ANOTHER.match(self.text, m.end)))

    def _in_comment(self, m: Mention, mentions: list[Mention], s: int) -> bool:
        """Whether the state is of a comment set off on the act (", a step Turkey had long
        urged,", ", a move that Ankara and Athens welcomed,"): it urged or welcomed the act,
        it is not its party. The small model parses such a zero relative clause as the
        sentence's main verb, so the words decide (``clause_words.yaml`` ``comment_nouns``)."""
        lead = m
        for other in sorted((o for o in mentions if o.end <= m.start), key=lambda o: -o.start):
            if not _COORDINATION.fullmatch(self.text[other.end:lead.start]) and \
                    not re.fullmatch(r"\s*,\s*", self.text[other.end:lead.start]):
                break
            lead = other  # "a step Turkey and Greece had urged": the first of the list
        return bool(_WORDS.comment_before.search(self.text, max(s, lead.start - 60), lead.start))

    def actors(self, mentions: list[Mention], s: int) -> list[Mention]:
        """Mentions that may be parties: not places, not descriptive demonyms."""
        out = []
        states = sorted((o for o in mentions if not o.is_org), key=lambda o: o.start)
        for m in mentions:
            if self._told(m, s):
                continue  # "notified the United Nations of their withdrawal from the convention"
            if self._in_comment(m, mentions, s):
                continue  # "A and B, a step Turkey had long urged, signed …"
            if m.is_org:
                out.append(m)
                continue
            before = self.text[max(s, m.start - 12):m.start]
            if _PLACE_BEFORE.search(before) and not self._officials_from(m, s) and not self._rulers_before(m, s):
                continue
            third_role = self.party_rules.third_role
            if third_role is not None and third_role.search(self.text, max(s, m.start - 30), m.start):
                continue  # "in talks brokered by Qatar", "at a summit hosted by Vietnam"
            if party_rules.absolute_with(self.text, m, states, self.party_rules):
                continue  # "…, with Russia and Iran due to ink a similar document": another act
            media = self.party_rules.media_after
            if media is not None and media.match(self.text, m.end):
                continue  # "reports from Singapore's Straits Times", "Russia's state media": a source
            if m.kind == "capital" and self.party_rules.in_name(self.text, m.start, m.end):
                continue  # "the Ottawa Convention", "the Treaty of Lisbon": where it was signed
            after = self.text[m.end:m.end + 30]
            if m.kind == "demonym" and any(o.kind == "demonym" and o.start == m.end + 1 for o in mentions):
                continue  # "Greek Cypriot officials": the second demonym is the head
            if m.kind == "demonym" and not _GOVERNMENT.match(after) and not self._coordinated_government(m, mentions):
                continue
            if re.match(r"\s*\d", after):  # "France 24"
                continue
            if _LED_BY.match(after):  # "the Russia-led CSTO", "a Saudi-brokered deal"
                continue
            out.append(m)
        return self._without_speakers(party_rules.introduced(self.text, s, out, self.party_rules), s)

    def _joins_a_state(self, trigger: _Trigger, here) -> bool:
        """Whether "join" has a state for its object ("Gabon joins Mali and Niger, which were
        suspended"): joining others in a condition, not a membership."""
        if not re.fullmatch(r"(?:re)?join(?:s|ed)?", trigger.text, re.I):
            return False
        # (the words decide: the small model reads the list as an object, an attribute or an
        # adverb by turns)
        return any(not m.is_org and _OBJECT_GAP.fullmatch(self.text[trigger.end:m.start])
                   for m in here if m.start >= trigger.end)

    def _possessing_speaker(self, trigger: _Trigger) -> str | None:
        """The state that says its own agreement did something ("Pyongyang said its treaty
        with Moscow took effect"): the speaker is a side through "its"/"their", though a
        speaker is otherwise no party of the clause it reports."""
        token = self._token_at(trigger.start) if self.parsed else None
        verb = token
        for _ in range(3):
            if verb is None or verb.dep_ == "ccomp" or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb is None or verb.dep_ != "ccomp" or verb.head.lower_ not in _WORDS.saying_verbs:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subject.children):
            return None
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if speaker is None:
            return None
        inside = {t.i for t in speaker.subtree}
        return next((m.id for m in self._mentions if not m.is_org and self._root(m) in inside), None)

    def _without_speakers(self, actors: list[Mention], s: int) -> list[Mention]:
        """Without a state quoted beside the clause: set off inside it ("A and B, Turkey's
        foreign ministry said, signed …"), or before or after it ("Turkey's foreign ministry
        said A and B …", "…, Turkey's foreign ministry said.") when two other states remain.
        The speaker of a reported clause is no party of it."""
        speakers, parenthetical = set(), set()
        for m in actors:
            said = None if m.is_org else _SPEAKER.match(self.text, m.end)
            if not said:
                continue
            set_off = _SET_OFF_AFTER.match(self.text, said.end())
            if m.start == s or (set_off and re.search(r",\s*(?:the\s+)?$", self.text[max(s, m.start - 8):m.start])):
                speakers.add(m.id)  # "Turkey's foreign ministry said A and B …", "…, Turkey said."
                if set_off and set_off.group().endswith(","):
                    parenthetical.add(m.id)  # "A and B, Turkey's ministry said, signed": never the subject
        if len({m.id for m in actors if not m.is_org and m.id not in speakers}) < 2:
            speakers = parenthetical
        return [m for m in actors if m.id not in speakers] if speakers else actors

    def _outside_side_clauses(self, mentions: list[Mention], trigger: _Trigger) -> list[Mention]:
        """The mentions whose path up to the trigger passes through no clause of another
        verb ("A and B, citing NATO's Article 5 as a model, froze their participation in the
        SCO": NATO hangs on "citing"); all of them without a parse."""
        token = self._token_at(trigger.start) if self.parsed else None
        if token is None:
            return mentions
        return [m for m in mentions
                if self._reaches(m, {token.i}, ("acl", "advcl", "relcl", "ccomp", "parataxis", "xcomp"))]

    def _reaches(self, m: Mention, stops: set[int], clause_deps) -> bool:
        """Whether the mention's path up the parse meets a token of ``stops`` before it
        crosses into a clause of another verb (a link in ``clause_deps``)."""
        node = self.doc[i] if (i := self._root(m)) is not None else None
        for _ in range(40):
            if node is None:
                return False
            if node.i in stops:
                return True
            if node.dep_ in clause_deps or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _beside(self, mentions: list[Mention], anchor: int) -> list[Mention]:
        """The mentions outside the side clauses that do not hold ``anchor`` ("would defend
        Norway under the allies' treaty, after ships of Russia entered its waters": Russia
        is of the "after" clause, the incident, not of the treaty); all without a parse."""
        token = self._token_at(anchor) if self.parsed else None
        if token is None:
            return mentions
        # (a clause met below the anchor's own line of heads cannot hold the anchor)
        above = {token.i} | {t.i for t in token.ancestors}
        return [m for m in mentions if self._reaches(m, above, ("advcl", "relcl", "acl", "parataxis"))]

    def _ruler_in(self, preposition) -> bool:
        """Whether the preposition is the "in" of those who rule a state ("the juntas in Mali
        and Niger", ``parties.yaml`` ``rulers_in``): the state named after it acts."""
        return preposition.lower_ == "in" and preposition.head.lower_ in self.party_rules.rulers_in

    def _rulers_before(self, m: Mention, s: int) -> bool:
        """"the military juntas in Mali": those who rule a state, named by where they rule."""
        before = re.search(r"([A-Za-z]+)\s+in\s+(?:the\s+)?$", self.text[max(s, m.start - 40):m.start])
        return bool(before) and before.group(1).lower() in self.party_rules.rulers_in

    def _officials_from(self, m: Mention, s: int) -> bool:
        """"the defence ministers from Kenya and Uganda": officials from a state stand for it."""
        before = re.search(r"([A-Za-z]+)\s+from\s+(?:the\s+)?$", self.text[max(s, m.start - 40):m.start])
        return bool(before) and before.group(1).lower() in self.party_rules.official_nouns

    def _first_and_coordinated(self, mentions: list[Mention]) -> list[Mention]:
        """The first of ``mentions`` and those coordinated with it ("by A, B and C")."""
        out = mentions[:1]
        for m in mentions[1:]:
            if not (_JOIN_GAP.match(self.text[out[-1].end:m.start]) or self._conjunct_of(m, out[0])):
                break
            out.append(m)
        return out

    def _conjunct_of(self, mention: Mention, first: Mention) -> bool:
        """"by the Kenyan government and its Tanzanian counterpart": the mention's phrase is
        a conjunct of the first's (in the parse)."""
        if not self.parsed:
            return False
        root, head = self._root(first), self._root(mention)
        if root is None or head is None:
            return False

        def phrase_head(token):  # "Kenyan" in "the Kenyan government": the government
            while token.dep_ in ("amod", "compound", "poss", "nmod") and token.head.i != token.i:
                token = token.head
            return token
        first_head, token = phrase_head(self.doc[root]), phrase_head(self.doc[head])
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
            if token.i == first_head.i:
                return True
        return False

    def _coordinated_government(self, demonym: Mention, mentions: list[Mention]) -> bool:
        """"the Kenyan and Tanzanian governments": a demonym coordinated with the next one
        that heads a government word is a government too."""
        for o in mentions:
            if o.kind == "demonym" and o.start > demonym.end and _DEMONYM_LIST_GAP.fullmatch(
                    self.text[demonym.end:o.start]) and o.id != demonym.id:
                return bool(_GOVERNMENT.match(self.text[o.end:o.end + 30])) or self._coordinated_government(o, mentions)
        return False

    # -- syntax ----------------------------------------------------------------------

    def _token_at(self, char: int):
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def clause_chain(self, start: int) -> set[int]:
        """Token indices of the event's clause: the trigger and its heads up to the
        sentence root, stopping before a verb of saying (the speaker is no party)."""
        token = self._token_at(start)
        if token is None:
            return set()
        chain = {token.i}
        verbal = token.pos_ in ("VERB", "AUX")  # the trigger's own verb so far ("signed", "agreed to sign")
        if start in self._trigger_ends:
            # a trigger of several words ("walked away from", "in talks", "final approval",
            # "entered into"): its words are all the verb's, so an argument may hang on any
            span = self.doc.char_span(start, self._trigger_ends[start], alignment_mode="expand")
            chain |= {t.i for t in span or ()}
        while token.head.i != token.i:
            if token.dep_ in ("ccomp", "parataxis") and token.head.lower_ in _SAYING:
                subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
                subjects += [g for c in subjects for g in c.conjuncts]
                if any(c.lower_ in _SELF for c in subjects) or (verbal and any(
                        c.lower_ in _SPEAKER_SELF or (c.lower_ in _SPEAKER_COUNTRY and any(
                            g.dep_ == "poss" and g.lower_ in ("his", "her", "its", "their", "our", "my")
                            for g in c.children)) for c in subjects)):
                    # "Chad said it was ending the accord", "Kim told reporters he and Putin
                    # had signed the treaty": the speaker speaks of its own act
                    chain.add(token.head.i)
                break
            verbal = verbal and token.dep_ == "xcomp"
            if token.dep_ in ("relcl", "acl") and self.rules.nouns.fullmatch(token.head.text) and any(
                    c.dep_ in ("nsubj", "agent") and c.lower_ not in _RELATIVE for c in token.children):
                # "summoned the ambassador over the treaty Putin and Kim signed": a clause
                # describing the agreement with signatories of its own is the event's; the
                # clause holding the agreement noun is another act (its subject is no party).
                # "the Accords, which were signed …" names none: the parties are outside
                chain.add(token.head.i)
                break
            if token.dep_ == "advcl" and any(
                    c.dep_ in ("nsubj", "nsubjpass") and self._names_a_state(c) for c in token.children):
                # "…, months after Mali left ECOWAS": an adverbial clause whose own subject
                # names a state is another act; the main clause's subjects are not its parties
                break
            if _own_clause(token):
                # "Uzbekistan joined in 2001, and India and Pakistan joined in 2017": a verb
                # with a subject of its own, coordinated with another, is an act of its own
                break
            token = token.head
            chain.add(token.i)
        return chain

    def _names_a_state(self, token) -> bool:
        """Whether the token's phrase holds a state's or an organisation's mention."""
        if self._mention_starts is None:
            self._mention_starts = {m.start for m in self._mentions}  # (found once, in ``read``)
        return any(t.idx in self._mention_starts for t in token.subtree)

    def is_argument(self, mention: Mention, chain: set[int]) -> bool:
        """Whether the mention is an argument of the clause: its path up to a token of
        the chain runs only through argument links and party prepositions."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        token = span.root
        other_side = False  # came up through the "with" of an agreement noun
        for _ in range(40):
            if token.i in chain:
                return True
            if token.dep_ not in _ARGUMENT_DEPS or token.head.i == token.i:
                return False
            if token.dep_ == "pobj" and token.head.lower_ not in _PARTY_PREPOSITIONS and token.head.i not in chain \
                    and not (token.head.lower_ == "from" and token.head.head.lower_ in self.party_rules.official_nouns) \
                    and not self._ruler_in(token.head) and not _linking_to(token.head):
                # (a preposition of the trigger's own words is the verb's: "walked away from")
                # "withdrew from the border treaty with Peru", "suspended its participation in
                # the accord with Benin": the agreement acted on, after any one preposition,
                # brings the other side of its "with"
                if not (other_side and self.rules.nouns.fullmatch(token.text) and token.head.lower_ in (
                        "from", "in", "to", "under")):  # (not "following a deal between C and D")
                    return False
                other_side = False
                token = token.head.head  # (past the preposition)
                continue
            if token.dep_ == "prep" and token.head.pos_ == "ADJ" and token.head.dep_ in ("amod", "acomp", "advcl"):
                return False  # "Egypt and Sudan, both wary of Ethiopia's dam, …": an attitude, not an act
            if token.dep_ == "prep" and token.lower_ in ("with", "between") and \
                    self.rules.nouns.fullmatch(token.head.text):
                other_side = True
            if _own_clause(token) and token.head.i in chain:
                return False  # the subject of a coordinated verb of its own ("…, and B joined in 2017")
            if token.dep_ in ("acl", "relcl") and not self.rules.nouns.fullmatch(token.head.text) and not (
                    token.lower_ in ("joined", "accompanied") and token.tag_ == "VBN") and not (
                    token.head.lower_ in _WORDS.intention_nouns):
                # ("Ghana, joined by Togo, signed …": Togo acts beside the subject)
                # a participle or relative clause carries parties only when it describes an
                # agreement ("the treaty, signed by A and B"), not another word ("…, spurred by
                # Ethiopia's memorandum"); the act of an intention is the intention's
                # ("announced plans to sign a pact with Canada")
                return False
            if token.dep_ == "pobj" and token.head.lower_ == "between" and \
                    token.head.head.lower_ in self.party_rules.between_not_parties:
                return False  # "tensions between Somalia and Ethiopia"
            if token.dep_ == "prep" and token.lower_ not in _PARTY_PREPOSITIONS and not (
                    token.lower_ == "out" and any(c.lower_ == "of" for c in token.children)) and not (
                    token.lower_ == "from" and token.head.lower_ in self.party_rules.official_nouns) and not (
                    self._ruler_in(token)) and not _linking_to(token):
                return False  # ("pull out of the treaty with Russia": "out of" is the verb's)
            token = token.head
        return False

    def syntactic(self, mentions: list[Mention], start: int) -> list[Mention]:
        """The mentions that are arguments of the clause holding ``start`` (a trigger);
        all of them when the Doc has no parse (the rule tests' blank pipeline)."""
        if not self.parsed:
            return mentions
        token = self._token_at(start)
        if token is not None and (token.tag_ in ("VBD", "VBZ", "VBP") or (token.tag_ == "VBN" and any(
                c.dep_ == "auxpass" for c in token.children))) and token.dep_ in ("ROOT", "ccomp") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
            # a finite verb (or a passive) without a subject: the parse went wrong ("Amid X's
            # war in Y, A and B signed" read as "in Y, A and B"), so fall back to the word rules
            return mentions
        chain = self.clause_chain(start)
        return [m for m in mentions if self.is_argument(m, chain)]

    def between(self, mentions: list[Mention], every: bool = False):
        """The states joined by "between X and Y" or "X-Y" (not the sides of a dispute or a
        border, ``parties.between_is_not_parties``; "Greek Cypriot" is one actor): the first
        such group, or with ``every`` all of them."""
        qualifying = party_rules.qualifying_demonyms(mentions, self.text)
        dropped = [m for i, m in enumerate(mentions) if i in qualifying]
        mentions = [m for i, m in enumerate(mentions) if i not in qualifying]
        if mentions:  # (not "between A and B, Turkey's foreign ministry said, …")
            mentions = self._without_speakers(mentions, self._sentence_start(mentions[0].start))

        def gap(a, b) -> str:
            return "".join(self.text[x] for x in range(a.end, b.start)
                           if not any(d.start <= x < d.end for d in dropped))
        groups = []
        for i, m in enumerate(mentions):
            if m.is_org and self.orgs[m.id].kind == "organisation":
                continue
            start = i
            lead = self.text[max(0, m.start - 14):m.start]
            between = _BETWEEN.search(lead)
            # ("US-Japan", "Japan/Australia"; a spaced dash opens an aside: "border Russia - Lithuania, …")
            if not (between or (i + 1 < len(mentions) and re.fullmatch(r"[-–/]", self.text[m.end:mentions[i + 1].start]))):
                continue
            if between and party_rules.between_is_not_parties(self.doc, self.text, m.start - len(lead) + between.start(),
                                                               self.parsed, self.party_rules):
                continue
            group = [m]
            for nxt in mentions[start + 1:]:
                if _JOIN_GAP.match(gap(group[-1], nxt)):
                    group.append(nxt)
                else:
                    break
            if len(self.state_ids(group)) >= 2:
                groups.append(group)
        return groups if every else (groups[0] if groups else [])

    def cluster_for(self, parties: list[str], name: str | None, explicit: bool, another: bool = False) -> _Cluster:
        """The agreement these parties' sentence is about; ``another``: the sentence
        introduces an agreement of its own ("signed a defence agreement with France")."""
        if name:
            for c in self.clusters:
                if c.name and _same_name(c.name, name):
                    c.add_parties(parties)
                    return c
        key = set(parties)
        if len(key - set(self.orgs)) >= 2 or (explicit and len(key) >= 2):
            for c in reversed(self.clusters):
                if set(c.parties) == key or (key <= set(c.parties)) or (
                        set(c.parties) <= key and c is self.focus and not another):
                    if name and c.name and not _same_name(c.name, name):
                        continue
                    c.add_parties(parties)
                    if name and not c.name:
                        c.name = name
                    return c
            return self._new(parties, name)
        orgs_here = [p for p in parties if p in self.orgs]
        if orgs_here:
            for c in reversed(self.clusters):
                if orgs_here[0] in c.parties:
                    c.add_parties(parties)
                    return c
        if self.focus is not None:
            # the sides of the agreement in focus: states and organisations that are parties
            states_in_focus = [p for p in self.focus.parties if p not in self.orgs or self.orgs[p].kind == "organisation"]
            if another and len(states_in_focus) >= 2 and set(parties) - set(self.focus.parties):
                # "… with the EU. In March, Sandu signed a defence agreement with France":
                # another agreement, whose other side goes unsaid
                cluster = self._new(parties, name)
                cluster.lone = True
                return cluster
            if len(states_in_focus) < 2 and not self.focus.lone:
                self.focus.add_parties(parties)
            else:
                # a sentence naming one state ("Hungary blocked the signing …") does not
                # make that state a party of the agreement in focus
                self.focus.add_parties([p for p in parties if p in self.orgs])
            if name and not self.focus.name:
                self.focus.name = name
            return self.focus
        return self._new(parties, name)

    def _new(self, parties, name) -> _Cluster:
        c = _Cluster(len(self.clusters), name=name)
        c.add_parties(parties)
        for kind, negated, sentence in self.pending_provisions:
            (c.negated if negated else c.provisions).add(kind)
            if sentence not in c.provision_evidence:
                c.provision_evidence.append(sentence)
        self.pending_provisions.clear()
        self.clusters.append(c)
        return c

    # -- the pass --------------------------------------------------------------------

    def read(self) -> Reading:
        mentions = self._mentions = self.mentions()
        # dates without the page's own (header, byline, dateline): see ``dates``
        self.dater = Dater(self.text, self.published, self.rules.events, self.rules.weak)
        dates = self.dater.dates
        quotes, visits = [], []
        previous_attached = False
        for clause_number, (s, e) in enumerate(_clauses(self.text, sentences.split(self.text))):
            self._clause_number = clause_number
            sentence = self.text[s:e]
            self.focus_before = self.focus
            here = [m for m in mentions if s <= m.start < e]
            for m in here:
                if m.is_org and self.orgs[m.id].kind == "organisation" and not (
                        self.last_org and _CITED.search(self.text[max(s, m.start - 50):m.start])):
                    # (a treaty cited as a legal basis, "under the UN Charter", does not
                    # displace the organisation spoken of)
                    self.last_org = m.id
            alliance = _ALLIANCE_ANAPHOR.search(sentence) or self._named_anaphor(sentence, s, e)
            if alliance and self.last_org and not any(m.is_org for m in here):
                here = here + [Mention(s + alliance.start(), s + alliance.end(), alliance.group(), "anaphor",
                                       self.last_org, is_org=True)]
                here.sort(key=lambda m: m.start)
            elif self.last_org and not any(m.is_org for m in here) and (
                    bid := party_rules.state_accession(self.text, here, self.party_rules)):
                # "Hungary's parliament approved Sweden's bid": the organisation named last
                here = sorted(here + [Mention(bid[0], bid[1], self.text[bid[0]:bid[1]], "anaphor", self.last_org,
                                              is_org=True)], key=lambda m: m.start)
            sdates = [d for d in dates if s <= d.start < e]
            names = self.names(s, e)
            has_noun = bool(self.rules.nouns.search(sentence)) or bool(names)
            clause = self.rules.clause_anaphor.search(sentence) if self.rules.clause_anaphor else None
            if clause and not has_noun and self.last_org and not any(m.is_org for m in here) and \
                    self._last_org_before(s):
                # "NATO met on Tuesday. Article 4 was invoked by Romania …": its clause
                here = sorted(here + [Mention(s + clause.start(), s + clause.end(), clause.group(), "anaphor",
                                              self.last_org, is_org=True)], key=lambda m: m.start)
            if not has_noun and self.focus is not None:
                # "The leaders also adopted “The Spirit of X” and “Y Principles”": titles
                # of documents signed, in a sentence continuing the agreement in focus
                titled = instruments.titles(self.text, s, e, self.triggers(s, e)) if (
                    "“" in sentence or '"' in sentence) else []  # (a title is quoted)
                if titled:
                    names, has_noun = titled, True
            has_org = any(m.is_org for m in here)
            anaphoric = bool(_ANAPHOR_START.match(sentence)) and (self.focus is not None or (
                self.last_org is not None and self._last_org_before(s)))
            # (a sentence naming no agreement, organisation, anaphor nor state can report an act
            # on the agreement in focus only through a state it names: below; none, no scan)
            triggers = self.triggers(s, e) if (has_noun or has_org or anaphoric or (
                self.focus is not None and here)) else []
            if self.rules.caption is not None and self.rules.caption.search(sentence):
                triggers, has_noun = [], False  # a photo caption: it shows the reported event
            if not (has_noun or has_org or anaphoric):
                # "Mexico left in 2004", "The Bahamas joined in 1982": the agreement in focus
                # (joining only an organisation in focus)
                triggers = [t for t in triggers if ((t.event in ("withdrew", "suspended", "ratified", "terminated",
                                                                  "entered_into_force") or (
                    t.event == "acceded" and self._focus_organisation())) and self.focus is not None
                            and (here or anaphoric) and not _bare_withdrawal(self.text, t))
                            or instruments.talks_with_focus(self, t, here)]
            attached: list[_Cluster] = []
            for trigger in triggers:
                cluster = self.event(trigger, here, names, sdates, s, e)
                if cluster is not None:
                    attached.append(cluster)
                    attached += self._followers(trigger, cluster, here, sdates, s, e)
            if not triggers and not attached:
                self._signatory_list(here, s, e, clause_number, has_noun)
                followed = self._followed(s, e, clause_number)
                if followed is not None:
                    attached.append(followed)
            if has_noun and (not triggers or self._other_named(names, attached)):
                cluster = self.mentioned(here, names, sdates, s, e)
                if cluster is not None:
                    attached.append(cluster)
            elif has_noun and attached:
                attached += self._other_pairs(here, names, s, e, attached)
            if attached and self.party_rules.elided_agreement is not None:
                attached += self._elided(here, s, e, attached)
            if has_noun or attached or previous_attached:
                self.provisions(s, e, names, attached)
            previous_attached = bool(attached) or (has_noun and self.focus is not None)
            self.dater.note(s, e, attached or ([self.focus] if self.focus is not None else []),
                            self._other_clauses(s, triggers))
            visits.extend(self.visits(s, e, here, sdates))
        quotes = self.quotes(mentions)
        agreements = self.records()
        agreements += self.organisations_mentioned(mentions, agreements)
        agreements += self.groupings_mentioned(mentions, agreements)
        return Reading(
            article={"id": self.article.id, "url": self.article.url,
                     "published": self.published.isoformat() if self.published else None},
            agreements=agreements,
            mentions=mentions, quotes=quotes, visits=_one_visit_each(visits), dates=dates)

    def event(self, trigger: _Trigger, here, names, sdates, s, e, split: bool = True) -> _Cluster | None:
        if trigger.event == "withdrew" and re.fullmatch(r"(?i)left|leav(?:e|es|ing)", trigger.text) and any(
                not m.is_org and trigger.end < m.start <= trigger.end + 5 for m in here):
            return None  # "a US delegation left Niger": a place left, not a treaty
        if trigger.event == "acceded" and self._joins_a_state(trigger, here):
            return None  # "Gabon joins Mali, Guinea and Niger, which were all suspended": their company
        if trigger.event == "acceded" and self.parsed and self.rules.legislatures:
            token = self._token_at(trigger.start)
            subject = membership.subject(token) if token is not None else None
            if token is not None and token.i > 0 and token.pos_ not in ("VERB", "AUX"):
                subject = self.doc[token.i - 1]  # a headline the parse reads as nouns ("assembly rejoins treaty")
            if subject is not None and subject.lower_ in self.rules.legislatures:
                # "the assembly rejoins the treaty": it approved the law that does it
                trigger = dataclasses.replace(trigger, event="ratified", text=trigger.text + " accession")
        pairs = self._pairs(trigger, here, s, e) if split else None
        if pairs:
            # "Ukraine signed security agreements with Canada and Italy": one bilateral
            # agreement with each, not one agreement of three
            return [self.event(trigger, pair, names, sdates, s, e, split=False) for pair in pairs][-1]
        actors = self.actors(here, s)
        if self.parsed and not any(not m.is_org for m in actors):
            token = self._token_at(trigger.start)
            if token is not None and party_rules.generic_subject(token, self.party_rules):
                return None  # "States have invoked the treaty 20 times": no event of named parties
            subject = instruments.subject_or_agent(token) if token is not None else None
            if subject is not None and subject.lower_ in self.party_rules.non_state_subjects:
                return None  # "the secessionist groups … signed a peace agreement with the state"
        # "withdrawn from CSTO military exercises", "NATO Air Command chief": an
        # organisation qualifying another noun is not the organisation acted on
        orgs = [m for m in here if m.is_org and self.orgs[m.id].kind == "organisation" and not self._told(m, s) and (
            instruments.membership_talks(trigger)  # "EU accession talks": the EU is the one to join
            or not self._modifier(m, member=trigger.event in ("acceded", "withdrew", "suspended", "ratified")
                                  and not self._acts_on_named(trigger, names, m)))]
        if not orgs and trigger.event in ("acceded", "withdrew", "suspended") and self.focus is not None and not any(
                m.is_org for m in here):
            # "The Bahamas joined in 1982; Mexico left in 2004", "suspended its membership
            # again in 2012": the organisation in focus
            focus_orgs = [p for p in self.focus.parties if p in self.orgs and self.orgs[p].kind == "organisation"]
            if focus_orgs:
                orgs = [Mention(trigger.start, trigger.end, trigger.text, "anaphor", focus_orgs[0], is_org=True)]
        alone = False
        if trigger.event == "invoked" and self.parsed:
            decided = self._invocation(trigger, actors, orgs, s)
            if decided is None:
                return None  # "States have invoked the treaty 20 times": no act of anyone's
            if decided:
                org_id = decided[-1]
                orgs = [Mention(trigger.start, trigger.end, trigger.text, "anaphor", org_id, is_org=True)]
                alone = len(decided) == 1
        if trigger.event == "entered_into_force" and orgs and not self.syntactic(
                [m for m in actors if not m.is_org], trigger.start) and (any(
                self._as_alliance(m) and m in self.syntactic([m], trigger.start) for m in orgs) if self.parsed
                else bool(_TREATY_PART.search(self.text, s, e))):
            # "NATO's defence clause has been in force since 1949": the organisation's own
            # treaty, with no state named, is the organisation alone (as an invocation is)
            alone = True
        if trigger.event in ("signed", "ratified") and orgs and not any(not m.is_org for m in actors) and any(
                _WORDS.founding_treaty.fullmatch(m.text) for m in orgs):
            alone = True  # "Its founding treaty was signed in Tashkent in 1992": the organisation's own
        if trigger.event in ("signed", "announced") and not alone and not any(not m.is_org for m in actors) and (
                members := self._members_act(trigger, [
                m for m in here if m.is_org and self.orgs[m.id].kind == "organisation" and m.start < trigger.start])):
            # "members of the Arab League signed a joint defence agreement": an agreement
            # of the organisation's members, the organisation alone (the annotation convention)
            orgs, alone = members, True
        of_membership = bool(orgs) and (trigger.event in ("acceded", "withdrew", "suspended", "invoked") or alone or
                                        trigger.of_membership or (
            # (60 characters: "ratified Wednesday, August 3 the protocols of accession")
            trigger.event == "ratified" and _ADMISSION.search(trigger.text + self.text[trigger.end:trigger.end + 60]))
            or instruments.membership_talks(trigger) or self._treaty_object(trigger, orgs)
            or (trigger.event == "announced" and (act := _MEMBERSHIP_ACT_AFTER.match(self.text, trigger.end))
                and any(act.end() <= m.start <= act.end() + 12 for m in orgs)))
        name = _nearest_name(names, trigger.end, self.text)
        own: list[str] | None = None
        if of_membership:
            # the organisation the clause acts on, before one named beside it ("citing NATO's
            # Article 5 as a model, they suspended their membership of the CSTO")
            org = min(self._acting_organisation(trigger, orgs) or self.syntactic(orgs, trigger.start)
                      or self._outside_side_clauses(orgs, trigger) or orgs,
                      key=lambda m: abs(m.start - trigger.start)).id
            states = [m for m in actors if not m.is_org]
            arguments = self.syntactic(states, trigger.start) if trigger.event != "ratified" else states
            if trigger.event != "ratified":
                states = arguments or states
            if trigger.event == "ratified":
                chosen = states
            else:
                # the states before the verb (the clause's, when the parse names any), else
                # those a plural subject stands for ("Turkey said the two countries joined the
                # CSTO"), else the first after it and its conjuncts ("invoked by A and B")
                before = [m for m in states if m.start < trigger.start]
                standing = [] if before and arguments else [
                    Mention(trigger.start, trigger.start, "", "anaphor", i)
                    for i in instruments.antecedent_states(self, trigger, s, membership=True) if i not in self.orgs]
                chosen = (before if arguments or not standing else []) or standing or self._first_and_coordinated(
                    [m for m in states if m.start > trigger.end])
                if not chosen and trigger.event in ("suspended", "acceded", "withdrew") and self.parsed and \
                        membership.anaphoric_object(self._token_at(trigger.start)) and (
                        state := self._state_in_focus(s)) is not None:
                    # "The AU suspended Guinea. … ECOWAS also suspended the country": the state
                    # spoken of, with this organisation (an act of its own)
                    chosen = [Mention(trigger.start, trigger.start, "", "anaphor", state)]
                chosen = self._apart(trigger, chosen, org, s, e)
                chosen = self._each_acted_on(trigger, chosen, states, org, s, e, orgs)
            own = self.state_ids(chosen) + [org]
            cluster = None
            if trigger.event in ("invoked", "entered_into_force", "signed", "announced") and alone:
                # the clause invoked with no invoker named: the organisation's own agreement
                own = [org]
                cluster = next((c for c in reversed(self.clusters) if org in c.parties), None) or self._new(own, None)
            if trigger.event == "ratified":
                own, cluster = self._ratified_accession(own, org, chosen)
                name = None
            cluster = cluster or self.cluster_for(own, name, explicit=True)
        elif (pact := instruments.pact_acted_on(self, trigger, here)) is not None:
            # "the creation of the AUKUS pact", "signed the Quad charter": the pact named as
            # the verb's object binds its members
            name = self.orgs[pact.id].name
            cluster = self.cluster_for(list(self.orgs[pact.id].members), name, explicit=True)
        else:
            # "the Sino-American Mutual Defense Treaty": a state named inside a known
            # treaty's name is no party unless the treaty's list has it
            known = self._known_parties(name)
            here = party_rules.outside_known_name(here, names, name, known, _same_name)
            actors = party_rules.outside_known_name(actors, names, name, known, _same_name)
            group = self.between(party_rules.introduced(self.text, s, here, self.party_rules))
            if group and self.parsed and not self.syntactic(group, trigger.start) and len(set(self.state_ids(
                    self.syntactic([m for m in actors if m not in group and not m.is_org], trigger.start)))) >= 2:
                # "A and B signed …, in a deal similar to the one between Japan and the
                # Philippines": the clause's own states, not a "between" outside it
                group = []
            aside = party_rules.dashed_list(self.text, actors, trigger.start)
            actors = self.syntactic(actors, trigger.start)
            if aside and not any(not m.is_org for m in actors):
                actors = aside  # "All five members that border Russia – A, B, C, D and E – have said …"
            if group and self.parsed and len({m.id for m in actors if not m.is_org}) >= 2 and not any(
                    m in actors for m in group):
                # "A and B signed a pact, following a similar deal between C and D": the
                # "between" of another agreement, not the clause's parties
                group = []
            # an organisation after the verb is where or about what ("at the NATO summit"),
            # save the other side of the agreement ("a partnership with the EU")
            parties = self.state_ids(group) if group else self.state_ids([
                dataclasses.replace(m, kind="party") if m.is_org and (
                    m.start > trigger.end or self._coordinated_with_state(m, actors)) else m
                for m in actors if not (m.is_org and self.orgs[m.id].kind == "organisation" and m.start > trigger.end
                                        and not _WITH_BEFORE.search(self.text[max(s, m.start - 10):m.start]))])
            if len(set(parties) - set(self.orgs)) == 1 and (speaker := self._possessing_speaker(trigger)) \
                    and speaker not in parties:
                parties = [speaker] + parties  # "Pyongyang said its treaty with Moscow took effect"
            if not parties and (self.focus is None or any(p in self.orgs for p in self.focus.parties)):
                # "they signed …", "the two countries signed …": the states named last, not
                # a membership in focus ("A joined the CSTO. … the parties signed …")
                parties = instruments.antecedent_states(self, trigger, s)
            if len(set(parties) - set(self.orgs)) == 1 and trigger.event in (
                    "withdrew", "terminated", "suspended", "announced") and not known:
                told = list(dict.fromkeys(m.id for m in here if not m.is_org and m.id not in parties
                                          and self._told(m, s)))
                if len(told) == 1:
                    # "Chile notified Peru of its withdrawal from their treaty": the one state
                    # told is the other side (a depositary or a third state told stays none)
                    parties = parties + told
            if known and len(set(parties) - set(self.orgs)) < 2:
                # "Russia suspends the INF treaty": a bilateral treaty named by its
                # short name binds its two parties even when one goes unsaid
                parties = parties + [p for p in known if p not in parties]
            other_org = [m for m in orgs if self.focus is not None and m.id not in self.focus.parties]
            if not (set(parties) - set(self.orgs)) and other_org and self.focus is not None:
                # "they signed a pact that created the Alliance of …": another agreement
                # than the organisation in focus, between the states in focus
                states = [p for p in self.focus.parties if p not in self.orgs]
                cluster = self._new(states + [p for p in parties if p not in states],
                                    name or self.orgs[other_org[0].id].name)
            elif self.focus is None and self.clusters and _DEFINITE_AGREEMENT.search(self.text, s, e) and \
                    set(parties) <= set(self.clusters[-1].parties):
                # "The agreement's signing coincides with …", "Approved by the Somali
                # government, the agreement …": the agreement spoken of last (the states the
                # sentence names, if any, are among its parties)
                cluster = self.clusters[-1]
            else:
                another = bool(_INDEFINITE_AGREEMENT.match(self.text, trigger.end)) or self._named_talks(trigger)
                acting = self._acting_states(trigger)
                if self.focus is not None and acting and len(set(parties) - set(self.orgs)) < 2 and not set(
                        acting) & set(self.focus.parties) and len(set(self.focus.parties) - set(self.orgs)) >= 2:
                    # "…, weeks after Kenya quit the bloc's force": an act of a state that is
                    # no party of the agreement in focus, with no agreement of its own named
                    return None
                if self.clusters and self._of_an_older_agreement(trigger, s):
                    # "… to replace the current agreement between the two countries, which was
                    # signed in 2001": that older agreement's signing, not the new one's
                    old = self._new(parties or list(self.clusters[-1].parties), None)
                    record = old.records[trigger.event] = _new_record(
                        trigger.event, self.dater.own(trigger.event, trigger.start, trigger.end, s, e))
                    record["evidence"].append((s, e))
                    record["sites"] = [(s, e, trigger.start, trigger.end)]
                    return old
                cluster = self.cluster_for(parties, name, explicit=bool(group), another=another)
        if not instruments.membership_talks(trigger) or self.focus is None:
            # talks on joining another organisation, said in passing, leave the agreement
            # in focus where it was
            self.focus = cluster
        if name and not cluster.name:
            cluster.name = name
        date = self.dater.own(trigger.event, trigger.start, trigger.end, s, e, self._other_clauses(s, [trigger]))
        key = trigger.event if own is None else membership.record_key(cluster.records, trigger.event, own,
                                                                       set(self.orgs))
        record = cluster.records.get(key)
        if record is None and key != trigger.event:
            record = cluster.records[key] = _new_record(trigger.event)
        if record is not None and record.get("headline_date") and _news_of_the_days_before(date, self.published):
            # "Finland joins NATO" then "… became a member on Tuesday": the headline's tense
            # only guessed the day; the day the story writes is the event's, one event told twice
            record["date"] = None
            record.pop("headline_date")
        acting = self._acting_states(trigger) if own is None and trigger.event in _UNILATERAL else []
        if record is not None and acting and record.get("acting") and not set(acting) & set(record["acting"]) and \
                len([p for p in cluster.parties if p not in self.orgs]) >= 2:
            # "Washington suspended the treaty on Friday; Moscow suspended it a day later":
            # each state's own act on a bilateral treaty is a record of its own
            key = f"{trigger.event}@{'+'.join(acting)}"
            record = cluster.records.setdefault(key, _new_record(trigger.event))
        if record is not None and _other_day(record["date"], date) and own is None:
            # the same kind of event on another day ("announced in May … announced on
            # Monday"): a second event, not the first one reported twice
            key = f"{trigger.event}#{date}"
            record = cluster.records.get(key)
            if record is None:
                record = cluster.records[key] = _new_record(trigger.event)
        if record is None:
            record = cluster.records[trigger.event] = _new_record(trigger.event)
        if own is not None:
            record["own"] += [p for p in own if p not in record["own"]]
            record["alone"] = record.get("alone", True) and alone
            # a state ratifying an accession ratifies the protocol, not the treaty ("Hungary
            # ratified Sweden's accession"); a legislature's law returning its own state to
            # the treaty ("approved a law returning Peru to the Rio Treaty") joins the
            # treaty, with its provisions
            record["no_provisions"] = trigger.event == "ratified" and not (
                len([p for p in record["own"] if p not in self.orgs]) == 1 and self.rules.rejoining is not None
                and self.rules.rejoining.search(trigger.text + " " + self.text[trigger.end:trigger.end + 60]))
        record["acting"] = list(dict.fromkeys(record.get("acting", []) + acting))
        if acting:
            self._last_act = (trigger.event, cluster, self._clause_number, record)
        if record["date"] is None and date is not None:
            record["date"] = date
        if trigger.event == "announced" and self.rules.initialled is not None and self.rules.initialled.search(
                trigger.text):
            record["initialled"] = True
        if record["date"] is None and date is None and self.published and s < 300:
            token = self._token_at(trigger.start) if self.parsed else None
            if token is not None and (token.tag_ in ("VBZ", "VBP") or (
                    token.tag_ == "VB" and any(c.lower_ == "to" for c in token.children))):
                # a headline in the present ("Russia moves to suspend …", "X, Y sign deal")
                # reports the news of the day: the publication date
                record["date"] = self.published.isoformat()
                record["headline_date"] = True
        if len(record["evidence"]) < 3:
            record["evidence"].append((s, e))
        record.setdefault("sites", []).append((s, e, trigger.start, trigger.end))
        if own is None and trigger.event in ("signed", "ratified", "entered_into_force"):
            listed = party_rules.state_lists(self.text, self.syntactic(self.actors(here, s), trigger.start),
                                             self.party_rules.list_minimum)
            if listed and not record["own"]:
                # "signed by A, B, C and D": the signatories of a multilateral treaty
                record["own"] = self.state_ids(listed[0])
            elif not record["own"]:
                self._last_signing = (record, cluster, self._clause_number)
        if own is None and trigger.event in ("signed", "ratified", "entered_into_force"):
            before = len(self.clusters)
            self._listed(trigger, names, cluster, date, s, e)
            count = _COUNTED.match(self.text, trigger.end, min(e, trigger.end + 80))
            if count and len(self.clusters) == before:
                # "signed two documents", "the announcement of five agreements": that many
                # agreements between the same parties, one record each
                record["count"] = max(record.get("count", 1), _NUMBERS.get(count.group(1).lower(), 1))
        return cluster

    def _signatory_list(self, here: list[Mention], s: int, e: int, clause_number: int, has_noun: bool) -> None:
        """"The treaty was signed in 1947. Twenty-one states entered the pact: A, B, C …":
        a list of states in the clause after a signing whose parties went unsaid."""
        if self._last_signing is None:
            return
        record, cluster, where = self._last_signing
        if clause_number != where + 1 or record["own"] or len(
                [p for p in cluster.parties if p not in self.orgs]) >= 2:
            return  # the signing's parties were said: the list is about something else
        listed = party_rules.state_lists(self.text, self.actors(here, s), self.party_rules.list_minimum)
        if not listed:
            return
        if not (has_noun or ":" in self.text[s:listed[0][0].start]):
            return
        record["own"] = self.state_ids(listed[0])
        if len(record["evidence"]) < 3:
            record["evidence"].append((s, e))

    def _invocation(self, trigger: _Trigger, actors: list[Mention], orgs: list[Mention], s: int) -> list[str] | None:
        """Who invokes which organisation's clause (``membership.invokers``): the invoking
        states plus the organisation; the organisation alone when the clause is said to be
        invoked by no one named ("the clause has been invoked once"); None when the clause
        is invoked by no act of anyone's ("states have invoked the treaty 20 times"); an
        empty list leaves the decision to the general rules."""
        token = self._token_at(trigger.start)
        if token is None:
            return []
        org = min(self.syntactic(orgs, trigger.start) or self._outside_side_clauses(orgs, trigger) or orgs,
                  key=lambda m: abs(m.start - trigger.start)).id if orgs else None
        if org is None and self.last_org is not None and self._last_org_before(s):
            org = self.last_org  # "It has been invoked only once": the clause just spoken of
        org = org or self._focus_organisation()
        if org is None:
            return []
        states = [m for m in actors if not m.is_org]
        roots = {i: m.id for m in states if (i := self._root(m)) is not None}
        invoking = membership.invokers(self.doc, token, roots)
        if invoking:
            return invoking + [org]
        if states:
            return []
        standing_for = [i for i in instruments.antecedent_states(self, trigger, s) if i not in self.orgs]
        if standing_for:
            return standing_for + [org]  # "the two countries invoked Article 4"
        subject = membership.subject(token)
        if subject is None or membership.passive(token) or subject.lower_ in ("it", "this", "that") or (
                any(m.id == org and self._root(m) == subject.i for m in orgs)):
            return [org]
        if subject.lower_ in ("i", "we", "they", "he", "she"):
            return []
        return None

    def _members_act(self, trigger: _Trigger, orgs: list[Mention]) -> list[Mention]:
        """The organisation whose members are the trigger's subject ("members of the Arab
        League signed", "ECOWAS leaders signed"), when the subject names no state of its own."""
        token = self._token_at(trigger.start) if self.parsed and orgs else None
        if token is None:
            return []
        org_tokens = {t.i for m in orgs if (span := self.doc.char_span(m.start, m.end, alignment_mode="expand"))
                      for t in span}
        for subject in token.children:
            if subject.dep_ not in ("nsubj", "nsubjpass") or subject.lower_ not in _MEMBERS_AS_SUBJECT:
                continue
            inside = [m for m in orgs if any(t.i in org_tokens and t.i != subject.i and m.start <= t.idx < m.end
                                             for t in subject.subtree)]
            named_state = any(not m.is_org and subject.left_edge.idx <= m.start < trigger.start for m in self._mentions)
            if inside and not named_state:
                return inside[:1]
        return []

    def _named_anaphor(self, sentence: str, s: int, e: int) -> re.Match | None:
        """"Georgia left the pact in 1999" after the CSTO: "the pact" (``named_anaphor``) is the
        organisation named last when its own name holds the noun, in a sentence naming no
        agreement, and no agreement of another name was spoken of since; "its founding
        treaty" (``founding_treaty``) is the organisation's own."""
        if self.last_org is None or not self._last_org_before(s):
            return None
        founding = _WORDS.founding_treaty.search(sentence)
        if founding is not None and self.orgs[self.last_org].kind == "organisation":
            return founding  # "Its founding treaty was signed in Tashkent": the organisation's own
        match = _WORDS.named_anaphor.search(sentence)
        if match is None or self.names(s, e):
            return None
        org = self.orgs[self.last_org]
        noun = match.group("noun").lower()
        if org.kind != "organisation" or not any(
                re.search(rf"\b{noun}\b", n, re.I) for n in (org.name, *org.aliases)):
            return None
        if self.focus is not None and self.last_org not in self.focus.parties:
            return None  # "the treaty" is the agreement in focus
        return match

    def _last_org_before(self, s: int) -> bool:
        """Whether an organisation was named in the three sentences before ``s``."""
        earlier = [span for span in self._spans if span[1] <= s][-3:]
        return bool(earlier) and any(m.is_org and earlier[0][0] <= m.start < s for m in self._mentions)

    def _focus_organisation(self) -> str | None:
        if self.focus is None:
            return None
        return next((p for p in self.focus.parties if p in self.orgs and self.orgs[p].kind == "organisation"), None)

    def _followers(self, trigger: _Trigger, cluster: _Cluster, here, sdates, s: int, e: int) -> list[_Cluster]:
        """"Finland joined NATO in April 2023, followed by Sweden in March 2024": the states
        that later joined (left) the same organisation, each group a record of its own with
        its own date (``membership.followers``)."""
        cues = self.party_rules.followers
        if cues is None or trigger.event not in ("acceded", "withdrew", "suspended"):
            return []
        orgs = [p for p in cluster.parties if p in self.orgs and self.orgs[p].kind == "organisation"]
        if len(orgs) != 1:
            return []
        states = [m for m in here if not m.is_org and m.id not in cluster.parties]
        out = []
        for ids, date in membership.followers(self.text, trigger.end, e, states, sdates, cues):
            self._own_record(ids + orgs, trigger.event, date.value if date is not None else None, s, e)
            out.append(self.cluster_for(ids + orgs, None, explicit=True))
        return out

    def _followed(self, s: int, e: int, clause_number: int) -> _Cluster | None:
        """"Washington suspended the pact in March; Moscow followed in June": the other side
        of the bilateral treaty did the same act (``follow_suit`` in ``parties.yaml``), within
        two clauses; a record of its own, with its own date."""
        rx = self.party_rules.follow_suit
        if self._last_act is None or rx is None or clause_number - self._last_act[2] > 2:
            return None
        event, cluster, _, before = self._last_act
        for m in rx.finditer(self.text, s, e):
            token = self._token_at(m.start())
            if token is None or (token.lower_.startswith("follow") and any(
                    c.dep_ == "dobj" and c.lower_ != "suit" for c in token.children)):
                continue  # "Moscow followed the talks closely"
            trigger = _Trigger(event, m.start(), m.end(), m.group())
            acting = self._acting_states(trigger)
            if not acting or not set(acting) <= set(cluster.parties) or set(acting) & set(before["acting"]):
                continue
            key = f"{event}@{'+'.join(acting)}"
            record = cluster.records.setdefault(key, _new_record(event))
            record["acting"] = acting
            record["date"] = record["date"] or self.dater.own(event, m.start(), m.end(), s, e)
            record["evidence"].append((s, e))
            record.setdefault("sites", []).append((s, e, m.start(), m.end()))
            self._last_act = (event, cluster, clause_number, record)
            return cluster
        return None

    def _acting_states(self, trigger: _Trigger) -> list[str]:
        """The states named in the subject (or the passive's agent) of the trigger's clause:
        who acts ("Moscow suspended", "Japan's parliament ratified")."""
        if not self.parsed:
            return []
        token = self._token_at(trigger.start)
        subject = instruments.subject_or_agent(token) if token is not None else None
        if subject is None:
            return []
        inside = {t.i for t in subject.subtree}
        return list(dict.fromkeys(m.id for m in self._mentions if not m.is_org and self._root(m) in inside))

    def _root(self, mention: Mention) -> int | None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span.root.i if span is not None and len(span) else None

    def _apart(self, trigger: _Trigger, chosen: list[Mention], org: str, s: int, e: int) -> list[Mention]:
        """"X and Y joined Z in quitting the bloc": Z quit before, in an act of its own (a
        record of its own, undated); X and Y are the subjects of this one."""
        if not self.parsed or trigger.event not in ("withdrew", "suspended", "acceded"):
            return chosen
        earlier = membership.companions(self.doc, self._token_at(trigger.start))
        apart = [m for m in chosen if self._root(m) in earlier]
        if not apart or len(apart) == len(chosen):
            return chosen
        self._own_record(self.state_ids(apart) + [org], trigger.event, None, s, e)
        return [m for m in chosen if m not in apart]

    def _each_acted_on(self, trigger: _Trigger, chosen: list[Mention], states: list[Mention], org: str, s: int,
                       e: int, orgs: list[Mention] = ()) -> list[Mention]:
        """"The AU suspended Niger", "…, having earlier suspended Mali, Guinea and Burkina
        Faso": the organisation acting on its members, one record per state it acts on
        (separate decisions); the first is this trigger's, the others get records of
        their own."""
        if trigger.invitation:
            # "invited A, B and C to become members", "A and B were invited to join": each
            # invitee's membership is its own, no agreement among the invitees
            token = self._token_at(trigger.start) if self.parsed else None
            roots = {i: m for m in states if (i := self._root(m)) is not None}
            acted = [roots[i] for i in membership.objects(token, set(roots))] if token is not None else []
            acted = acted or [m for m in chosen if not m.is_org]
            date = self.dater.own(trigger.event, trigger.start, trigger.end, s, e)
            for ident in dict.fromkeys(m.id for m in acted[1:]):
                if ident != acted[0].id:
                    self._own_record([ident, org], trigger.event, date, s, e)
            return acted[:1]
        if not self.parsed or trigger.event not in _REPEATABLE:
            return chosen
        token = self._token_at(trigger.start)
        subject = membership.subject(token) if token is not None else None
        if subject is None or not any(m.is_org and m.id == org and self._root(m) is not None and
                                      subject.i <= self._root(m) <= subject.i + 4 and self._root(m) in
                                      {t.i for t in subject.subtree} for m in [*self._mentions, *orgs]):
            return chosen  # (``orgs`` too: "the bloc" standing for the organisation named last)
        roots = {i: m for m in states if (i := self._root(m)) is not None}
        acted = [roots[i] for i in membership.objects(token, set(roots))]
        if not acted:
            return chosen
        date = self.dater.own(trigger.event, trigger.start, trigger.end, s, e)
        for m in acted[1:]:
            self._own_record([m.id, org], trigger.event, date, s, e)
        return acted[:1]

    def _own_record(self, own: list[str], event: str, date: str | None, s: int, e: int) -> None:
        """A record of its own for an act whose acting states are ``own`` (with the organisation)."""
        cluster = self.cluster_for(own, None, explicit=True)
        key = membership.record_key(cluster.records, event, own, set(self.orgs))
        record = cluster.records.setdefault(key, _new_record(event, date))
        record["own"] += [p for p in own if p not in record["own"]]
        if (s, e) not in record["evidence"]:
            record["evidence"].append((s, e))

    def _ratified_accession(self, own: list[str], org: str, chosen: list[Mention]) -> tuple[list[str], _Cluster | None]:
        """A state ratifying someone's accession ("Albania approved its neighbour's NATO
        membership"): the ratifier, the state admitted (named with the accession, else the
        one whose accession is in focus when the sentence names only the ratifier) and the
        organisation; the record goes to the accession's agreement without making the
        ratifier one of its parties."""
        states = [p for p in own if p != org]
        named = []
        if self.parsed:
            roots = {i: m.id for m in chosen if (i := self._root(m)) is not None}
            named = membership.admitted(self.doc, roots)
        home = next((c for c in reversed(self.clusters) if org in c.parties and any(
            r["event"] in ("acceded", "signed", "ratified") for r in c.records.values())), None)
        if named and len(named) < len(states):
            if home is not None and set(named) <= set(home.parties):
                return own, home
            cluster = self.cluster_for(own, None, explicit=True)
            cluster.admitted = cluster.admitted or named
            return own, cluster
        if home is None:
            return own, None
        admitted = home.admitted or [p for p in home.parties if p not in self.orgs]
        if len(states) == 1 and admitted and states[0] not in admitted and self.focus is home:
            return states + admitted + [org], home
        if set(states) & set(admitted):
            return own, home
        return own, None

    def _pairs(self, trigger: _Trigger, here: list[Mention], s: int, e: int) -> list[list[Mention]] | None:
        """One state on one side of the verb and several on the other, with the agreement
        in the plural ("signed agreements with A and B", "A and B signed bilateral
        accords with C"): the pairs of the one with each of the others."""
        after = self.text[trigger.end:min(e, trigger.end + 120)]
        noun = _AGREEMENT_NOUN.search(after)
        if noun is None or not noun.group("plural") or self.between(here):
            return None
        states = [m for m in self.syntactic(self.actors(here, s), trigger.start) if not m.is_org]
        before = {m.id: m for m in states if m.end <= trigger.start}
        later = {m.id: m for m in states if m.start >= trigger.end}
        if len(before) == 1 and len(later) >= 2 and not set(before) & set(later):
            one, others = next(iter(before.values())), list(later.values())
        elif len(later) == 1 and len(before) >= 2 and not set(before) & set(later):
            one, others = next(iter(later.values())), list(before.values())
        else:
            return None
        # "ratified the accession protocols of A and B to NATO": one protocol for each
        # state admitted, each with the organisation it joins
        joined = [m for m in here if m.is_org and m.start >= trigger.end] if _ADMISSION.search(
            after, 0, noun.end() + 20) else []
        return [sorted([one, other, *joined], key=lambda m: m.start) for other in others]

    def _listed(self, trigger: _Trigger, names, cluster: _Cluster, date, s: int, e: int) -> None:
        """"signed several agreements, including A, B and C": one record per agreement
        listed after the trigger, with the same parties, event and date."""
        after = [n for n in names if n[0] >= trigger.end]
        if len(after) < 2:
            return
        for a, b in zip(after, after[1:]):
            if not instruments.LIST_GAP.fullmatch(self.text[a[1]:b[0]]):
                return  # not one list
        if cluster.name is None:
            # "signed several agreements, including A, B and C": the agreements are the ones
            # listed, the first of them is this one
            cluster.name = after[0][2]
        if date is None:  # "they also adopted A and B": on the day of the event in focus
            date = cluster.records.get(trigger.event, {}).get("date")
        for _, _, listed in after:
            if cluster.name and _same_name(cluster.name, listed):
                continue
            other = next((c for c in self.clusters if c.name and _same_name(c.name, listed)), None)
            if other is None:
                other = _Cluster(len(self.clusters), name=listed)
                self.clusters.append(other)
            other.add_parties(cluster.parties)
            rec = other.records.setdefault(trigger.event, _new_record(trigger.event, date))
            if (s, e) not in rec["evidence"]:
                rec["evidence"].append((s, e))

    def _known_parties(self, name: str | None) -> tuple[str, ...]:
        """The parties of the known agreement ``name`` is, or holds ("the 1987 INF Treaty"):
        the longest known name of two words or more inside it, at word boundaries (a
        one-word name such as "NATO" inside "the NATO-Ukraine Charter" is another's)."""
        table = self.rules.known_parties or {}
        if not name:
            return ()
        if name in table:
            return table[name]
        inside = self.rules.known.findall(name) if self.rules.known is not None else []
        inside = [k for k in inside if " " in k and k in table]
        return table[max(inside, key=len)] if inside else ()

    def _other_named(self, names, attached) -> bool:
        """Whether the sentence names an agreement other than the ones its events are about."""
        own = [c.name for c in attached if c.name]
        return any(not any(_same_name(n[2], o) for o in own) for n in names) and bool(attached)

    def mentioned(self, here, names, sdates, s, e) -> _Cluster | None:
        name = names[-1][2] if names else None
        known = self._known_parties(name)
        if known:
            # "the Sino-American Mutual Defense Treaty was in force until 1980": a state
            # named inside a known treaty's name is no party unless the list has it
            kept = party_rules.outside_known_name(here, names, name, known, _same_name)
            if len(kept) < len(here) and len({m.id for m in kept if not m.is_org}) < 2:
                return self._mention_of(list(known), names, s, e, joined=True)
            here = kept
        pairs = self._treaty_pairs(here, s, e)
        if pairs:
            clusters = [self._mention_of(list(pair), names, s, e, joined=True) for pair in pairs]
            return clusters[-1]
        groups = self.between(here, every=True)
        hyphened = [g for g in groups if len(g) == 2 and re.fullmatch(r"[-–/]", self.text[g[0].end:g[1].start])]
        if len(hyphened) >= 2 and len(groups) == len(hyphened):
            # "the US-Japan alliance and the US-Philippines alliance": one agreement each
            clusters = [self._mention_of(self.state_ids(g), names, s, e, joined=True) for g in hyphened
                        if len(self.state_ids(g)) == 2]
            if clusters:
                return clusters[-1]
        group = groups[0] if groups else []
        under = _UNDER.search(self.text[s:e])
        if not group and not under:
            return None
        parties = self.state_ids(group) if group else self.state_ids(
            [m for m in self.actors(self._beside(here, s + under.start()), s)
             if not m.is_org or self.orgs[m.id].kind == "pact"])
        if len(parties) < 2:
            return None
        return self._mention_of(parties, names, s, e, joined=bool(group))

    def _other_pairs(self, here, names, s, e, attached: list[_Cluster]) -> list[_Cluster]:
        """Agreements a sentence with events also names between other sides ("The signing
        comes amid tensions spurred by Benin's memorandum with Nigeria")."""
        clusters = []
        for pair in self._treaty_pairs(here, s, e):
            if any(set(pair) & set(c.parties) == set(pair) or set(c.parties) <= set(pair) for c in attached):
                continue
            clusters.append(self._mention_of(list(pair), [], s, e, joined=True))
        return clusters

    def _elided(self, here, s, e, attached: list[_Cluster]) -> list[_Cluster]:
        """"signed a pact with Japan and another with the Philippines": the state after the
        elided agreement ("another", "one") is the other side of a second agreement of the
        same acting side and event, not a third party of the first."""
        out: list[_Cluster] = []
        for m in here:
            if m.is_org or not self.party_rules.elided_agreement.search(self.text[s:m.start]):
                continue
            for cluster in attached:
                records = {k: r for k, r in cluster.records.items() if (s, e) in r["evidence"] and not r["own"]}
                if not records:
                    continue
                if m.id in cluster.parties and len(cluster.parties) >= 3:
                    # the acting side: the cluster's parties less the states joined by "with"
                    withs = {x.id for x in here if x.start < m.start and _WITH_BEFORE.search(self.text[s:x.start])}
                    actors = [p for p in cluster.parties if p != m.id and p not in withs]
                    if not actors or len(actors) == len(cluster.parties) - 1:
                        continue
                    cluster.parties.remove(m.id)
                elif m.id not in cluster.parties:
                    # "the Japanese parliament approved the pact, along with one with Britain":
                    # the one side of the first agreement named before the cue acts in both
                    actors = list(dict.fromkeys(x.id for x in here if x.start < m.start and x.id in cluster.parties))
                    if len(actors) != 1:
                        continue
                else:
                    continue
                other = self._new(actors + [m.id], None)
                # its own date when one follows ("… and another with the Philippines on Tuesday")
                own_date = next((d.value for d in self.dater.dates if m.end <= d.start < e and d.value), None)
                other.records = {k: {**r, "evidence": [(s, e)], "sites": list(r.get("sites", [])),
                                     "date": own_date or r["date"]} for k, r in records.items()}
                out.append(other)
        return out

    def _treaty_pairs(self, here, s, e) -> list[tuple[str, str]]:
        """The sides of the agreements the sentence merely names (``pairs.named_pairs``)."""
        if not self.parsed:
            return []
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return []
        roots = {i: m.id for m in here if not m.is_org and (i := self._root(m)) is not None}
        return agreement_pairs.named_pairs(span, roots, self.party_rules.pairs) if len(set(roots.values())) >= 2 else []

    def _mention_of(self, parties, names, s, e, joined: bool = False) -> _Cluster:
        """``joined``: the parties are joined in the sentence ("between A and B", "A's treaty with B")."""
        name = names[-1][2] if names else None
        if name and not any(c.name and _same_name(c.name, name) for c in self.clusters) and any(
                set(c.parties) >= set(parties) and c.records for c in self.clusters):
            # a named agreement between the same states as another one: a separate treaty
            cluster = self._new(parties, name)
            cluster.mention_evidence.append((s, e))
            return cluster
        if joined and not name and instruments.narrower_than_all(set(parties), self.clusters):
            # "the treaties between the U.S. and Japan" beside a three-way pact: a pact
            # between two of its parties is another agreement, not that one
            cluster = self._new(parties, None)
            cluster.mention_evidence.append((s, e))
            return cluster
        cluster = self.cluster_for(parties, name, explicit=True)
        if not cluster.mention_evidence:
            cluster.mention_evidence.append((s, e))
        return cluster

    def provisions(self, s, e, names, attached) -> None:
        """Give the sentence's provision phrases to their agreements (``provisions``)."""
        organisations = {m.id for m in self._mentions if s <= m.start < e and m.is_org
                         and self.orgs[m.id].kind == "organisation"}
        for hit in provisions.find(self.text, s, e, self.rules, names):
            target = provisions.target(hit, self.text, self._sentence_start(hit.start), names, attached,
                                       self.clusters, self.focus_before, self.focus, _same_name, organisations)
            if target is provisions.ELSEWHERE:
                continue
            if target is None:
                self.pending_provisions.append((hit.kind, hit.negated, (s, e)))
            else:
                (target.negated if hit.negated else target.provisions).add(hit.kind)
                if (s, e) not in target.provision_evidence:
                    target.provision_evidence.append((s, e))
            if hit.similar_to and attached:
                other = [c for c in attached if c is not target]
                if other:
                    other[-1].provisions.add(hit.kind)

    def _sentence_start(self, position: int) -> int:
        return max((s for s, _ in self._spans if s <= position), default=0)

    def records(self) -> list[Agreement]:
        out = []
        provisions.share(self.clusters, {i for i, o in self.orgs.items() if o.kind == "organisation"})
        for c in self.clusters:
            if c.records.get("announced", {}).get("initialled") and "signed" in c.records:
                # "sign a deal" in a headline, "initialled" in the body: the text was
                # initialled, not signed; one announced record holds both sentences
                signed = c.records.pop("signed")
                announced = c.records["announced"]
                announced["evidence"] = (announced["evidence"] + signed["evidence"])[:3]
            ended, left = c.records.get("terminated"), c.records.get("withdrew")
            if ended and left and not (set(c.parties) & set(self.orgs)) and (
                    ended["date"] is None or left["date"] is None or ended["date"] == left["date"]
                    or left.get("headline_date") or ended.get("headline_date")):
                # "breaking off its agreement with the US … decided to denounce the agreement":
                # a state ending a bilateral agreement, told twice in two words
                c.records.pop("withdrew")
                ended["date"] = (left["date"] if ended.get("headline_date") else ended["date"]) or left["date"]
                ended["evidence"] = list(dict.fromkeys(ended["evidence"] + left["evidence"]))[:3]
            records = list(c.records.values())
            if not records and c.mention_evidence:
                records = [{**_new_record("mentioned", c.mention_date), "evidence": c.mention_evidence}]
            records = [r for r in records for _ in range(instruments.uncounted(r, c, self.clusters))]
            elsewhere = [r for o in self.clusters if o is not c for r in o.records.values()]
            for r in records:
                if r["date"] is None and r.get("sites"):
                    # (not the date of another act of the same kind on it: "Armenia's parliament
                    # ratified the agreement. … In July, Russia ratified it")
                    # (nor another agreement's: "… replace the agreement, which was signed in 2001")
                    taken = {site[0] for o in [*records, *elsewhere] if o is not r and o["event"] == r["event"]
                             for site in o.get("sites", ()) if o["date"] is not None}
                    r["date"] = self.dater.fallback(r["event"], c, r["sites"], taken)
                parties = r["own"] if len(r["own"]) >= 2 or r.get("alone") else c.parties
                if len(parties) < 2 and not r.get("alone"):
                    continue
                kinds = [] if r["no_provisions"] else sorted(c.provisions - c.negated)
                if r.get("alone") and len(parties) == 1 and parties[0] in self.orgs and not r["no_provisions"]:
                    # the organisation's own treaty, invoked or in force with no state named:
                    # what the article says that treaty obliges, as for a mention of it
                    stated, denied = self._organisation_provisions(parties[0])
                    kinds = sorted((set(kinds) | stated) - denied - c.negated)
                out.append(Agreement(
                    name=None if r["no_provisions"] else c.name,
                    parties=[self.party(p) for p in parties], event=r["event"], event_date=r["date"],
                    provisions=kinds,
                    evidence=[Evidence(a, b, self.text[a:b]) for a, b in r["evidence"]],
                    negated_provisions=sorted(c.negated),
                    provision_evidence=[] if r["no_provisions"] else [
                        Evidence(a, b, self.text[a:b]) for a, b in c.provision_evidence[:3]]))
        return out

    def _organisation_provisions(self, org: str) -> tuple[set, set]:
        """The provisions stated and denied in the sentences naming the organisation."""
        spans = sorted({self._sentence_span(x.start) for x in self._mentions if x.is_org and x.id == org})
        stated, denied, _ = provisions.of_sentences(self.text, spans, self.rules, self.names)
        return stated, denied

    def organisations_mentioned(self, mentions: list[Mention], agreements: list[Agreement]) -> list[Agreement]:
        """An organisation the article speaks of, with no event of its own: one ``mentioned``
        record with the organisation alone (the annotation convention). "NATO member
        Turkey", "NATO allies" describe a state, not the organisation, and give none."""
        named = {p["id"] for a in agreements for p in a.parties}
        # (an agreement named by one of the organisation's names: "the Liptako-Gourma Charter")
        named |= {i for i, org in self.orgs.items() if any(c.name in (org.name, *org.aliases) for c in self.clusters)}
        out, seen = [], set()
        for m in mentions:
            if not m.is_org or self.orgs[m.id].kind != "organisation" or m.id in seen:
                continue
            if m.id in named and not self._denied_act_on(m):
                continue
            if _MEMBER_OF.match(self.text, m.end) or self._modifier(m):
                continue
            if not self.orgs[m.id].treaties and all(_CITED.search(self.text[max(0, o.start - 50):o.start])
                                                    for o in mentions if o.id == m.id):
                continue  # "under the UN charter": a legal basis cited, no defence treaty spoken of
            if not any(self._as_alliance(o) or self._coordinated_with_alliance(o, mentions) for o in mentions
                       if o.id == m.id and not _MEMBER_OF.match(self.text, o.end)):
                continue
            seen.add(m.id)
            s, e = self._sentence_span(m.start)
            # what the article says the organisation's treaty obliges, in the sentences naming it
            spans = sorted({self._sentence_span(x.start) for x in mentions if x.id == m.id})
            stated, denied, where = provisions.of_sentences(self.text, spans, self.rules, self.names)
            out.append(Agreement(name=self.orgs[m.id].name, parties=[self.party(m.id)], event="mentioned",
                                 event_date=None, provisions=sorted(stated - denied),
                                 evidence=[Evidence(s, e, self.text[s:e])], negated_provisions=sorted(denied),
                                 provision_evidence=[Evidence(a, b, self.text[a:b]) for a, b in where[:3]]))
        return out

    def _denied_act_on(self, mention: Mention) -> bool:
        """"France has not invoked NATO's Article 5", "weigh invoking Article 4": the
        organisation's treaty is spoken of in a clause whose act did not happen, a mention
        of its own beside the organisation's other records (an invocation by others)."""
        s, _ = self._sentence_span(mention.start)
        return any(s <= d <= mention.start for d in self.denied) and self._as_alliance(mention)

    def groupings_mentioned(self, mentions: list[Mention], agreements: list[Agreement]) -> list[Agreement]:
        """A grouping without an organisation id (the Quad, AUKUS, ANZUS: ``pact`` in
        ``data/organisations.csv``) the article names with no record of its members: one
        ``mentioned`` record with its members (the annotation convention). "AUKUS
        partners", "Quad members" describe states and give none."""
        have = {frozenset(p["id"] for p in a.parties) for a in agreements}
        out = []
        for m in mentions:
            org = self.orgs.get(m.id) if m.is_org else None
            if org is None or org.kind != "pact" or len(org.members) < 2 or frozenset(org.members) in have:
                continue
            if _MEMBER_OF.match(self.text, m.end):
                continue
            have.add(frozenset(org.members))
            s, e = self._sentence_span(m.start)
            out.append(Agreement(name=org.name, parties=[self.party(p) for p in org.members], event="mentioned",
                                 event_date=None, provisions=[], evidence=[Evidence(s, e, self.text[s:e])],
                                 negated_provisions=[], provision_evidence=[]))
        return out

    def _coordinated_with_alliance(self, mention: Mention, mentions: list[Mention]) -> bool:
        """"a member of the EAEU (…) and the CSTO": the organisation coordinated after one
        spoken of as a treaty body is spoken of as one too (the parse often loses the
        coordination over a parenthesis)."""
        s, e = self._sentence_span(mention.start)
        for other in mentions:
            if other.is_org and other.id != mention.id and s <= other.start and other.end <= mention.start and \
                    re.search(r"\band (?:the )?$", self.text[other.end:mention.start]) and self._as_alliance(other):
                return True
        return False

    def _acts_on_named(self, trigger: _Trigger, names, org: Mention) -> bool:
        """Whether the trigger acts on a named agreement that is not ``org`` ("EU and NATO
        members voted to withdraw from the Ottawa Convention": NATO qualifies the members)."""
        if trigger.end <= org.start <= trigger.end + 40:
            return False  # "leave the NATO alliance": the organisation is the object
        if any(0 <= a - trigger.end <= 40 and not (org.start <= a < org.end) and not re.search(
                r"[,;.]", self.text[trigger.end:a]) and self.orgs[org.id].name != full for a, _, full in names):
            return True
        # "… NATO countries … plan to exit the international treaty": an agreement noun
        head = re.match(r"\s*(?:from\s+|of\s+)?(?:the|this|that|its|their|an?)\s+((?:[\w-]+\s+){0,2})(\w+)",
                        self.text[trigger.end:trigger.end + 60])
        if head is None:
            return False
        words = head.group(1).split() + [head.group(2)]
        return any(bool(self.rules.nouns.fullmatch(w)) and w.lower() not in _WORDS.alliance_words
                   for w in words)

    def _acting_organisation(self, trigger: _Trigger, orgs: list[Mention]) -> list[Mention]:
        """The organisation that is the subject of a suspension ("The AU has followed in
        the footsteps of Ecowas and suspended Guinea"): it acts, whatever other one is nearer."""
        if not self.parsed or trigger.event != "suspended":
            return []
        token = self._token_at(trigger.start)
        subject = membership.subject(token) if token is not None else None
        if subject is None or subject.dep_ != "nsubj":
            return []
        # the subject itself or its qualifier ("the AU's council"), not an aside ("Belarus,
        # citing the EU's Article 42(7), suspended …")
        inside = {subject.i} | {c.i for c in subject.children if c.dep_ in ("compound", "poss", "nmod")}
        return [m for m in orgs if self._root(m) in inside]

    def _of_an_older_agreement(self, trigger: _Trigger, s: int) -> bool:
        """Whether the trigger is told in a relative clause of an agreement the one in the
        news replaces or follows ("replace the current agreement …, which was signed in
        2001", "the previous treaty, which they signed in 1997")."""
        for m in _WORDS.older_agreement.finditer(self.text, s, trigger.start):
            noun = _AGREEMENT_NOUN.match(self.text, m.end())
            if noun and re.search(r"\b(?:which|that)\b", self.text[noun.end():trigger.start]) and not re.search(
                    r"[.;]", self.text[noun.end():trigger.start]):
                return True
        return False

    def _named_talks(self, trigger: _Trigger) -> bool:
        """Talks named for something else than an agreement in focus ("the stalled Grand
        Ethiopian Renaissance Dam (GERD) negotiations between Egypt, Sudan and Ethiopia"):
        a proper name qualifies the talks' noun."""
        if trigger.event != "negotiating" or not self.parsed:
            return False
        token = self._token_at(trigger.start)
        starts = {m.start for m in self._mentions}
        return token is not None and any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.idx not in starts
                                         for c in token.children)

    def _other_clauses(self, s: int, triggers) -> list[tuple[int, int]]:
        """Character spans of the adverbial clauses of the sentence at ``s`` that have a
        subject of their own and hold none of ``triggers`` ("…, after the army took power in
        July 2023"): another act's words, whose dates are that act's."""
        if not self.parsed or not triggers:
            return []
        tokens = [t for t in (self._token_at(tr.start) for tr in triggers) if t is not None]
        first = self._token_at(s)
        if not tokens or first is None:
            return []
        out = []
        for t in first.sent:
            if t.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                inside = {u.i for u in t.subtree}
                if not any(k.i in inside for k in tokens):
                    out.append((t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)))
        return out

    def _state_in_focus(self, s: int) -> str | None:
        """The one state of the agreement in focus, else the state named last before ``s``."""
        if self.focus is not None:
            states = [p for p in self.focus.parties if p not in self.orgs]
            if len(states) == 1:
                return states[0]
        before = [m for m in self._mentions if not m.is_org and m.end <= s]
        return before[-1].id if before else None

    def _treaty_object(self, trigger: _Trigger, orgs: list[Mention]) -> bool:
        """Whether the verb ratifies an organisation's own treaty ("the Senate ratified the
        North Atlantic Treaty", "ratified the SEATO treaty", "the Charter of the OAS"): the
        state joins the organisation, which is a party of the act. (Not a signing: the
        founders' signing of the treaty is coded as an agreement of the states.)"""
        if not self.parsed or trigger.event != "ratified" or not self._acting_states(trigger):
            return False  # (a state acts: "the treaty was ratified in 1948" is no one's in particular)
        verb = self._token_at(trigger.start)
        if verb is None:
            return False
        for m in orgs:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            treaty = root if _WORDS.founding_noun.fullmatch(root.text) else root.head if root.dep_ in (
                "compound", "nmod", "poss") else root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" \
                else None
            if treaty is None or not _WORDS.founding_noun.fullmatch(treaty.text):
                continue
            if treaty.dep_ in ("dobj", "nsubjpass") and treaty.head.i == verb.i:
                return True  # (passive too: "the North Atlantic Treaty was ratified by …")
            if treaty.dep_ == "appos" and treaty.i > verb.i and next(
                    (a.i for a in treaty.ancestors if a.pos_ in ("VERB", "AUX")), None) == verb.i:
                return True  # misparsed: "ratified by a large majority the North Atlantic Treaty"
        return False

    def _modifier(self, mention: Mention, member: bool = False) -> bool:
        """Whether the mention only qualifies another noun ("EU accession talks", "NATO
        Air Command chief"), save a clause or article of its treaty ("NATO's Article 5")
        and, with ``member`` (joining or leaving), a member of it ("became the 30th NATO
        member")."""
        if not self.parsed:
            return False
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        while root.dep_ == "conj" and root.head.i != root.i and root.head.i < root.i:
            root = root.head  # "European Union and NATO countries": as the first conjunct does
        if member and root.head.lower_ in _MEMBER_NOUNS:
            return False
        return root.dep_ in ("compound", "amod", "nmod") and not _OWN_PART.match(root.head.text)

    def _as_alliance(self, mention: Mention) -> bool:
        """Whether the sentence speaks of the organisation as a treaty body: its article,
        clause or treaty ("NATO's Article 5", "the SADC Mutual Defence Pact"), its members
        ("both members of the CSTO", "a member of the EAEU and the CSTO"), its creation or
        a commitment to it. Not as an actor that welcomes, calls or hosts, nor a place
        ("chiefs from the EAC"). Without a parse every mention counts."""
        if not self.parsed:
            return True
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        if _TREATY_PART.fullmatch(root.text):
            return True  # the organisation named by its treaty ("the Tashkent Treaty")
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if root.dep_ in ("compound", "amod", "nmod", "poss"):
            return bool(_OWN_PART.match(root.head.text))
        if root.dep_ == "pobj" and root.head.lower_ in ("of", "to", "in", "within"):
            return root.head.head.lower_ in _ALLIANCE_HEADS
        return False

    def _sentence_span(self, position: int) -> tuple[int, int]:
        return next(((s, e) for s, e in self._spans if s <= position < e), (position, position))

    def party(self, ident: str) -> dict:
        if ident in self.orgs:
            return self.orgs[ident].to_json()
        if ident in polities():
            return polities()[ident].to_json()  # "Somaliland": no registry code, iso3 as gold writes it
        from casus.states import default_registry

        state = default_registry().get(ident)
        data = state.to_json(self.published)
        return {k: data[k] for k in ("id", "iso3", "cow", "name")}

    # -- context events --------------------------------------------------------------

    def visits(self, s, e, here, sdates) -> list[dict]:
        out = []
        for m in _VISIT.finditer(self.text, s, e):
            states = [x for x in here if not x.is_org]
            visitor = [x for x in states if x.start < m.start() and x.kind in ("leader", "demonym", "name", "abbreviation")]
            host = [x for x in states if x.start > m.start() and (not visitor or x.id != visitor[-1].id)]
            if not visitor or not host:
                continue
            date = _nearest_date(sdates, _Trigger("visit", m.start(), m.end(), m.group()))
            out.append({"visitor": visitor[-1].id, "person": visitor[-1].person, "host": host[0].id,
                        "date": date, "evidence": {"start": s, "end": e, "text": self.text[s:e]}})
            break
        return out

    def _sentence_end(self, position: int) -> int:
        return min((e for _, e in self._spans if e >= position), default=len(self.text))

    def quotes(self, mentions) -> list[dict]:
        """Quotations (possibly over several sentences) and who said them."""
        out = []
        for q in _QUOTE.finditer(self.text):
            qs, qe = q.start(), q.end()
            s, e = self._sentence_start(qs), max(self._sentence_end(qe), qe)
            here = [m for m in mentions if s <= m.start < e]
            who = _SPEAKER_AFTER.match(self.text, qe, e)
            span = None
            if who:
                g = "who" if who.group("who") else "who2"
                span = (who.start(g), who.end(g))
            else:
                before = _SPEAKER_BEFORE.search(self.text, s, qs)
                if before:
                    span = (before.start("who"), before.end("who"))
            speaker = None
            state = None
            if span:
                inside = [m for m in here if span[0] <= m.start < span[1]]
                leader = [m for m in inside if m.kind == "leader"]
                if leader:
                    speaker, state = leader[0].person, leader[0].id
                else:
                    speaker = re.split(r"[,;]", self.text[span[0]:span[1]])[-1].strip()
                    state = inside[0].id if inside else None
                    if not speaker[:1].isupper() or len(speaker.split()) > 8:
                        speaker = state = None
            out.append({"start": qs, "end": qe, "text": self.text[qs:qe], "speaker": speaker, "state": state,
                        "speaker_span": list(span) if span else None})
        return out


# verbs by which an agreement ties its parties ("the agreements linking it to France"; the
# pipeline has no lemmatizer: the forms)
_LINKING = frozenset({"linking", "links", "linked", "binding", "binds", "bound", "tying", "ties", "tied",
                      "connecting", "connects", "connected"})


def _linking_to(preposition) -> bool:
    """Whether the preposition is the "to" of an agreement tying a state to another ("the
    military agreements linking it to France"): its object is the other side."""
    return preposition.lower_ == "to" and preposition.head.lower_ in _LINKING and preposition.head.dep_ == "acl"


def _own_clause(token) -> bool:
    """Whether the token is a verb coordinated with another ("A joined in 2001, and B
    joined in 2017") that has a subject of its own: a second act, with its own parties."""
    return token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and token.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _bare_withdrawal(text: str, trigger: _Trigger) -> bool:
    """"after its forced withdrawal linked to the coups": the noun with nothing withdrawn
    from, in a sentence naming no agreement, is troops or influence leaving, not a state
    leaving the agreement in focus."""
    return trigger.text.lower() in ("withdrawal", "pullout") and not re.match(
        r"\s+(?:of\s+[^.,;]{1,40}?\s+)?from\b", text[trigger.end:trigger.end + 60])


def _new_record(event: str, date: str | None = None) -> dict:
    """One event of a cluster, before its evidence and acting states are added."""
    return {"event": event, "date": date, "evidence": [], "own": [], "no_provisions": False}


def _one_visit_each(visits: list[dict]) -> list[dict]:
    """One visit told in several sentences ("Kim arrived in Russia on Tuesday … During
    the visit to Russia …") is one visit: the same visitor and host on compatible dates
    (equal, one unknown, or one within the other) merge, keeping the first sentence as
    evidence and the most precise date."""
    out: list[dict] = []
    for visit in visits:
        same = next((v for v in out if v["visitor"] == visit["visitor"] and v["host"] == visit["host"]
                     and not _other_day(v["date"], visit["date"])
                     and (not v["date"] or not visit["date"] or v["date"][:4] == visit["date"][:4])), None)
        if same is None:
            out.append(dict(visit))
            continue
        if visit["date"] and (not same["date"] or len(visit["date"]) > len(same["date"])):
            same["date"] = visit["date"]
        same["person"] = same["person"] or visit["person"]
    return out


def _clauses(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut at semicolons: "A joined in 1982; B left in 2004" are two events,
    each with its own subject."""
    out = []
    for s, e in spans:
        start = s
        for m in re.finditer(r";\s+", text[s:e]):
            out.append((start, s + m.start()))
            start = s + m.end()
        out.append((start, e))
    return [(a, b) for a, b in out if b > a]


def _news_of_the_days_before(date: str | None, published: dt.date | None) -> bool:
    """Whether a written date is one of the week before publication (a day, or the month
    of publication): the news a headline in the present reports."""
    if not date or published is None or len(date) < 7:
        return False
    if len(date) == 7:
        return date == published.isoformat()[:7]
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return False
    return 0 <= (published - day).days <= 7


def _other_day(known: str | None, new: str | None) -> bool:
    """Two resolved dates of which neither contains the other ("2023-02" vs "2023-04-03";
    a year counts when the years differ: "1998" vs "2025-11-12")."""
    if not known or not new:
        return False
    if (len(known) < 7 or len(new) < 7) and known[:4].isdigit() and new[:4].isdigit():
        return known[:4] != new[:4]
    if len(known) < 7 or len(new) < 7:
        return False
    return not (known.startswith(new) or new.startswith(known))


def _same_name(a: str, b: str) -> bool:
    """Two names of one agreement: one's words (years and "the" aside) within the other's,
    or two names of one known agreement ("the Strategic Mutual Defence Agreement" and
    "SMDA", ``casus.reader.known``)."""
    ids = known_agreement_ids()
    if a in ids and ids.get(b) == ids[a]:
        return True

    def words(x):
        x = x.replace("defence", "defense").replace("Defence", "Defense")
        # a state's name and demonym are one word of a name ("the US-Philippine Mutual
        # Defense Treaty" and "the US-Philippines Mutual Defense Treaty" are one treaty)
        return {"-".join(map(_state_word, w.split("-"))) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", x)
                if w.lower() not in ("the", "of", "on", "and", "between")}
    a_words, b_words = words(a), words(b)
    small, large = sorted((a_words, b_words), key=len)
    return len(small) >= 2 and small <= large


@functools.lru_cache(maxsize=4096)
def _state_word(word: str) -> str:
    """The word lower-cased, or the id of the one state it names ("Philippine" and
    "Philippines" are both PHL); a word of no state or of several is itself."""
    if word[:1].isupper() and len(word) > 1:
        found = {state.id for state in default_registry().candidates(word)}
        if len(found) == 1:
            return "@" + found.pop()
    return word.lower()


def _nearest_name(names, position: int, text: str = "") -> str | None:
    after = [n for n in names if 0 <= n[0] - position <= 40 and "," not in text[position:n[0]]]
    if after:
        return after[0][2]
    # (a parenthetical set off by commas does not part the name from its verb: "The Treaty
    # of X between A and B, Turkey's foreign ministry said, was ratified")
    before = [n for n in names if 0 <= position - n[1] and (position - n[1] <= 60 or len(
        _PARENTHETICAL.sub("", text[n[1]:position])) <= 60)]
    return before[-1][2] if before else None


def _nearest_date(dates: list[DateMention], trigger: _Trigger) -> str | None:
    resolved = [d for d in dates if d.value]
    if not resolved:
        return None

    def distance(d):
        return d.start - trigger.end if d.start >= trigger.end else trigger.start - d.end

    best = min(resolved, key=lambda d: (distance(d), -len(d.value)))
    return best.value


def _skipped(article) -> Reading:
    published = article.published.isoformat() if article.published else None
    return Reading(article={"id": article.id, "url": article.url, "published": published, "skipped": True},
                   agreements=[], mentions=[], quotes=[], visits=[])


def read_many(articles, kb=None, nlp=None, first_pass: bool = False, batch_size: int = 32) -> list[Reading]:
    """Read many articles: one ``nlp.pipe`` over those worth reading, then the rules over
    each Doc. The matchers and rules are built once per process (``finder_for``,
    ``load_rules``), whatever the publication dates."""
    from casus.reader.inputs import worth_reading
    from casus.reader.nlp import load

    articles = list(articles)
    texts = [layout.for_reading(a.text) for a in articles]  # same offsets, layout undone
    wanted = [not first_pass or worth_reading(text) for text in texts]
    nlp = nlp or load()
    rules = load_rules()
    finder = finder_for(nlp)
    docs = iter(nlp.pipe((text for text, w in zip(texts, wanted) if w), batch_size=batch_size))
    out = []
    for article, text, want in zip(articles, texts, wanted):
        if not want:
            out.append(_skipped(article))
            continue
        if isinstance(article.published, str):
            article = dataclasses.replace(article, published=dt.date.fromisoformat(article.published))
        reading = _Reader(dataclasses.replace(article, text=text), nlp, rules, finder, finder.orgs,
                          doc=next(docs)).read()
        out.append(layout.restore(reading, article.text) if text != article.text else reading)
    return out


def read_article(article, kb=None, nlp=None, first_pass: bool = False) -> Reading:
    """Read one article (``casus.reader.inputs.Article``); see ``read_many``.

    With ``first_pass``, an article the cheap first pass (``inputs.worth_reading``) finds
    nothing in is not run through spaCy: its reading is empty and says ``skipped``.
    """
    return read_many([article], kb=kb, nlp=nlp, first_pass=first_pass)[0]


def read_articles(source: str, published: str | None = None) -> list[dict]:
    """Load ``source`` (see ``casus.reader.inputs``) and read every article: JSON payloads."""
    from casus.reader.inputs import load_articles

    articles = load_articles(source, published)
    payloads = []
    for article, reading in zip(articles, read_many(articles, first_pass=True)):
        payload = reading.to_json()
        payload["article"]["text"] = article.text
        payloads.append(payload)
    return payloads
