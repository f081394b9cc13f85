"""Finding a state by anything a person, a treaty file or a news article calls it.

Lookup goes by tiers, and the first tier that has a match wins, so a code is
never shadowed by a name and an ISO code is never shadowed by a COW one:

1. a casus id, ISO 3166-1 alpha-3 or alpha-2 code ("PRK", "KP", "us");
2. a COW abbreviation, or a COW or Gleditsch–Ward number written in digits
   ("GMY", "365");
3. a name: today's, historical (names.csv), alias (names, demonyms, capitals
   used as metonyms, metonyms, abbreviations in aliases.csv), the demonym in
   states.csv, and the names ISO 3166 gives the state's code (from pycountry).

The capital column of states.csv is not a lookup key: only capitals listed in
aliases.csv (those used to mean the government, "Pyongyang said") are, so a
city such as "Mexico City" is not taken for its state.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from os import PathLike


from casus.errors import AmbiguousStateError, InvalidArgumentError, UnknownStateError
from casus.pickling import quick_pickle
from casus.states.files import load_states
from casus.states.model import State, as_date, covers
from casus.states.normalize import compact, normalize

Day = dt.date | str | None


@quick_pickle
@dataclass(frozen=True, slots=True)
class _Key:
    """One way of writing one state's name, valid over ``[valid_from, valid_to)``."""

    state_id: str
    surface: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def valid_on(self, day: dt.date) -> bool:
        return covers(self.valid_from, self.valid_to, day)


def _iso_names(iso3: str | None) -> list[str]:
    """The names ISO 3166 gives a code, as pycountry ships them (kept current by its
    releases, so we do not retype them); former codes (DDR, CSK) come from ISO 3166-3."""
    if not iso3:
        return []
    import pycountry  # only when a registry is built from its files, not when one is read from a snapshot

    record = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)
    if record is None:
        return []
    names = (getattr(record, attr, None) for attr in ("name", "official_name", "common_name"))
    return [name for name in names if name]


class StateRegistry:
    """All states casus knows, and the lookups over them.

    Immutable once built, so one registry can be shared (see ``default_registry``).
    """

    def __init__(self, states: Iterable[State]) -> None:
        ordered = sorted(states, key=lambda state: state.cow)
        self._states: dict[str, State] = {state.id: state for state in ordered}
        self._by_cow: dict[int, State] = {state.cow: state for state in ordered}
        codes: dict[str, list[_Key]] = defaultdict(list)
        cow_codes: dict[str, list[_Key]] = defaultdict(list)
        names: dict[str, list[_Key]] = defaultdict(list)
        for state in ordered:
            for code in {state.id, state.iso3, state.iso2} - {None}:
                codes[code.casefold()].append(_Key(state.id, code))
            cow_codes[state.cow_abb.casefold()].append(_Key(state.id, state.cow_abb))
            for number in {state.cow, state.gw} - {None}:
                cow_codes[str(number)].append(_Key(state.id, str(number)))
            undated = [state.name, state.demonym, *_iso_names(state.iso3)]
            dated = [(entry.name, entry.valid_from, entry.valid_to) for entry in state.names]
            dated += [(alias.text, alias.valid_from, alias.valid_to) for alias in state.aliases]
            for text, start, end in [(text, None, None) for text in undated] + dated:
                key = normalize(text)
                if key:
                    names[key].append(_Key(state.id, text, start, end))
        self._tiers = (codes, cow_codes, names)

    @classmethod
    def load(cls, data_dir: str | PathLike[str] | Traversable) -> StateRegistry:
        """Build a registry from a folder holding states.csv, spans.csv, names.csv and
        aliases.csv (the package's own, or a user's in the same format)."""
        return cls(load_states(data_dir))

    # --- direct access -------------------------------------------------------------

    def get(self, state_id: str) -> State:
        """The state of a casus id ("PRK"); ``UnknownStateError`` otherwise."""
        # Exact: ids in data files must be written as ids, so "prk" is reported, not fixed.
        state = self._states.get(state_id)
        if state is None:
            close = difflib.get_close_matches(str(state_id).strip().upper(), self._states, n=5)
            raise UnknownStateError(state_id, [self._states[key].describe() for key in close])
        return state

    def by_cow(self, code: int | str) -> State:
        """The state of a COW country code (365 is RUS, throughout)."""
        try:
            return self._by_cow[int(code)]
        except (KeyError, ValueError):
            raise UnknownStateError(str(code)) from None

    def all(self) -> list[State]:
        """Every state, sorted by COW code."""
        return list(self._states.values())

    def existing_on(self, on: dt.date | str) -> list[State]:
        """The members of the state system on a date, sorted by COW code."""
        day = as_date(on)
        if day is None:
            raise InvalidArgumentError("existing_on needs a date")
        return [state for state in self._states.values() if state.existed_on(day)]

    def __len__(self) -> int:
        return len(self._states)

    def __iter__(self) -> Iterator[State]:
        return iter(self._states.values())

    # --- lookup by any name --------------------------------------------------------

    def _tier_hits(self, query: str) -> Iterator[dict[str, list[_Key]]]:
        """Per tier, the states matching ``query`` with the keys that matched."""
        key = normalize(query)
        for index, tier in enumerate(self._tiers):
            hits: dict[str, list[_Key]] = defaultdict(list)
            for found in tier.get(compact(key) if index < 2 else key, ()):
                hits[found.state_id].append(found)
            if hits:
                yield hits

    def _fits(self, hits: dict[str, list[_Key]], day: dt.date) -> list[State]:
        """The matched states that existed on ``day`` under a name valid on ``day``."""
        return [
            self._states[state_id]
            for state_id, keys in hits.items()
            if self._states[state_id].existed_on(day) and any(key.valid_on(day) for key in keys)
        ]

    def candidates(self, query: str, on: Day = None) -> list[State]:
        """Every state ``query`` may mean (first matching tier), sorted by COW code.

        With ``on``, only states existing then, under a name valid then; a tier whose
        matches all fail the date gives way to the next ("CZE" in 1980 is the COW
        abbreviation of Czechoslovakia, since Czechia did not exist).
        """
        day = as_date(on)
        for hits in self._tier_hits(query):
            found = list(map(self._states.__getitem__, hits)) if day is None else self._fits(hits, day)
            if found:
                return sorted(found, key=lambda state: state.cow)
        return []

    def lookup(self, query: str, on: Day = None) -> State:
        """The one state ``query`` names (on date ``on``, if given).

        Rules, in order: the first tier with a match wins (codes, then COW codes,
        then names: see the module docstring). With ``on``, only states that existed
        on that date, under a name valid on it, count. Without ``on``, a single
        match wins whatever its dates ("Soviet Union" is RUS); among several, the
        one that exists today under a name in use today wins ("Germany" is DEU,
        not West Germany; "Republic of China" is Taiwan); if none or several
        remain, the name is ambiguous ("Korea", "Congo").

        Raises ``AmbiguousStateError`` listing "ID (name, years)" for each
        candidate, or ``UnknownStateError`` with up to five suggestions: first the
        states the name meant at other dates, then close spellings.
        """
        day = as_date(on)
        out_of_date: list[State] = []
        existed: list[str] = []
        for hits in self._tier_hits(query):
            if day is None:
                found = sorted(map(self._states.__getitem__, hits), key=lambda state: state.cow)
                if len(found) == 1:
                    return found[0]
                current = self._fits(hits, dt.date.max)  # as the latest records stand
                if len(current) == 1:
                    return current[0]
                raise AmbiguousStateError(query, [state.describe() for state in found])
            found = sorted(self._fits(hits, day), key=lambda state: state.cow)
            if len(found) == 1:
                return found[0]
            if found:
                raise AmbiguousStateError(
                    query, [f"{state.id} ({state.name_on(day)}, {state.years})" for state in found]
                )
            out_of_date += [self._states[state_id] for state_id in hits]
            existed += self._periods(hits)
        stale = list(dict.fromkeys(out_of_date))
        suggestions = [state.describe() for state in stale] + self._close(query, {state.id for state in stale})
        raise UnknownStateError(query, suggestions[:5], on=day, existed=list(dict.fromkeys(existed)))

    def _periods(self, hits: dict[str, list[_Key]]) -> list[str]:
        """When each matched state bore the matched name: "1922-12-30 to 1991-12-26 (RUS)" (overlaps merged)."""
        out = []
        for state_id, keys in hits.items():
            windows = []
            for key in keys:
                for start, end in self._states[state_id].spans:
                    lo = max(start, key.valid_from) if key.valid_from else start
                    ends = [d for d in (end, key.valid_to) if d]
                    hi = min(ends) if ends else None
                    if hi is None or lo < hi:
                        windows.append((lo, hi))
            merged: list[list] = []
            for lo, hi in sorted(windows, key=lambda w: w[0]):
                if merged and (merged[-1][1] is None or lo <= merged[-1][1]):
                    merged[-1][1] = None if hi is None or merged[-1][1] is None else max(hi, merged[-1][1])
                else:
                    merged.append([lo, hi])
            out += [f"from {lo} ({state_id})" if hi is None else f"{lo} to {hi} ({state_id})" for lo, hi in merged]
        return out

    def _close(self, query: str, exclude: set[str]) -> list[str]:
        """Names spelled like ``query``, as "name (ID)", for a "did you mean"."""
        names = self._tiers[2]
        close = difflib.get_close_matches(normalize(query), names, n=5, cutoff=0.75)
        found = [names[key][0] for key in close]
        return list(dict.fromkeys(f"{key.surface} ({key.state_id})" for key in found if key.state_id not in exclude))


@functools.cache
def default_registry() -> StateRegistry:
    """The registry of the data shipped with casus, loaded once per process."""
    return StateRegistry.load(files("casus.states") / "data")
