"""Scenario: fire every treaty on acts of aggression on a date (strict or escalation)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from fastapi.concurrency import run_in_threadpool

from casus import contracts
from casus.api.deps import ContractResponse, application
from casus.app import App
from casus.contracts.api import ActRequest, ScenarioRequest

router = APIRouter(tags=["scenario"])


@router.post("/scenario", response_model=contracts.ScenarioReport,
             summary="Who must defend, join, stay out or consult on a scenario of aggression")
async def run(scenario: ScenarioRequest, casus: App = Depends(application)) -> Response:
    """The same payload as `casus scenario "A attacks B" --on D [--mode M] --json`.

    A strict scenario (milliseconds on a warm server) is answered on the event
    loop; an escalation, which may take seconds of rounds, in the thread pool so
    that other requests go on meanwhile.
    """
    acts = [act.model_dump() if isinstance(act, ActRequest) else act for act in scenario.acts]
    built = casus.build_scenario(acts, scenario.on, mode=scenario.mode)
    if built.mode == "strict":
        return ContractResponse(casus.run(built))
    return ContractResponse(await run_in_threadpool(casus.run, built))
