"""States: the list on a date, one state by any name or code, its profile on a date.

These routes are ``async``: on the cached knowledge base they take well under a
millisecond, and a trip to the thread pool (with the GIL handed back and forth)
would cost more than the answer. A base "as known at" another time is built
from the store's history, in the thread pool.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response
from fastapi.concurrency import run_in_threadpool

from casus import contracts
from casus.api.deps import ContractResponse, application
from casus.app import App
from casus.contracts.api import StateList
from casus.contracts.base import Day

router = APIRouter(tags=["states"])

StateName = Annotated[str, Path(description="A state: name, code (ISO3, COW number or letters), capital, "
                                            "demonym or alias, e.g. `PRK`, `North Korea`, `731`.")]
On = Annotated[Day | None, Query(description="The date to ask about (YYYY-MM-DD or today); default today.")]
KnownAt = Annotated[
    dt.datetime | None,
    Query(description="Answer as the store knew it at this time (ISO 8601, UTC); default now."),
]


@router.get("/states", summary="States existing on a date")
async def list_states(on: On = None, casus: App = Depends(application)) -> StateList:
    day = casus.day(on)
    return StateList(on=day, states=[s.to_json(on=day) for s in casus.registry.existing_on(day)])


@router.get("/states/{name}", summary="Look a state up by any name or code")
async def lookup_state(name: StateName, on: On = None, casus: App = Depends(application)) -> contracts.State:
    return casus.lookup(name, on=on)


@router.get("/states/{name}/profile", response_model=contracts.StateProfile,
            summary="Who defends a state on a date, whom it defends, what is pending")
async def state_profile(
    name: StateName, on: On = None, known_at: KnownAt = None, casus: App = Depends(application),
) -> Response:
    """The same payload as `casus state NAME --on DATE --json`."""
    if known_at is None:
        return ContractResponse(casus.state(name, on=casus.day(on)))
    return ContractResponse(await run_in_threadpool(_profile_known_at, casus, name, casus.day(on), known_at))


def _profile_known_at(casus: App, name: str, day: dt.date, known_at: dt.datetime) -> contracts.StateProfile:
    from casus.kb import state_profile as profile_of

    if known_at.tzinfo is not None:  # recorded time is kept in UTC without a zone
        known_at = known_at.astimezone(dt.UTC).replace(tzinfo=None)
    kb = casus.knowledge_base(known_at=known_at)
    profile = profile_of(kb, casus.registry.lookup(name, on=day).id, day)
    return contracts.StateProfile.model_validate(profile.to_json(kb))
