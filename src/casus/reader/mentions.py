"""Mentions of states and organisations: names, demonyms, capitals as metonyms,
leaders as of the publication date, organisations.

Patterns are built from data files: the state registry (names, aliases, demonyms,
capitals, metonyms), ``data/organisations.csv`` and ``data/leaders.csv`` (when present).
Matching is case-sensitive (``ORTH``) so "US" is a state and "us" is not; an alias that
names several states on the date ("Korea", "Korean") is left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from casus.reader.organisations import Organisation, load_organisations  # noqa: F401 - re-exported
from casus.states.normalize import strip_accents
from casus.states.normalize import normalize

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets into the article text
    end: int
    text: str
    kind: str  # name, demonym, capital, metonym, abbreviation, leader, organisation
    id: str  # a state id or an organisation id
    is_org: bool = False
    person: str | None = None

    def to_json(self) -> dict:
        data = {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind, "id": self.id}
        if self.person:
            data["person"] = self.person
        return data


def load_not_mentions(path: Path = DATA / "not_mentions.csv") -> list[str]:
    """Should-not-match names: a state's name inside a longer name ("South China Sea",
    "France 24", "Korean War"); case-sensitive, the longest match wins."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["name"]:
            raise ValueError(f"{path}: the one column must be 'name'")
        return [row["name"].strip() for row in reader if row["name"].strip()]


@dataclass(frozen=True)
class Leader:
    state: str
    name: str
    surname: str
    aliases: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None

    def in_office(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def load_leaders(path: Path = DATA / "leaders.csv") -> list[Leader]:
    if not path.exists():
        return []
    leaders = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            def day(value):
                return dt.date.fromisoformat(value) if value else None
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").replace("|", ";").split(";") if a.strip())
            leaders.append(Leader(row["state"], row["name"], row.get("surname") or "", aliases,
                                  day(row.get("from")), day(row.get("to"))))
    return leaders


def _meaning(text: str, found: set) -> tuple[str, str, str | None] | None:
    """What the form ``text`` names, given all its readings ``found``; None when ambiguous."""
    ids = {ident for _, ident, _ in found}
    current = {e for e in found if e[0] != "historical"}
    if len(ids) > 1 and current and len({ident for _, ident, _ in current}) == 1:
        found, ids = current, {ident for _, ident, _ in current}
    if len(ids) > 1:
        # a state's own name outranks a leader's surname ("Montenegro" beside Portugal's
        # Luís Montenegro); ``find`` gives it to the leader the article names in full
        own = {e for e in found if e[0] != "leader"}
        if own and len({ident for _, ident, _ in own}) == 1 and all(
                e[2] and e[2] != text for e in found if e[0] == "leader"):
            found, ids = own, {ident for _, ident, _ in own}
    if len(ids) == 1:
        # prefer the most specific kind for the same id, a name before a demonym or
        # a capital of the same spelling ("New Zealand", "Singapore", "Kuwait")
        return sorted(found, key=lambda e: (e[0] != "leader", _KIND_ORDER.get(e[0], len(_KIND_ORDER)),
                                            e[0], e[2] or ""))[0]
    return None


def _derived_forms() -> dict[str, str]:
    """Forms built from a state's name and demonym by rule, each to its state: the formal
    styles "the French Republic", "the Republic of Chad" and, for outlets that write an
    adversary's name in lower case ("russia"), the lower-cased one-word name. A derived
    form that is already a form of any state ("Republic of China", "Czech Republic") or
    that is an ordinary word (``data/lowercase_words.csv``: "turkey", "chad") is left out.
    Derived once: the registry does not change in a process."""
    return dict(_cached_derived())


@functools.cache
def _cached_derived() -> tuple[tuple[str, str], ...]:
    from casus.states import default_registry

    explicit = _state_forms()
    words = _cached_lowercase_words()
    out: dict[str, set[str]] = {}
    for state in default_registry().all():
        if not state.exists_today:
            continue
        forms = {f"Republic of {state.name}"}
        if state.demonym and " " not in state.demonym:
            forms.add(f"{state.demonym} Republic")
        if " " not in state.name and len(state.name) >= 4 and state.name.lower() not in words:
            forms.add(state.name.lower())
        for form in forms - explicit:
            out.setdefault(form, set()).add(state.id)
    return tuple(sorted((form, next(iter(ids))) for form, ids in out.items() if len(ids) == 1))


@functools.cache
def combining_forms() -> dict[str, str]:
    """``data/combining_forms.csv``: the first element of a compound adjective ("Indo-US",
    "Sino-Russian") to its state; a mention only when a hyphen and another state follow."""
    path = DATA / "combining_forms.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["form", "state", "source"]:
            raise ValueError(f"{path}: columns must be form,state,source")
        return {row["form"].strip(): row["state"].strip() for row in reader if row["form"].strip()}


@functools.cache
def _cached_lowercase_words() -> frozenset[str]:
    path = DATA / "lowercase_words.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["word"]:
            raise ValueError(f"{path}: the one column must be 'word'")
        return frozenset(row["word"].strip().lower() for row in reader if row["word"].strip())


_KIND_ORDER = {"name": 0, "abbreviation": 1, "demonym": 2, "capital": 3, "metonym": 4}


@functools.cache
def _cached_ambiguous_forms() -> tuple[tuple[str, str], ...]:
    """Other readings of a state's short form (``data/ambiguous_forms.csv``: "ROC" is the
    Republic of China and, in Cypriot usage, the Republic of Cyprus). Such a form names a
    state only where the article names one of its readings otherwise (``find``)."""
    path = DATA / "ambiguous_forms.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for line, row in enumerate(rows, start=2):
        if not (row.get("form") and row.get("state") and (row.get("source") or "").startswith("http")):
            raise ValueError(f"{path}, line {line}: needs form, state and a source URL")
    return tuple((row["form"], row["state"]) for row in rows)


def _on_the_map(state, on: dt.date | None) -> bool:
    """Whether the state has readings on ``on`` at all (None: today)."""
    if on is None:
        return state.exists_today
    return state.existed_on(on) or state.exists_today is not False


def spellings(text: str) -> set[str]:
    """``text`` and the spellings outlets also print it in: without its accents ("Cote
    d'Ivoire", "Ibrahim Traore", "Turkiye") and with either apostrophe ("Côte d’Ivoire")."""
    out = {text, strip_accents(text)}
    return out | {f.replace("'", "’") for f in out} | {f.replace("’", "'") for f in out}


def _add(index: dict[str, list], text: str, kind: str, ident: str, person, when) -> None:
    """File a reading of ``text`` in each of its spellings (and without a leading "the",
    save a metonym's)."""
    text = text.strip()
    if len(text) < 2:
        return
    for form in spellings(text):
        index.setdefault(form, []).append((kind, ident, person, when))
        if form.startswith("the ") and kind != "metonym":
            index.setdefault(form[4:], []).append((kind, ident, person, when))


def _state_readings(index: dict[str, list]) -> dict[str, list]:
    """The readings of the states' and polities' own forms (names of every date, demonyms,
    capitals, aliases), each with the test of the dates it holds on."""
    from casus.reader.polities import polities
    from casus.states import default_registry

    def add(text, kind, ident, when) -> None:
        _add(index, text, kind, ident, None, when)

    for state in default_registry().all():
        def listed(on, state=state):
            return _on_the_map(state, on)

        for name in {state.name, *(entry.name for entry in state.names)}:
            add(name, "name", state.id, lambda on, state=state, name=name: (
                _on_the_map(state, on) and state.name_on(on).strip() == name.strip()))
        if state.demonym:
            add(state.demonym, "demonym", state.id, listed)
        if state.capital:
            add(state.capital.split(",")[0], "capital", state.id, listed)
        for alias in state.aliases:
            add(alias.text, alias.kind, state.id, lambda on, state=state, alias=alias: (
                _on_the_map(state, on) and (on is None or alias.valid_on(on))))
            if alias.kind in ("name", "abbreviation"):
                # "the 1961 treaty between the Soviet Union and …" in today's news
                add(alias.text, "historical", state.id, lambda on, state=state, alias=alias: (
                    _on_the_map(state, on) and on is not None and not alias.valid_on(on)))
        for entry in state.names:
            add(entry.name, "historical", state.id, listed)
    # the polities without a registry code (``data/polities.csv``: Somaliland, Palestine …)
    for polity in polities().values():
        for text in (polity.name, *polity.aliases):
            add(text, "name", polity.id, _always)
        if polity.demonym:
            add(polity.demonym, "demonym", polity.id, _always)
        if polity.capital:
            add(polity.capital, "capital", polity.id, _always)
    return index


def _always(on) -> bool:
    return True


@functools.cache
def _state_forms() -> frozenset[str]:
    """Every form of a state or polity on any date (for the one matcher)."""
    return frozenset(_state_readings({}))


def _readings_index(leaders, orgs) -> dict[str, list]:
    """Every reading any form has on any date, each with the test of the dates it holds
    on, indexed by form, so that a date's meaning of the few forms an article uses costs
    a few tests, not a lexicon of every form (``_Day``). The one statement of what a form
    may mean: states and polities (``_state_readings``), the derived and ambiguous forms,
    leaders in office, organisations."""
    index = _state_readings({})
    for form, ident in _derived_forms().items():
        _add(index, form, "name", ident, None, _always)
    for form, ident in _cached_ambiguous_forms():
        _add(index, form, "abbreviation", ident, None, _always)
    for leader in leaders:
        for text in {leader.name, leader.surname, *leader.aliases} - {""}:
            _add(index, text, "leader", leader.state, leader.name, leader.in_office)
    for org in orgs.values():
        for text in _org_forms(org):
            _add(index, text, "organisation", org.id, None, _always)
    return index


class _Day:
    """The readings and meaning of forms on one date, computed for a form when first
    asked, over the ``_readings_index``: ``readings.get(form, ())`` every reading it has
    that day, ``meaning`` (``get``, ``in``, ``[]``) the one it names (``_meaning``; none
    when ambiguous)."""

    def __init__(self, index: dict[str, list], on: dt.date | None) -> None:
        self._index, self._on = index, on
        self._readings: dict[str, set] = {}
        self._meanings: dict[str, tuple | None] = {}
        self.readings = _Lookup(self._found)
        self.meaning = _Lookup(self._meaning)

    def _found(self, text: str) -> set | None:
        if text not in self._readings:
            found = {(kind, ident, person) for kind, ident, person, when in self._index.get(text, ())
                     if when(self._on)}
            self._readings[text] = found
        return self._readings[text] or None

    def _meaning(self, text: str):
        if text not in self._meanings:
            found = self._found(text)
            self._meanings[text] = _meaning(text, found) if found else None
        return self._meanings[text]


class _Lookup:
    """A read-only mapping over a function of the key (None: no such key)."""

    def __init__(self, of) -> None:
        self._of = of

    def get(self, key, default=None):
        value = self._of(key)
        return default if value is None else value

    def __contains__(self, key) -> bool:
        return self._of(key) is not None

    def __getitem__(self, key):
        value = self._of(key)
        if value is None:
            raise KeyError(key)
        return value


class MentionFinder:
    """A PhraseMatcher over every surface form of states, organisations and leaders.

    The matcher holds the forms of every date and is built once per vocabulary; what a
    form means on a publication date (a name in use, a leader in office, a form that
    names one state only) is a small table computed per date and cached, so a batch of
    articles from many days never rebuilds the matcher or rereads a file.
    """

    def __init__(self, vocab, on: dt.date | None = None, orgs: dict[str, Organisation] | None = None,
                 leaders: list[Leader] | None = None) -> None:
        if orgs is None:
            from casus.reader.known import with_treaty_names

            orgs = with_treaty_names(load_organisations())
        self.orgs = orgs
        self.leaders = load_leaders() if leaders is None else leaders
        self.on = on
        self.vocab = vocab
        self._days: dict[dt.date | None, _Day] = {}
        self._index: dict[str, list] | None = None
        forms = set(_state_forms()) | set(_derived_forms())
        forms |= set(combining_forms())
        forms |= {form for form, _ in _cached_ambiguous_forms()}
        for leader in self.leaders:
            forms |= {leader.name, leader.surname, *leader.aliases} - {""}
        for org in self.orgs.values():
            forms |= _org_forms(org)
            forms |= {f[4:] for f in (org.name, *org.aliases) if f.startswith("the ")}
        self.forms = sorted({v for f in forms for v in spellings(f)} - {f for f in forms if len(f.strip()) < 2})
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self._tokenizer = None

    def day(self, on: dt.date | None) -> _Day:
        """The meaning of forms as of ``on``, form by form when asked."""
        if self._index is None:
            self._index = _readings_index(self.leaders, self.orgs)
        if on not in self._days:
            if len(self._days) > 512:
                self._days.clear()
            self._days[on] = _Day(self._index, on)
        return self._days[on]

    def _ensure(self, nlp) -> None:
        if self._tokenizer is None:
            self.matcher.add("M", list(nlp.tokenizer.pipe(self.forms)))
            self.matcher.add("NOT", list(nlp.tokenizer.pipe(_cached_not_mentions())))
            self._tokenizer = nlp.tokenizer

    def find(self, nlp, doc, on: dt.date | None | str = "default") -> list[Mention]:
        self._ensure(nlp)
        on = self.on if on == "default" else on
        day = self.day(on)
        table, ambiguous = day.meaning, day.readings
        not_label = self.vocab.strings["NOT"]
        spans = [Span(doc, s, e, label=label) for label, s, e in self.matcher(doc)]
        out = []
        combining = combining_forms()
        chosen = filter_spans(spans)
        full_names = {span.text for span in chosen} | _persons_named(chosen, ambiguous, not_label)
        named_ids = {table[span.text][1] for span in chosen if span.text in table}
        starts = {span.start for span in chosen if span.label != not_label}
        for span in chosen:
            if span.label == not_label:
                continue
            if span.text in combining:
                following = doc[span.end:span.end + 2]
                if len(following) == 2 and following[0].text in ("-", "–") and following[0].idx == span.end_char \
                        and following[1].i in starts:
                    out.append(Mention(span.start_char, span.end_char, span.text, "name", combining[span.text]))
                    continue
                if span.text not in table:
                    continue
            entry = table.get(span.text)
            if entry is None:
                entry = self._resolve_surname(span.text, ambiguous.get(span.text, ()), full_names)
                if entry is None:
                    entry = _resolve_by_context(ambiguous.get(span.text, ()), named_ids)
                if entry is None:
                    continue
            kind, ident, person = entry
            if kind != "leader":
                leader = self._resolve_surname(span.text, ambiguous.get(span.text, ()), full_names, names=False)
                if leader is not None:
                    kind, ident, person = leader
            if kind == "leader" and (_another_persons_given_name(doc, span, person)
                                     or _inside_another_name(doc, span, person, starts)):
                continue
            if kind == "leader":
                # "Kim" after "Kim Jong Un": the leader the article names in full
                persons = {e[2] for e in ambiguous.get(span.text, ()) if e[0] == "leader" and e[1] == ident}
                named = sorted(x for x in persons if x in full_names)
                if named and person not in named:
                    person = named[0]
            out.append(Mention(span.start_char, span.end_char, span.text, kind, ident,
                               is_org=ident in self.orgs, person=person))
        return out

    @staticmethod
    def _resolve_surname(text, entries, full_names, names: bool = True):
        """A surname shared by leaders of several states is the one the article names in
        full; without ``names`` also when the surname is a state's name too."""
        leaders = [e for e in entries if e[0] == "leader" and e[2] and e[2] != text]
        named = [e for e in leaders if e[2] in full_names]
        if len({e[1] for e in named}) == 1 and (not names or len({e[1] for e in entries if e[0] != "leader"}) == 0):
            return named[0]
        return None


def _org_forms(org: Organisation) -> set[str]:
    """An organisation's id, name and aliases, save those that name something else too
    (``data/ambiguous_names.csv``: "RSS", "PIF")."""
    from casus.reader.known import ambiguous_names

    return {org.id, org.name, *org.aliases} - ambiguous_names()


def _persons_named(spans, entries, not_label) -> set[str]:
    """The leaders an article names by a form of two words or more that is one person's
    alone ("Kim Jong-il", "Chairman Kim" for Kim Jong Il): a surname after it ("Kim") is
    that person, as after his name as listed."""
    out = set()
    for span in spans:
        if span.label == not_label or len(span) < 2:
            continue
        persons = {e[2] for e in entries.get(span.text, ()) if e[0] == "leader" and e[2]}
        if len(persons) == 1:
            out |= persons
    return out


def _resolve_by_context(entries, named_ids: set[str]):
    """A form with several state readings ("ROC") is the one the article names otherwise
    ("Cyprus", "Nicosia"); none when it names none or several of them."""
    states = [e for e in entries if e[0] in ("abbreviation", "name")]
    hits = {e[1] for e in states if e[1] in named_ids}
    if len(hits) != 1:
        return None
    return next(e for e in states if e[1] in hits)


def _another_persons_given_name(doc, span, person: str | None) -> bool:
    """A leader known by a given name ("Mohammed" for Mohammed VI) written at the head of
    a longer name that is not his ("Mohammed Shia al-Sudani") is someone else."""
    if not person or len(span) != 1 or person.split()[0] != span.text or span.end >= len(doc):
        return False
    following = doc[span.end]
    if not (following.is_title and following.is_alpha) or following.idx != span.end_char + 1:
        return False
    return not person.startswith(f"{span.text} {following.text}")


@functools.cache
def _name_neighbours() -> tuple[frozenset[str], frozenset[str]]:
    import yaml

    data = yaml.safe_load((DATA / "name_neighbours.yaml").read_text(encoding="utf-8"))
    return frozenset(data["words_before"]), frozenset(data["words_after"])


def _inside_another_name(doc, span, person: str | None, starts=frozenset()) -> bool:
    """A leader's one-word surname written inside a longer name that is not his is someone
    else: a capitalised word right before it ("Christopher Gwabin Musa", "Daily Sabah") or
    right after it ("Moussa Salaou Barmou") that is neither his own name's, nor a title or
    date (``data/name_neighbours.yaml``), nor a state's or organisation's mention."""
    if not person or len(span) != 1:
        return False
    before, after = _name_neighbours()
    own = {normalize(w) for w in person.replace("-", " ").split()}

    def other_name(token) -> bool:
        return (token.is_alpha and token.is_title and len(token.text) > 1
                and normalize(token.text) not in own and token.i not in starts)

    if span.start > 0:
        prev = doc[span.start - 1]
        if prev.idx + len(prev.text) + 1 == span.start_char and other_name(prev) \
                and prev.lower_ not in before and not prev.is_sent_start:
            return True
    if span.end < len(doc):
        nxt = doc[span.end]
        if nxt.idx == span.end_char + 1 and (other_name(nxt) or (
                # "Mohammed bin Ahmed Al Bowardi" is not King Mohammed: a patronymic particle
                # that is not his own name's opens another's
                nxt.lower_ in _NAME_PARTICLES and normalize(nxt.text) not in own)) and nxt.lower_ not in after:
            return True
    return False


# the particles of Arabic and other patronymic names ("bin", "ibn", "ould")
_NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "ben", "ould", "abu"})


@functools.cache
def _cached_not_mentions() -> tuple[str, ...]:
    return tuple(load_not_mentions())


@functools.lru_cache(maxsize=4)
def finder_for(nlp, on: dt.date | None = None) -> MentionFinder:
    """The one finder of a pipeline (``on`` is accepted for old callers and ignored:
    the date is given to ``find``)."""
    return MentionFinder(nlp.vocab)
