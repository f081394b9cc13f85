"""Agreements as instruments: which agreements an article reports, how many, and
which event of each (the ``instruments`` family of the reader's rules).

``extract`` calls these from its pass; vocabulary and patterns live in
``data/events.yaml`` and ``data/instruments.yaml``.
"""

from __future__ import annotations

import re

from casus.reader import clause_words
from casus.reader import parties as party_rules


def narrower_than_all(parties: set[str], clusters) -> bool:
    """Whether ``parties`` (two or more, joined by "between") are a strict part of every
    agreement already found with events, and equal to none: then they name another
    agreement ("the treaties between A and B" beside a pact of A, B and C)."""
    with_events = [c for c in clusters if c.records]
    if len(parties) < 2 or not with_events:
        return False
    return all(parties < set(c.parties) for c in with_events) and not any(
        parties == set(c.parties) for c in clusters)


def uncounted(record: dict, cluster, clusters) -> int:
    """How many records a counted event stands for ("adopted three documents"): the
    count, less the agreements of the same parties and event the article names on
    their own ("they also adopted X and Y" are two of the three)."""
    count = record.get("count", 1)
    if count <= 1:
        return 1
    named = sum(1 for c in clusters if c is not cluster and set(c.parties) == set(cluster.parties)
                and any(r["event"] == record["event"] for r in c.records.values()))
    return max(1, count - named)


# a quoted title: capitalised words, small words between them ("The Spirit of Camp David")
_TITLE = re.compile(r"[“\"](?P<t>(?:The |A )?[A-Z][\w'’-]*(?: (?:(?:of|on|for|to|and|the|in|at|with) )*"
                    r"[A-Z][\w'’-]*)+)[,.]?[”\"]")
# the events of which a quoted title names the instrument
_TITLED_EVENTS = ("signed", "announced")


def titles(text: str, s: int, e: int, triggers) -> list[tuple[int, int, str]]:
    """Quoted titles after a signing or announcing verb of the sentence: the names of
    the documents it reports, though no agreement word stands beside them."""
    first = min((t.end for t in triggers if t.event in _TITLED_EVENTS), default=None)
    if first is None:
        return []
    return [(m.start("t"), m.end("t"), m.group("t")) for m in _TITLE.finditer(text, first, e)]


# what may stand between two names of one list: commas, years, "and", "as well as",
# quotes and articles ("the “A” and the “B”", "A 1989, B 2006 and C")
LIST_GAP = re.compile(r"[\s\d,;()“”\"'’]*(?:and|as well as|&)?(?:\s+(?:the|a|an))?[\s\d,;()“”\"'‘’]*")


def membership_talks(trigger) -> bool:
    """Talks on joining an organisation ("EU accession talks"): read as a joining is, the
    acting state plus the organisation."""
    return trigger.event == "negotiating" and "accession" in trigger.text.lower()


# "negotiations with Riyadh", "talks with the Saudis": the other side of the talks
_WITH = re.compile(r"\s+with\s+(?:the\s+)?$", re.I)


def talks_with_focus(reader, trigger, here) -> bool:
    """Negotiations "with" a side of the agreement in focus, in a sentence naming no
    agreement ("The Pentagon has been negotiating with Riyadh for months"): the talks on
    that agreement."""
    focus = reader.focus
    if trigger.event != "negotiating" or focus is None:
        return False
    return any(m.start >= trigger.end and m.id in focus.parties and not m.is_org
               and _WITH.search(reader.text[trigger.end:m.start]) for m in here)


# between a verb and its object: articles and adjectives, nothing that ends the phrase
_TO_OBJECT = re.compile(r"^[\s\w'’-]{0,40}$")


def pact_acted_on(reader, trigger, here):
    """The mention of a pact known with its members (``organisations.csv``, kind ``pact``)
    that the event is about: inside the trigger's words ("the creation of the AUKUS pact")
    or its object right after the verb ("signed the Quad charter"); None otherwise."""
    for m in here:
        if not m.is_org or reader.orgs[m.id].kind != "pact" or not reader.orgs[m.id].members:
            continue
        if trigger.start <= m.start < trigger.end or (
                m.start >= trigger.end and _TO_OBJECT.match(reader.text[trigger.end:m.start])):
            return m
    return None


# subjects that stand for the states named before ("they", "the two countries", "both sides")
_PLURAL_SUBJECT = re.compile(r"(?i)^(?:they|both|the (?:two|three) (?:countries|sides|nations|states|governments|"
                             r"leaders|parties)|both (?:countries|sides|nations|governments|leaders)|the parties)$")


def _subject(token):
    """The subject of the clause a trigger stands in, through "by signing", "to sign" and
    conjoined verbs: the first nsubj found going up from the trigger."""
    for _ in range(6):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def agent(token):
    """The agent of a passive verb ("signed by the two countries": "countries"), or None."""
    return next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def subject_or_agent(token):
    """Who acts in the clause of ``token``: its subject (``_subject``), or for a passive
    subject the agent of its verb (None when the passive names none)."""
    subject = _subject(token)
    if subject is not None and subject.dep_ == "nsubjpass":
        return agent(subject.head)
    return subject


def antecedent_states(reader, trigger, s: int, membership: bool = False) -> list[str]:
    """The states a plural subject stands for ("they signed", "the two countries
    signed", "the parties signed"): the parties of the last agreement between states
    alone (two of them after "the two …" or "both"), else those of the nearest sentence
    before, within three, naming two or more states. Organisations and membership
    records are skipped: in "A joined the CSTO. … the parties signed …" the parties are
    the two states the article is about, not A and the organisation. With ``membership``
    (the subject of joining or leaving an organisation), the states of a membership act
    count too: "A, B and C quit ECOWAS. … The three nations joined the AES". Empty when the
    subject is another or the Doc has no parse."""
    if not reader.parsed:
        return []
    token = reader._token_at(trigger.start)
    subject = _subject(token) if token is not None else None
    # a passive's agent stands for its states as a subject does ("was signed by the two
    # countries", "the agreement was signed by the two defence ministers")
    by = agent(token) if token is not None else None
    for who in (subject, by):
        if who is None:
            continue
        phrase = reader.doc[who.left_edge.i:who.i + 1].text
        officials = party_rules.officials_for_states(phrase, reader.party_rules)
        if _PLURAL_SUBJECT.match(phrase) or officials:
            pair = bool(_PAIR_SUBJECT.match(phrase)) or bool(
                officials and phrase.lower().split()[1:2] and phrase.lower().split()[1] in ("two", "both"))
            # "To strengthen ties between India and Fiji, the two nations signed …": the states
            # an opening phrase of the sentence names come first
            opening = list(dict.fromkeys(m.id for m in reader._mentions if s <= m.start < who.left_edge.idx
                                         and not m.is_org))
            if clause_words.load().purpose.search(reader.text, s, who.left_edge.idx) and (
                    len(opening) == 2 or (len(opening) > 2 and not pair)):
                return opening
            return states_before(reader, s, pair=pair,
                                 members=(3 if "three" in phrase.lower().split() else 2) if membership else 0)
    if subject is not None and subject.dep_ == "nsubjpass" and subject.head.i == token.i and by is None \
            and token.lower_ in _AGENTLESS_VERBS and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                         for c in subject.children):
        # "Indian and Kenyan ministers met. A memorandum on logistics was signed.": a new
        # text signed with its signatories unsaid is signed by the sides the article is
        # about ("the treaty was signed in 1947" is an agreement spoken of, found otherwise)
        return states_before(reader, s)
    return []


def states_before(reader, s: int, pair: bool = False, members: int = 0) -> list[str]:
    """The states an anaphor at ``s`` stands for (``antecedent_states``); ``pair``: two.
    ``members``: the acting states of a membership count, at least that many ("the three
    nations": three)."""
    for cluster in reversed(reader.clusters):
        acting = [p for p in cluster.parties if p not in reader.orgs]
        if members and len(acting) >= max(members, 2) and len(acting) < len(cluster.parties) and (
                members < 3 or len(acting) == members) and (not pair or len(acting) == 2):
            return acting  # "A, B and C quit ECOWAS. … The three nations joined the AES"
        if any(p in reader.orgs for p in cluster.parties) or len(cluster.parties) < 2:
            continue  # a membership, an organisation's treaty
        if not pair or len(cluster.parties) == 2:
            return list(cluster.parties)
    before = [(a, b) for a, b in reader._spans if b <= s][-3:]
    for a, b in reversed(before):
        here = [m for m in reader._mentions if a <= m.start < b]
        if any(m.is_org and reader.orgs[m.id].kind == "organisation" for m in here):
            continue  # "A is a member of the EAEU (with B, C and D)": members, not parties
        states = reader.state_ids([m for m in reader.actors(here, a) if not m.is_org])
        if len(states) >= 2:
            return states
    return []


# the verbs of signing whose passive without an agent leaves the signatories to the
# sentences before ("a memorandum was signed"); not ratifying, approving or joining, acts of
# one side each
_AGENTLESS_VERBS = frozenset({"signed", "concluded", "inked", "sealed"})
# subjects that stand for two states ("the two countries", "both sides")
_PAIR_SUBJECT = re.compile(r"(?i)^(?:both|the two \w+|both \w+)$")


# an abbreviation defined right after a name: "… Prosperity Agreement (C-SIPA)"
_DEFINED = re.compile(r"\s*\((?P<a>[A-Z][A-Za-z0-9-]{0,2}[A-Z][A-Z0-9-]{0,8})\)")


class Aliases:
    """The abbreviations an article defines for agreements it names ("the Comprehensive
    Security Integration and Prosperity Agreement (C-SIPA)"), so that a later "the
    C-SIPA" is that agreement though no agreement word stands beside it."""

    def __init__(self, text: str, name_pattern: re.Pattern) -> None:
        self.full: dict[str, str] = {}
        for m in name_pattern.finditer(text):
            group = "n" if m.group("n") else "t"  # ("t": a name that begins with its kind)
            value = m.groupdict().get(group)
            if not value or len(value.split()) < 2:
                continue
            defined = _DEFINED.match(text, m.end(group))
            if defined and defined.group("a") not in self.full:
                self.full[defined.group("a")] = value.strip()
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in sorted(
            self.full, key=len, reverse=True)) + r")(?![\w-])") if self.full else None

    def find(self, text: str, s: int, e: int) -> list[tuple[int, int, str]]:
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.full[m.group()]) for m in self.pattern.finditer(text, s, e)]


def own_clause(reader, weak, strong) -> bool:
    """Whether a weak trigger ("announced") heads a clause of its own with its own
    subject, holding none of the strong triggers and held by none of them: then it is an
    event beside them, not their wording ("announced the suspension" is a suspension)."""
    token = reader._token_at(weak.start)
    if token is None or token.pos_ != "VERB" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    inside = {t.i for t in token.subtree}
    for t in strong:
        other = reader._token_at(t.start)
        if other is None or other.i in inside:
            return False
        if token.i in {x.i for x in other.subtree} and token.dep_ not in _OWN_CLAUSE_DEPS:
            return False  # a complement of the strong verb: its wording
    return True


# links by which a clause with its own subject stands beside another, not inside it
_OWN_CLAUSE_DEPS = frozenset({"advcl", "conj", "parataxis", "ROOT"})
