"""Deciding an obligation's conditions (ATOP's) for one act.

Each condition is ``met``, ``not_met`` or ``open``: the input cannot decide it
(no place given and the answer depends on where, a condition ATOP only flags,
a request for help not stated). Open is never silently taken as met or not met.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from casus.engine.scenario import Act
from casus.vocab import ConditionStatus, values

MET, NOT_MET, OPEN = values(ConditionStatus)

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "several": 2, "more than one": 2}


@dataclass(frozen=True)
class ConditionCheck:
    condition: str
    status: str
    detail: str
    decides: str | None = None
    """For an open condition: what would decide it (give --place, a decision of the Summit…)."""
    party: str | None = None
    """Set when the condition comes from one party's understanding or reservation."""

    def to_json(self) -> dict[str, str | None]:
        """Every field of ``contracts.ConditionCheck``, in its order; ``decides`` only for an open one."""
        return {"condition": self.condition, "status": self.status, "detail": self.detail,
                "decides": self.decides or _DECIDES.get(self.condition) if self.status == OPEN else None,
                "party": self.party or None}


_DECIDES = {
    "place": "where the attack falls: give the place (--place or 'at PLACE')",
    "adversary": "whether the attacker is the adversary the text describes: a reading of the text",
    "non_provocation": "whether the attacked party provoked the attack (provoked: true or false)",
    "attackers": "how many states attack: the clause gives no number",
    "demand": "whether the attacked party asks for help (--requested)",
    "conflict": "whether the attack belongs to the conflict the treaty names",
    "territory": "whether an attack on the party's forces there counts as an attack on the party",
    "victim": "whether the beneficiary is the victim of the aggression (provoked: true or false)",
    "other": "the condition as the treaty or ATOP states it; a scenario cannot decide it",
}


def verdict(checks: list[ConditionCheck]) -> str:
    """``bound`` when every condition is met, ``not_bound`` if one fails, else ``conditional``."""
    statuses = {check.status for check in checks}
    if NOT_MET in statuses:
        return "not_bound"
    if OPEN in statuses:
        return "conditional"
    return "bound"


def _required_attackers(text: str) -> int | None:
    lowered = text.lower()
    digits = re.search(r"\b(\d+)\b", lowered)
    if digits:
        return int(digits.group(1))
    for word, number in _NUMBERS.items():
        if re.search(rf"\b{word}\b", lowered):
            return number
    return None


def check_conditions(
    conditions: dict[str, Any],
    act: Act,
    *,
    parties: frozenset[str],
    attackers_of_target: int,
    place_status: Callable[[str, str, Act, frozenset[str]], tuple[str, str]],
    obligor: str | None = None,
) -> list[ConditionCheck]:
    """Every condition of an obligation, decided for ``act``.

    ``place_status(area, description, act, parties)`` decides a place condition
    (the engine asks the gazetteer); ``attackers_of_target`` counts the states
    attacking the target in the scenario. A reservation or understanding adds its
    conditions only to the duty of the party that made it (``obligor``).
    """
    checks = _checks(conditions, act, parties=parties, attackers_of_target=attackers_of_target,
                     place_status=place_status)
    for reservation in conditions.get("reservations") or ():
        if reservation["party"] != obligor:
            continue
        label = f"{reservation.get('kind', 'understanding')} of {reservation['party']}"
        for check in _checks(reservation["conditions"], act, parties=parties,
                             attackers_of_target=attackers_of_target, place_status=place_status):
            checks.append(ConditionCheck(check.condition, check.status, f"{label}: {check.detail}",
                                         check.decides, reservation["party"]))
    return checks


def _checks(conditions, act, *, parties, attackers_of_target, place_status) -> list[ConditionCheck]:
    checks = []
    place = conditions.get("place")
    if place:
        status, detail = place_status(place["area"], place.get("description", place["area"]), act, parties)
        checks.append(ConditionCheck("place", status, detail))
    adversary = conditions.get("adversary")
    if adversary:
        named = set(adversary.get("states") or ())
        if named or adversary.get("non_members"):
            hit = act.attacker in named or (adversary.get("non_members") and act.attacker not in parties)
            checks.append(ConditionCheck("adversary", MET if hit else NOT_MET, adversary["description"]))
        else:
            checks.append(ConditionCheck("adversary", OPEN, adversary["description"]))
    if conditions.get("non_provocation"):
        status = {False: MET, True: NOT_MET, None: OPEN}[act.provoked]
        checks.append(ConditionCheck("non_provocation", status, "only if the attacked party did not provoke it"))
    if conditions.get("attackers"):
        text = conditions["attackers"]
        required = _required_attackers(text)
        if required is None:
            checks.append(ConditionCheck("attackers", OPEN, text))
        else:
            status = MET if attackers_of_target >= required else NOT_MET
            checks.append(ConditionCheck("attackers", status, f"{text} ({attackers_of_target} in the scenario)"))
    if conditions.get("demand"):
        status = {True: MET, False: NOT_MET, None: OPEN}[act.requested]
        checks.append(ConditionCheck("demand", status, conditions["demand"]))
    if conditions.get("external"):
        checks.append(ConditionCheck("external", MET, f"an external armed attack: {act.attacker} is another state"))
    if conditions.get("protects") == "victim":
        status = {False: MET, True: NOT_MET, None: OPEN}[act.provoked]
        checks.append(ConditionCheck("victim", status, "only while the protected party suffers aggression"))
    if conditions.get("decision"):
        checks.append(ConditionCheck("decision", OPEN, conditions["decision"],
                                     f"a decision the scenario cannot know: {conditions['decision']}"))
    for name in ("conflict", "other"):
        if conditions.get(name):
            checks.append(ConditionCheck(name, OPEN, conditions[name]))
    return checks
