"""The words by which news names an agreement (``data/agreement_nouns.yaml``): one
vocabulary, checked on load, and the forms each rule of the reader needs derived from it.

- ``sentence``: any form of any noun: a sentence that holds one names an agreement, so its
  event triggers count (``rules.Rules.nouns``).
- ``side_words``: the nouns of agreements made between sides (kinds ``general`` and
  ``between``), whose possessor, "with" and "between" phrases name the sides (``pairs``).
- ``pattern(...)``: a regular expression of the forms asked for, for the reader's phrase
  rules (the first noun after a verb, anaphors, a year's name, a name's kind word).

An acronym ("SOFA") is matched as written, never in lower case.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from casus.reader.trie import alternation

DATA = Path(__file__).parent / "data" / "agreement_nouns.yaml"
SCHEMA = "casus.reader.agreement_nouns.v1"
KINDS = ("general", "between", "text")
NAMES = ("heads", "begins")
# the kinds of agreement whose possessor and "with" phrase name its sides
SIDED = ("general", "between")


@dataclass(frozen=True)
class Noun:
    word: str
    plurals: tuple[str, ...]
    kind: str
    name: str | None = None  # "heads" or "begins": the kind word of a name
    acronym: bool = False
    not_after: tuple[str, ...] = ()  # words right before it that make it no agreement ("a good deal")

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.word, *self.plurals)


@dataclass(frozen=True)
class AgreementNouns:
    nouns: tuple[Noun, ...]

    def forms(self, kinds=KINDS, singular: bool = True, plural: bool = True, names=None) -> list[str]:
        """The forms of the nouns of ``kinds`` (and, if given, whose ``name`` is in ``names``)."""
        out: list[str] = []
        for noun in self.nouns:
            if noun.kind not in kinds or (names is not None and noun.name not in names):
                continue
            out += ([noun.word] if singular else []) + (list(noun.plurals) if plural else [])
        return list(dict.fromkeys(out))

    def _acronyms(self) -> frozenset[str]:
        return frozenset(f for n in self.nouns if n.acronym for f in n.forms)

    def alternation(self, forms, capitalised: bool = False) -> str:
        """A regular expression (no group of its own) matching any of ``forms``: spaces as
        any white space, acronyms as written (``(?-i:…)``) even inside a case-insensitive
        pattern, a form with ``not_after`` words refused after them; ``capitalised``: each
        word with a capital, as in a name. The forms are merged into a tree of their
        letters ("agreement(?:s)?"): a search tries one branch per letter, not every form
        in turn (the sentence test runs on every sentence)."""
        acronyms = self._acronyms()
        guards = {f: n.not_after for n in self.nouns for f in n.forms if n.not_after}
        plain, written, guarded = [], [], []
        for form in dict.fromkeys(forms):
            text = form if form in acronyms or not capitalised else " ".join(w[:1].upper() + w[1:] for w in form.split())
            if form in guards:
                after = "".join(_not_after(w, text) for w in guards[form])
                guarded.append(_tree([text]) + after)
            else:
                (written if form in acronyms else plain).append(text)
        parts = ([_tree(plain)] if plain else []) + guarded + ([f"(?-i:{_tree(written)})"] if written else [])
        return "(?:" + "|".join(parts) + ")"

    def pattern(self, kinds=KINDS, singular: bool = True, plural: bool = True, names=None) -> str:
        return self.alternation(self.forms(kinds, singular, plural, names))

    @functools.cached_property
    def sentence(self) -> re.Pattern:
        """Any form of any noun, as a word, case-insensitive (acronyms as written)."""
        return re.compile(r"\b" + self.pattern() + r"\b", re.I)

    def side_words(self) -> frozenset[str]:
        """The one-word forms (lower case) of the nouns whose sides a parse reads; acronyms
        are in ``side_acronyms``."""
        acronyms = self._acronyms()
        return frozenset(f.lower() for f in self.forms(SIDED) if " " not in f and f not in acronyms)

    def side_acronyms(self) -> frozenset[str]:
        return frozenset(f for f in self.forms(SIDED) if f in self._acronyms())

def _not_after(word: str, form: str) -> str:
    """A lookbehind, after ``form``, refusing ``word`` and a space right before it ("good"
    in "a good deal"); the word begins at a word boundary unless it holds an apostrophe
    ("n't")."""
    start = "" if "'" in word or "’" in word else r"\b"
    return f"(?<!{start}{re.escape(word + ' ' + form)})"


def _tree(words) -> str:
    """One regular expression for ``words``, merged by their common beginnings; a space
    in a word matches any run of white space."""
    return alternation(words, space=r"\s+")


@functools.lru_cache(maxsize=2)
def load(path: Path = DATA) -> AgreementNouns:
    """The file, checked: every entry a word, a list of plurals, a known kind and name."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f"{path}: expected 'schema: {SCHEMA}'")
    entries = data.get("nouns")
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{path}: nouns: expected a list of entries")
    nouns, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: nouns, entry {number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("word"), str) or not entry["word"].strip():
            raise ValueError(f"{where}: expected a 'word'")
        word = entry["word"].strip()
        plurals = entry.get("plurals", [])
        if not isinstance(plurals, list) or not all(isinstance(p, str) and p.strip() for p in plurals):
            raise ValueError(f"{where} ({word}): plurals: expected a list of words")
        if entry.get("kind") not in KINDS:
            raise ValueError(f"{where} ({word}): kind: must be one of {', '.join(KINDS)}")
        if entry.get("name") is not None and entry["name"] not in NAMES:
            raise ValueError(f"{where} ({word}): name: must be one of {', '.join(NAMES)}")
        acronym = bool(entry.get("acronym", False))
        if not acronym and word != word.lower():
            raise ValueError(f"{where} ({word}): a word is written in lower case (or marked acronym: true)")
        not_after = entry.get("not_after", [])
        if not isinstance(not_after, list) or not all(isinstance(w, str) and w.strip() for w in not_after):
            raise ValueError(f"{where} ({word}): not_after: expected a list of words")
        extra = set(entry) - {"word", "plurals", "kind", "name", "acronym", "not_after"}
        if extra:
            raise ValueError(f"{where} ({word}): unknown keys {sorted(extra)}")
        forms = [word, *(p.strip() for p in plurals)]
        for form in forms:
            if form in seen:
                raise ValueError(f"{where}: '{form}' is listed twice")
            seen.add(form)
        nouns.append(Noun(word, tuple(forms[1:]), entry["kind"], entry.get("name"), acronym,
                          tuple(w.strip() for w in not_after)))
    return AgreementNouns(tuple(nouns))
