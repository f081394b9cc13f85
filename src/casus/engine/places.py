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

from casus.engine.conditions import MET, NOT_MET, OPEN
from casus.engine.scenario import Act

_STATUS = {True: MET, False: NOT_MET, None: OPEN}


class PlaceJudge:
    def __init__(self, gazetteer, registry) -> None:
        self.gazetteer = gazetteer
        self.registry = registry
        self._cache: dict[tuple, tuple[str, str]] = {}

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

    def status(self, area: str, description: str, act: Act, parties: frozenset[str], day: dt.date):
        key = (area, act.place, act.target, act.home, parties, day)
        if key not in self._cache:
            self._cache[key] = self._decide(area, description, act, parties, day)
        return self._cache[key]

    def _decide(self, area, description, act, parties, day) -> tuple[str, str]:
        if act.place:
            place = self.gazetteer.resolve(act.place)
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
