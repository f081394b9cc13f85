"""Scenarios of aggression: acts on a date, from Python, the command line or a file."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from casus.dates import parse_day
from casus.errors import DataFileError, InvalidArgumentError
from casus.vocab import Mode as ModeVocabulary
from casus.vocab import values

Mode = Literal["strict", "escalation"]
MODES = values(ModeVocabulary)


@dataclass(frozen=True)
class Act:
    """One hostile act: ``attacker`` attacks ``target``.

    ``place`` is where the attack falls (a place name the gazetteer knows); with
    none, the attack falls somewhere on the target's territory. ``provoked`` and
    ``requested`` (the target asked its allies for help) may be ``None``:
    unknown, so conditions that turn on them stay open.
    """

    attacker: str
    target: str
    place: str | None = None
    provoked: bool | None = False
    requested: bool | None = None
    home: bool = False
    """The attack falls on the target's home (metropolitan) territory: how an
    entering state's counter-attack is modelled in escalation mode."""

    def to_json(self, registry, on: dt.date) -> dict[str, Any]:
        return {
            "attacker": registry.get(self.attacker).to_json(on=on),
            "target": registry.get(self.target).to_json(on=on),
            "place": self.place,
            "provoked": self.provoked,
            "requested": self.requested,
            "home_territory": self.home,
        }


@dataclass(frozen=True)
class Scenario:
    on: dt.date
    acts: tuple[Act, ...]
    mode: Mode = "strict"
    extra: dict[str, Any] = field(default_factory=dict)


_ACT = re.compile(r"^\s*(?P<attacker>.+?)\s+attacks?\s+(?P<target>.+?)(?:\s+(?:at|in|on)\s+(?P<place>.+?))?\s*$", re.I)


def parse_act_text(text: str) -> tuple[str, str, str | None]:
    """Split ``"RUS attacks EST at Narva"`` into its names (not yet resolved)."""
    match = _ACT.match(text)
    if not match:
        raise InvalidArgumentError(f"cannot read the act {text!r}; write it as 'ATTACKER attacks TARGET [at PLACE]'")
    return match["attacker"], match["target"], match["place"]


def _check_mode(mode: str, where: str) -> Mode:
    if mode not in MODES:
        raise InvalidArgumentError(f"{where}: mode {mode!r} is not one of {', '.join(MODES)}")
    return mode  # type: ignore[return-value]


def build_scenario(
    registry,
    on: dt.date,
    acts: list[dict[str, Any]],
    mode: str = "strict",
) -> Scenario:
    """Resolve state names in ``acts`` and check each state existed on ``on``.

    Each act is a mapping with ``attacker``, ``target`` and optional ``place``,
    ``provoked``, ``requested``. Errors name the act and the field.
    """
    mode = _check_mode(mode, "scenario")
    if not acts:
        raise InvalidArgumentError("a scenario needs at least one act")
    resolved = []
    for index, act in enumerate(acts, start=1):
        ids = {}
        for role in ("attacker", "target"):
            name = act.get(role)
            if not name:
                raise InvalidArgumentError(f"act {index}: {role} is missing")
            try:
                state = registry.lookup(str(name), on=on)
            except LookupError as exc:
                state = _known_at_another_time(registry, str(name))
                if state is None:
                    raise InvalidArgumentError(f"act {index}: {role}: {exc}") from exc
            if not state.existed_on(on):
                raise InvalidArgumentError(
                    f"act {index}: {role} {state.name_on(on)} ({state.id}) did not exist as a state on {on}"
                    f" (it existed {state.years})"
                )
            ids[role] = state.id
        if ids["attacker"] == ids["target"]:
            raise InvalidArgumentError(f"act {index}: a state cannot attack itself ({ids['attacker']})")
        resolved.append(
            Act(
                ids["attacker"],
                ids["target"],
                act.get("place") or None,
                act.get("provoked", False),
                act.get("requested"),
            )
        )
    return Scenario(on, tuple(resolved), mode)


def _known_at_another_time(registry, name: str):
    """The state ``name`` means at some other date, to say it did not exist on this one."""
    try:
        return registry.lookup(name)
    except LookupError:
        return None


_FILE_FIELDS = {"on", "mode", "acts", "name", "description"}
_ACT_FIELDS = {"attacker", "target", "place", "provoked", "requested"}


def load_scenario_file(path: Path, registry, today: dt.date | None = None) -> Scenario:
    """Read a scenario from YAML or JSON; errors name the file, the act and the field.

    ``on`` is ISO or ``today`` (the caller's ``today``; without one, "today" is refused)."""
    import yaml  # only for a scenario file: a scenario on the command line needs no YAML

    from casus import yamlio

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        document = json.loads(text) if path.suffix.lower() == ".json" else yamlio.load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        raise DataFileError(str(path), None, None, f"cannot read the scenario: {exc}") from exc
    if not isinstance(document, dict):
        raise DataFileError(str(path), None, None, "expected a mapping with 'on' and 'acts'")
    unknown = sorted(set(document) - _FILE_FIELDS)
    if unknown:
        raise DataFileError(str(path), None, unknown[0], "unknown field")
    on = document.get("on")
    try:
        if today is None and str(on).strip().lower() == "today":
            raise ValueError(f"{on!r}: no clock to say which day today is")
        day = parse_day(on, today)
    except ValueError as exc:
        raise DataFileError(str(path), None, "on", str(exc)) from None
    acts = document.get("acts")
    if not isinstance(acts, list) or not acts:
        raise DataFileError(str(path), None, "acts", "expected a non-empty list of acts")
    parsed = []
    for index, act in enumerate(acts, start=1):
        record = f"acts[{index}]"
        if isinstance(act, str):
            attacker, target, place = parse_act_text(act)
            act = {"attacker": attacker, "target": target, "place": place}
        if not isinstance(act, dict):
            raise DataFileError(str(path), record, None, "expected 'A attacks B' or a mapping")
        unknown = sorted(set(act) - _ACT_FIELDS)
        if unknown:
            raise DataFileError(str(path), record, unknown[0], "unknown field")
        for flag in ("provoked", "requested"):
            if act.get(flag) not in (None, True, False):
                raise DataFileError(str(path), record, flag, "expected true, false or null")
        parsed.append(act)
    try:
        return build_scenario(registry, day, parsed, str(document.get("mode", "strict")))
    except (InvalidArgumentError, LookupError) as exc:
        match = re.match(r"act (\d+): (\w+)", str(exc))
        record, field_name = (f"acts[{match[1]}]", match[2]) if match else (None, None)
        raise DataFileError(str(path), record, field_name, str(exc)) from exc
