"""Conditions ATOP only flags, decided for one war before the engine sees them.

ATOP flags that a pledge holds only in some area, against some adversary or in
some conflict, without naming which. ``data/alliance_conditions.yaml`` names them
for the alliances called on in wars (each entry with its source: the treaty text
or ATOP's own description); the engine then decides them like any named
condition. Two more readings come from ATOP's own codes, kept by the importer:

- ``conflict_wars``: the COW war(s) the members were fighting when they signed
  (ATOP's ``cowwar``). A pledge that ATOP ties to a specific conflict holds in that
  war and in no other.
- ``only_if_attacked`` (ATOP's ``neucoatt``): a neutrality pledge owed only to a
  member that is attacked, not to one that attacks (handled by the replay).

Which conditions were decided, and how, is returned with the knowledge base so
each decision can say why.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib.resources import files
from typing import Any

from casus import yamlio
from casus.errors import DataFileError
from casus.kb import KnowledgeBase

DATA = "alliance_conditions.yaml"
AREA_PREFIX = "history:"
"""Area ids of the places this file names as lists of states (see ``CuratedPlaces``)."""
KINDS = ("defense", "offense", "neutrality", "nonaggression", "consultation")
FIELDS = {"place", "adversary", "conflict_wars", "scope"}


@cache
def curated_conditions() -> dict[int, dict[str, Any]]:
    path = files("casus.history") / "data" / DATA
    return parse_conditions(yamlio.load(path.read_text(encoding="utf-8")), str(path))


def parse_conditions(document: Any, where: str) -> dict[int, dict[str, Any]]:
    """Check the curated file: every alliance names a source and only known fields."""
    if not isinstance(document, dict) or not isinstance(document.get("alliances"), dict):
        raise DataFileError(where, None, "alliances", "expected a mapping of ATOP ids")
    out = {}
    for atop_id, entry in document["alliances"].items():
        record = f"alliance {atop_id}"
        if not isinstance(entry, dict) or not entry.get("source"):
            raise DataFileError(where, record, "source", "every alliance names its source")
        for kind, spec in entry.items():
            if kind in ("source", "name", "note"):
                continue
            if kind not in KINDS:
                raise DataFileError(where, record, kind, f"not a pledge kind ({', '.join(KINDS)})")
            unknown = sorted(set(spec) - FIELDS) if isinstance(spec, dict) else ["(not a mapping)"]
            if unknown:
                raise DataFileError(where, f"{record} {kind}", unknown[0], "unknown field")
            place = spec.get("place")
            if place is not None and not (isinstance(place, dict) and (place.get("area") or place.get("states")
                                                                        or place.get("places"))):
                raise DataFileError(where, f"{record} {kind}", "place", "expected area: ID, or states: [...] / places: [...]")
            adversary = spec.get("adversary")
            if adversary is not None and not (
                isinstance(adversary, dict) and (adversary.get("states") or adversary.get("non_members"))
            ):
                raise DataFileError(where, f"{record} {kind}", "adversary", "expected states: [...] or non_members: true")
        out[int(atop_id)] = entry
    return out


def for_war(kb: KnowledgeBase, war_number: int, curated: dict[int, dict[str, Any]] | None = None):
    """A knowledge base whose flagged conditions are decided or named for war ``war_number``.

    Returns ``(kb, notes)``; ``notes[(treaty_id, kind)]`` says what was decided
    and on what ground. An obligation tied to another conflict is left out.
    """
    curated = curated_conditions() if curated is None else curated
    notes: dict[tuple[str, str], list[str]] = {}
    obligations = []
    changed = False
    for treaty_id, items in kb.obligations.items():
        treaty = kb.treaties[treaty_id]
        entry = curated.get(treaty.atop_id or -1, {})
        for obligation in items:
            conditions = dict(obligation.conditions)
            spec = entry.get(obligation.kind) or {}
            said = notes.setdefault((treaty_id, obligation.kind), [])
            source = entry.get("source", "")
            if "place" in conditions and spec.get("place"):
                place = spec["place"]
                area = place.get("area") or f"{AREA_PREFIX}{treaty.atop_id}/{obligation.kind}"
                conditions["place"] = {"area": area, "description": place.get("description", area)}
                said.append(f"place named by casus ({source})")
            if "adversary" in conditions and not conditions["adversary"].get("states") and spec.get("adversary"):
                named = spec["adversary"]
                conditions["adversary"] = {
                    "states": list(named.get("states") or []), "non_members": bool(named.get("non_members")),
                    "description": named.get("description", "the adversary named by casus"),
                }
                said.append(f"adversary named by casus ({source})")
            wars = spec.get("conflict_wars") or conditions.get("conflict_wars")
            if "conflict" in conditions and wars:
                if war_number not in wars:
                    said.append(f"tied to war {', '.join(map(str, wars))}, not this one")
                    changed = True
                    continue
                conditions.pop("conflict")
                said.append(f"the conflict it names is this war ({war_number})")
            if conditions != obligation.conditions:
                changed = True
                obligation = replace(obligation, conditions=conditions)
            obligations.append(obligation)
    if not changed:
        return kb, notes
    memberships = [m for items in kb.memberships.values() for m in items]
    suspensions = [s for items in kb.suspensions.values() for s in items]
    return KnowledgeBase(kb.treaties.values(), memberships, obligations, suspensions, registry=kb.registry), notes


class CuratedPlaces:
    """The engine's place judge, plus the areas this file names as lists of states and places.

    A named area holds the territory of ``states`` and the ``places`` listed
    (an act's place, by name); a place under ``outside`` is not in it whatever
    its state (Austria's Italian provinces were outside the German Confederation);
    a place the gazetteer does not know counts as the target's territory.
    Every other area goes to the gazetteer (``casus.engine.places.PlaceJudge``).
    """

    def __init__(self, curated: dict[int, dict[str, Any]], judge=None) -> None:
        from casus.engine.places import PlaceJudge

        self.judge = judge or PlaceJudge.default()
        self.areas = {
            f"{AREA_PREFIX}{atop_id}/{kind}": spec["place"]
            for atop_id, entry in curated.items()
            for kind, spec in entry.items()
            if kind in KINDS and isinstance(spec, dict) and isinstance(spec.get("place"), dict)
            and not spec["place"].get("area")
        }

    def status(self, area, description, act, parties, day):
        from casus.engine.conditions import MET, NOT_MET, OPEN

        spec = self.areas.get(area)
        if spec is None:
            try:
                return self.judge.status(area, description, act, parties, day)
            except LookupError:  # a historical place the gazetteer does not know (Lombardy-Venetia)
                return OPEN, f"{description}: the gazetteer does not know {act.place}"
        if act.place:
            if act.place in (spec.get("outside") or ()):
                return NOT_MET, f"{description}: {act.place} is outside it"
            if act.place in (spec.get("places") or ()):
                return MET, f"{description}: {act.place}"
            try:
                state = self.judge.gazetteer.resolve(act.place).state
            except LookupError:
                # A historical place the gazetteer lacks is, in the war data, always on the
                # target's own territory (Lombardy-Venetia, Austrian in 1848-1859).
                state = act.target
            inside = state in (spec.get("states") or ())
            return (MET if inside else NOT_MET), f"{description}: {act.place}"
        inside = act.target in (spec.get("states") or ())
        return (MET if inside else NOT_MET), f"{description}: the territory of {act.target}"
