"""Deciding place conditions for the engine, on top of the gazetteer (``casus.places``).

An act with a place is judged at that place. An act without one falls
somewhere on the target's territory: the condition is met if every part of
that territory (home territory and each overseas territory) lies in the area,
not met if none does, and open if it depends on where (an attack "on the
United States" may fall in Europe's NATO area or on Hawaii). An entering
state's counter-attack falls on the enemy's home territory.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from casus.bounded import Bounded
from casus.engine.conditions import MET, NOT_MET, OPEN
from casus.engine.scenario import Act

_STATUS = {True: MET, False: NOT_MET, None: OPEN}
DECISIONS_KEPT = 65_536
"""Place decisions remembered: they are keyed by date, and a server is asked about any date."""
PLACES_KEPT = 4_096
"""Resolved place names remembered."""


class PlaceJudge:
    def __init__(self, gazetteer, registry, *, decisions: int = DECISIONS_KEPT, places: int = PLACES_KEPT) -> None:
        self.gazetteer = gazetteer
        self.registry = registry
        self._cache: dict[tuple, tuple[str, str] | None] = Bounded(decisions)
        self._resolved: dict[tuple, object] = Bounded(places)

    @classmethod
    @cache
    def default(cls) -> PlaceJudge:
        from casus.places import default_gazetteer
        from casus.states import default_registry

        return cls(default_gazetteer(), default_registry())

    def home(self, state_id: str):
        return self.gazetteer.home_of(state_id)

    def territories(self, state_id: str, day: dt.date) -> list:
        return self.gazetteer.territories_of(state_id, on=day)

    def resolve(self, act: Act):
        """The place an act names, resolved with the act's states as context (see ``Gazetteer.resolve``)."""
        if not act.place:
            return None
        key = (act.place, act.attacker, act.target)
        if key not in self._resolved:
            self._resolved[key] = self.gazetteer.resolve(act.place, near=(act.attacker, act.target))
        return self._resolved[key]

    def describe(self, act: Act, day: dt.date) -> dict | None:
        place = self.resolve(act)
        return None if place is None else {"query": act.place, **self.gazetteer.describe(place, day)}

    def warnings(self, act: Act, day: dt.date) -> list[str]:
        """What a reader should know about where the act falls: a place not the target's."""
        place = self.resolve(act)
        if place is None or (place.kind == "sea" and place.state is None and not place.claimants):
            return []
        sovereign = self.gazetteer.sovereign(place, day)
        administrator = self.gazetteer.administrator(place, day)
        claimants = set(place.claimants) | set(self.gazetteer.territory(place).claimants)
        if act.target in (sovereign, administrator) or act.target in claimants:
            return []
        name = self.registry.get(act.target).name_on(day)
        holder = sovereign or administrator
        owner = f"it belongs to {self.registry.get(holder).name_on(day)}" if holder else "its sovereign is not settled"
        return [f"{place.name} is not territory of {name} ({owner}): the attack is judged there, "
                f"as an attack on {name}'s forces or vessels"]

    def territory(self, act: Act, day: dt.date) -> tuple[str, str] | None:
        """Whether an attack at the act's place is an attack on the target's territory,
        for a duty that names no area ("an attack on a party"); None when nothing is in doubt.

        Such treaties look at sovereignty ("the territory of a party", AREAS.md): the
        target's de jure land is covered even where another state holds it; land the
        target holds or claims without sovereignty is open (an attack on its forces
        there may count); the high seas are not in doubt (its forces and vessels).
        """
        place = self.resolve(act)
        if place is None or (place.kind == "sea" and place.state is None and not place.claimants):
            return None
        key = ("territory", place.id, act.target, day)
        if key in self._cache:
            return self._cache[key]
        gz, target = self.gazetteer, act.target
        sovereign, administrator = gz.sovereign(place, day), gz.administrator(place, day)
        claimants = sorted(set(place.claimants) | set(gz.territory(place).claimants))
        name = lambda state: self.registry.get(state).name_on(day) if state else "nobody"  # noqa: E731
        held = f"sovereign {name(sovereign)}, administered by {name(administrator)}"
        if claimants:
            held += f", claimed by {', '.join(name(c) for c in claimants)}"
        answer: tuple[str, str] | None
        if sovereign == target and administrator == target and not claimants:
            answer = None
        elif sovereign == target:
            answer = (MET, f"disputed territory: {place.name} ({held}); the treaty looks at sovereignty, "
                           f"and it is {name(target)}'s de jure")
        elif administrator == target or target in claimants:
            answer = (OPEN, f"disputed territory: {place.name} ({held}); the treaty covers the territory of a "
                            f"party (sovereignty), which {name(target)} holds or claims there without "
                            "recognised title: covered only as an attack on its forces")
        else:
            answer = (OPEN, f"{place.name} is not {name(target)}'s territory ({held}): covered only as an "
                            "attack on its forces or vessels there")
        self._cache[key] = answer
        return answer

    def status(self, area: str, description: str, act: Act, parties: frozenset[str], day: dt.date):
        # the attacker matters only to resolve a named place (see ``resolve``)
        key = (area, act.place, act.attacker if act.place else None, act.target, act.home, parties, day)
        if key not in self._cache:
            self._cache[key] = self._decide(area, description, act, parties, day)
        return self._cache[key]

    def _decide(self, area, description, act, parties, day) -> tuple[str, str]:
        if act.place:
            place = self.resolve(act)
            answer = self.gazetteer.in_area(area, place, on=day, parties=parties)
            where = place.name
        elif act.home:
            place = self.home(act.target)
            answer = self.gazetteer.in_area(area, place, on=day, parties=parties)
            where = f"{place.name} (home territory)"
        else:
            places = self.territories(act.target, day)
            answers = {self.gazetteer.in_area(area, p, on=day, parties=parties) for p in places}
            name = self.registry.get(act.target).name_on(day)
            if answers == {True}:
                answer, where = True, f"anywhere in {name}"
            elif answers == {False}:
                answer, where = False, f"anywhere in {name}"
            else:
                inside = sorted(p.name for p in places if self.gazetteer.in_area(area, p, on=day, parties=parties))
                outside = sorted(p.name for p in places if p.name not in inside)
                return OPEN, (
                    f"{description}: depends on where in {name} the attack falls "
                    f"(inside: {', '.join(inside) or 'none'}; outside or undecided: {', '.join(outside)})"
                )
        return _STATUS[answer], f"{description}: {where}"
