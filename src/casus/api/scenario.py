"""Scenario: fire every treaty on acts of aggression on a date (strict or escalation)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from casus.api.deps import knowledge_base, today

router = APIRouter(tags=["scenario"])


class ActIn(BaseModel):
    """One hostile act; states by any name or code."""

    model_config = ConfigDict(extra="forbid")

    attacker: str = Field(min_length=1, examples=["RUS"])
    target: str = Field(min_length=1, examples=["EST"])
    place: str | None = Field(None, description="Where the attack falls (a place the gazetteer knows).")
    provoked: bool | None = Field(False, description="The target provoked the attack (null: unknown).")
    requested: bool | None = Field(None, description="The target asked its allies for help (null: unknown).")


class ScenarioIn(BaseModel):
    """A scenario: acts on a date. An act may also be written `"RUS attacks EST [at PLACE]"`."""

    model_config = ConfigDict(extra="forbid")

    on: dt.date | None = Field(None, description="The date (default today).")
    mode: Literal["strict", "escalation"] = "strict"
    acts: list[ActIn | str] = Field(min_length=1, examples=[["RUS attacks EST"]])


@router.post("/scenario", summary="Who must defend, join, stay out or consult on a scenario of aggression")
def run(scenario: ScenarioIn, kb=Depends(knowledge_base), now: dt.date = Depends(today)) -> dict[str, Any]:
    """The same payload as `casus scenario "A attacks B" --on D [--mode M] --json`."""
    from casus.engine import Report, build_scenario, parse_act_text, run_scenario

    acts = []
    for act in scenario.acts:
        if isinstance(act, str):
            attacker, target, place = parse_act_text(act)
            acts.append({"attacker": attacker, "target": target, "place": place, "provoked": False})
        else:
            acts.append(act.model_dump())
    chosen = build_scenario(kb.registry, scenario.on or now, acts, scenario.mode)
    return Report(run_scenario(kb, chosen), kb.registry).to_json()
