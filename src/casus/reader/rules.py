"""The reader's phrase data (``data/events.yaml``, ``data/provisions.yaml``), compiled
and checked on load."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from casus.reader import nouns as agreement_nouns
from casus.reader.known import names_pattern
from casus.vocab import Event, Provision, values

DATA = Path(__file__).parent / "data"
EVENTS = values(Event)
PROVISIONS = values(Provision)


@dataclass(frozen=True)
class Rules:
    nouns: re.Pattern  # a word for an agreement (``data/agreement_nouns.yaml``)
    ignore: tuple[re.Pattern, ...]
    events: dict[str, tuple[re.Pattern, ...]]
    weak: frozenset[str]
    negation: re.Pattern
    hedge: re.Pattern
    future: re.Pattern
    provisions: dict[str, tuple[re.Pattern, ...]]
    provision_negation: re.Pattern
    provision_hedge: re.Pattern
    provision_negation_cut: re.Pattern | None = None
    provision_label: re.Pattern | None = None
    provision_consultative: re.Pattern | None = None
    initialled: re.Pattern | None = None
    considered: re.Pattern | None = None  # a verb of weighing right before a trigger
    legislatures: frozenset[str] = frozenset()  # a legislature joining a treaty ratifies it
    known: re.Pattern | None = None  # names of known agreements (``casus.reader.known``)
    known_parties: dict[str, tuple[str, ...]] | None = None  # each of those names -> parties
    intention: re.Pattern | None = None  # "plans to sign": announced (see ``data/events.yaml``)
    headline_future: re.Pattern | None = None  # "Japan, Philippines to sign pact": announced
    reported_future: re.Pattern | None = None  # "said it would sign": announced, no hedge
    caption: re.Pattern | None = None  # a photo caption's position marker: no event of its own
    rejoining: re.Pattern | None = None  # a legislature's act returning its own state to a treaty
    notice: re.Pattern | None = None  # an announced trigger that is an act beside a strong one
    invitation: re.Pattern | None = None  # an announced trigger that invites states to join an organisation
    clause_anaphor: re.Pattern | None = None  # "Article 4" alone: the organisation's clause just spoken of


def load_known_agreements(path: Path = DATA / "agreements.csv") -> dict[str, tuple[str, ...]]:
    """Every name and alias of a known agreement to its parties: the knowledge base's
    treaty records and ``data/agreements.csv`` (``casus.reader.known``)."""
    from casus.reader.known import known_agreements

    return known_agreements(path)


def _compile(items, where: str, words: dict[str, str] | None = None) -> tuple[re.Pattern, ...]:
    """Patterns compiled ignoring case; ``{agreement}`` stands for any form of an agreement
    noun made between sides (``data/agreement_nouns.yaml``), ``{NAME}`` for the sub-pattern
    ``words[NAME]`` (``words`` of ``data/events.yaml``: one object vocabulary shared by many
    verbs). Quantifiers (``{0,5}``) have digits, never a capitalised name."""
    agreement = agreement_nouns.load().pattern(agreement_nouns.SIDED)
    words = {k: v.replace("{agreement}", agreement) for k, v in (words or {}).items()}
    try:
        return tuple(re.compile(_expand(item.replace("{agreement}", agreement), words, where), re.I)
                     for item in items)
    except re.error as exc:
        raise ValueError(f"{where}: bad pattern: {exc}") from None


def _expand(pattern: str, words: dict[str, str], where: str) -> str:
    def one(m: re.Match) -> str:
        if m.group(1) not in words:
            raise ValueError(f"{where}: unknown word list {{{m.group(1)}}}")
        return _expand(words[m.group(1)], words, where)
    return re.sub(r"\{([A-Z][A-Z_]*)\}", one, pattern)


def _leading_words(pattern: str) -> tuple[str, ...] | None:
    """Words one of which a match must begin with, read off the start of ``pattern``
    (``\\bsign(?:s|ed)?`` -> ("sign",), ``\\b(?:seal|formali[sz])`` -> ("seal", "formali")),
    after its lookbehinds; None when the start is anything else. Each word is cut before a
    quantified letter ("penn?" -> "pen") and has three letters or more."""
    rest = re.sub(r"^(?:\(\?<!(?:[^()\\]|\\.)*\))*", "", pattern)
    if not rest.startswith("\\b"):
        return None
    rest = rest[2:]
    if rest.startswith("(?:"):
        depth, i = 1, 3
        while i < len(rest) and depth:
            depth += {"(": 1, ")": -1}.get(rest[i], 0)
            i += 2 if rest[i] == "\\" else 1
        if depth or rest[i:i + 1] in ("?", "*", "{"):
            return None
        body, alternatives, level, start = rest[3:i - 1], [], 0, 0
        for j, c in enumerate(body):
            level += {"(": 1, ")": -1}.get(c, 0)
            if c == "|" and level == 0:
                alternatives.append(body[start:j])
                start = j + 1
        alternatives.append(body[start:])
    else:
        alternatives = [rest]
    words = []
    for alternative in alternatives:
        m = re.match(r"[a-z]+", alternative)
        if not m:
            return None
        word = m.group()
        if alternative[m.end():m.end() + 1] in ("?", "*", "{"):
            word = word[:-1]
        if len(word) < 3:
            return None
        words.append(word)
    return tuple(words)


class _Gated:
    """A compiled pattern that first asks whether the text holds one of the words a match
    must begin with (``_leading_words``): a substring test is far cheaper than a regular
    expression's scan, and most sentences hold none of a trigger's words. The reader
    scans every sentence with every trigger pattern; gated, it spends about a third less."""

    _lowered: tuple[str, str] = ("", "")  # the last text asked of and its lower case

    def __init__(self, compiled: re.Pattern, words: tuple[str, ...]) -> None:
        self._compiled, self._words = compiled, words

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        cached = _Gated._lowered  # (read once: another thread may replace it meanwhile)
        if cached[0] is not string:
            cached = _Gated._lowered = (string, string.lower())
        low = cached[1]
        end = len(string) if endpos is None else endpos
        if len(low) == len(string) and not any(low.find(w, pos, end) >= 0 for w in self._words):
            return iter(())
        return self._compiled.finditer(string, pos, end)

    def __getattr__(self, name):
        return getattr(self._compiled, name)


def _gated(patterns: tuple[re.Pattern, ...]) -> tuple:
    out = []
    for rx in patterns:
        words = _leading_words(rx.pattern)
        out.append(_Gated(rx, words) if words else rx)
    return tuple(out)


def _load(path: Path, schema: str) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("schema") != schema:
        raise ValueError(f"{path}: expected 'schema: {schema}'")
    return data


@functools.lru_cache(maxsize=4)
def load_rules(events_file: Path = DATA / "events.yaml", provisions_file: Path = DATA / "provisions.yaml") -> Rules:
    ev = _load(events_file, "casus.reader.events.v1")
    pr = _load(provisions_file, "casus.reader.provisions.v1")
    known = load_known_agreements()
    unknown = set(ev["events"]) - set(EVENTS)
    if unknown:
        raise ValueError(f"{events_file}: unknown events {sorted(unknown)}")
    unknown = set(pr["provisions"]) - set(PROVISIONS)
    if unknown:
        raise ValueError(f"{provisions_file}: unknown provisions {sorted(unknown)}")
    return Rules(
        nouns=agreement_nouns.load().sentence,
        ignore=_compile(ev.get("ignore", []), str(events_file), ev.get("words")),
        events={k: _gated(_compile(v, f"{events_file}: {k}", ev.get("words"))) for k, v in ev["events"].items()},
        weak=frozenset(ev.get("weak", [])),
        negation=re.compile(ev["negation"], re.I),
        hedge=re.compile(ev["hedge"], re.I),
        future=re.compile(ev["future"], re.I),
        provisions={k: _compile(v, f"{provisions_file}: {k}") for k, v in pr["provisions"].items()},
        provision_negation=re.compile(pr["negation"], re.I),
        provision_hedge=re.compile(pr["hedge"], re.I),
        provision_negation_cut=re.compile(pr["negation_cut"], re.I) if pr.get("negation_cut") else None,
        provision_label=re.compile(pr["label"], re.I) if pr.get("label") else None,
        provision_consultative=re.compile(pr["consultative"], re.I) if pr.get("consultative") else None,
        initialled=re.compile(ev["initialled"], re.I) if ev.get("initialled") else None,
        considered=re.compile(ev["considered"], re.I) if ev.get("considered") else None,
        legislatures=frozenset(w.lower() for w in ev.get("legislatures", [])),
        known=names_pattern(known),
        known_parties=known,
        intention=re.compile(ev["intention"], re.I) if ev.get("intention") else None,
        headline_future=re.compile(ev["headline_future"]) if ev.get("headline_future") else None,
        reported_future=re.compile(ev["reported_future"], re.I) if ev.get("reported_future") else None,
        caption=re.compile(ev["caption"]) if ev.get("caption") else None,
        rejoining=re.compile(ev["rejoining"], re.I) if ev.get("rejoining") else None,
        notice=re.compile(ev["notice"], re.I) if ev.get("notice") else None,
        invitation=re.compile(ev["invitation"], re.I) if ev.get("invitation") else None,
        clause_anaphor=re.compile(ev["clause_anaphor"], re.I) if ev.get("clause_anaphor") else None,
    )


def trigger_group(match: re.Match) -> int | str:
    """The group of an event pattern's match that is the trigger word: ``t`` when the
    pattern marks one within a longer match ("Article 4 was (?P<t>triggered)"), else all."""
    return "t" if "t" in match.re.groupindex else 0
