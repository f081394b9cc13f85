"""The text the rules read: the article with its layout undone, character for character.

Outlets differ in layout, not in language: HTML gives no-break spaces ("President\u00a0Ruto",
"19\u00a0June"), wire copy and e-mail wrap lines at a fixed width. Neither is a word or a
sentence boundary to a reader, but to the patterns, the gazetteers (which match words
separated by a plain space) and the sentence splitter (which ends a sentence at a line
break) they are. ``for_reading`` replaces each such character by a plain space and
nothing else, so the result has the article's length and every offset the reader gives
(evidence, mentions) still indexes the article's own text, from which the evidence's
characters are then taken (``restore``).

Feeds also join lines: a headline run into its lede ("Iran, Iraq sign pact Iranian and
Iraqi officials signed …") is one sentence to the splitter, and the headline's verb then
governs the lede's parties. ``for_reading`` puts the line break back where the lede
begins (``data/layout.yaml``): a space becomes a line break, the length stays.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from dataclasses import replace
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "layout.yaml"
SCHEMA = "casus.reader.layout.v1"

# spaces of other widths and no-break spaces: all one word gap
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                                 "\u202f\u205f\u3000"), " ")

# a text is wrapped when its lines are short, most of them filled to about the same width
_WRAP_WIDTH = 110  # no wrapped line is longer: news paragraphs on one line are far longer
_FULL_LINES = 3  # lines filled to the width needed to call a text wrapped
_FILLED = 0.7  # a line filled to this share of the text's width is wrapped, not ended


def for_reading(text: str) -> str:
    """``text`` with odd spaces and soft line breaks as plain spaces and a headline run
    into its lede on a line of its own, of the same length."""
    return _headlines_apart(_unwrapped(text.translate(_SPACES)))


def _unwrapped(text: str) -> str:
    """``text`` with the line breaks of a fixed-width wrap as spaces."""
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip("\r")) for line in lines if line.strip())
    if not lengths or lengths[-1] > _WRAP_WIDTH:
        return text
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if sum(1 for n in lengths if n >= _FILLED * width) < _FULL_LINES or width < 40:
        return text
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 == len(lines):
            break
        body = line.rstrip("\r")
        following = lines[i + 1]
        # (a line that ends a sentence keeps its break: it is a boundary either way)
        soft = len(body) >= _FILLED * width and following.strip() and not following[:1].isspace() \
            and not body.rstrip().endswith((".", "!", "?", ":", ";", '"', "”", "’")) \
            and not re.match(r"\s*(?:[-*•–—]|\d+[.)])\s", following)
        if soft:
            out[-1] = body + " " * (len(line) - len(body))
            out.append(" ")  # the line break itself
        else:
            out.append("\n")
    return "".join(out)


@dataclass(frozen=True)
class _Cues:
    datelines: re.Pattern
    openers: frozenset[str]
    names: tuple[str, ...]
    joiners: frozenset[str]
    nouns: frozenset[str]  # the agreement nouns (``data/agreement_nouns.yaml``): a headline's last word
    not_after_noun: frozenset[str]


@functools.lru_cache(maxsize=1)
def _cues(path: Path = DATA) -> _Cues:
    """The file, checked: its patterns compile, its lists are lists of words."""
    from casus.reader import nouns

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f"{path}: expected 'schema: {SCHEMA}'")
    lists = {}
    for key in ("datelines", "openers", "names", "joiners", "not_after_noun"):
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise ValueError(f"{path}: {key}: expected a list of strings")
        lists[key] = value
    try:
        datelines = re.compile("|".join(f"(?:{d})" for d in lists["datelines"]))
    except re.error as exc:
        raise ValueError(f"{path}: datelines: {exc}") from exc
    return _Cues(datelines, frozenset(lists["openers"]), tuple(lists["names"]), frozenset(lists["joiners"]),
                 frozenset(nouns.load().forms()), frozenset(lists["not_after_noun"]))


_WORD = re.compile(r"\S+")
_CORE = re.compile(r"^[\W_]+|[\W_]+$")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})
_MAX_HEADLINE = 40  # words before the lede (a headline, with the page's chrome run into it)


def _sentence_case(words: list[str]) -> bool:
    """Whether the words read as a sentence in sentence case, not as a title."""
    words = words[:10]
    return len(words) >= 5 and sum(1 for w in words if w[:1].islower()) >= 0.4 * len(words)


def _lede_starts(line: str) -> list[int]:
    """Offsets in ``line`` where a lede begins after a headline run into it, in each of
    its sentences: before a dateline; before an opener ("The", "On") written with a capital;
    before the headline's own first words or words it begins a phrase with ("… with Canada
    and Italy Canada and Italy have signed …"); after an agreement noun, before a
    capitalised word ("… sign pact Iranian officials said …"). Each but the dateline only
    where sentence case follows."""
    from casus.reader.sentences import split

    return [start for s, e in split(line) for start in _sentence_lede_starts(line, s, e)]


def _sentence_lede_starts(line: str, s: int, e: int) -> list[int]:
    """The lede starts in the sentence ``line[s:e]`` (see ``_lede_starts``)."""
    cues = _cues()
    first = line[:e]
    words = list(_WORD.finditer(first, s))
    cores = [_CORE.sub("", w.group()) for w in words]
    starts: list[int] = []
    since = 0  # the first word of the headline looked at: the sentence's, or the last lede's
    for i in range(1, min(len(words), _MAX_HEADLINE + 1)):
        previous, word, core, before = words[i - 1].group(), words[i].group(), cores[i], cores[i - 1]
        tail = previous[len(previous.rstrip("\"”’')].;:,!?…(-–—")):]
        if not word[:1].isupper() or not before or before.lower() in cues.joiners or \
                any(c in ",;:(…!?" for c in tail) or line[words[i - 1].end():words[i].start()] != " ":
            continue  # (punctuation after a word: it ends no headline)
        dateline = cues.datelines.match(first, words[i].start())
        if dateline:
            starts.append(words[i].start())
            break  # the lede follows its dateline: no headline goes on after it
        if i - since < 2 or not _sentence_case([w.group() for w in words[i:]]):
            continue
        # the headline's phrases: its first words, and those after a joiner or a stop
        phrases = {(cores[k], cores[k + 1]) for k in range(since, i - 1)
                   if k == since or cores[k - 1].lower() in cues.joiners or words[k - 1].group()[-1:] in ",;:"}
        if (core.lower() in cues.openers and not core.isupper() and not first.startswith(
                cues.names, words[i].start())) or (
                i + 1 < len(words) and (core, cores[i + 1]) in phrases) or (
                before in cues.nouns and core not in cues.not_after_noun and not any(
                    c.lower() in _DETERMINERS for c in cores[max(since, i - 4):i - 1])):
            # (a headline drops its articles: "the pacts Canberra has" is a relative clause)
            starts.append(words[i].start())
            since = i
    return starts


def _headlines_apart(text: str) -> str:
    """``text`` with a line break, in place of the space, before each lede run into a headline."""
    chars = None
    for line in re.finditer(r"[^\n]+", text):
        for start in _lede_starts(line.group()):
            chars = chars or list(text)
            chars[line.start() + start - 1] = "\n"
    return "".join(chars) if chars else text


def restore(reading, original: str):
    """``reading`` made from ``for_reading(original)``, its quoted characters taken from
    ``original`` (offsets are the same)."""
    def ev(e):
        return replace(e, text=original[e.start:e.end])

    for agreement in reading.agreements:
        agreement.evidence = [ev(e) for e in agreement.evidence]
        agreement.provision_evidence = [ev(e) for e in agreement.provision_evidence]
    reading.mentions = [replace(m, text=original[m.start:m.end]) for m in reading.mentions]
    reading.dates = [replace(d, text=original[d.start:d.end]) for d in reading.dates]
    for quote in reading.quotes:
        quote["text"] = original[quote["start"]:quote["end"]]
    for visit in reading.visits:
        evidence = visit.get("evidence")
        if evidence:
            evidence["text"] = original[evidence["start"]:evidence["end"]]
    return reading
