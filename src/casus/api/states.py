"""States: the list on a date, one state by any name or code, its profile on a date."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from casus.api.deps import application, knowledge_base, today

router = APIRouter(tags=["states"])

StateName = Annotated[str, Path(description="A state: name, code (ISO3, COW number or letters), capital, "
                                            "demonym or alias, e.g. `PRK`, `North Korea`, `731`.")]
On = Annotated[dt.date | None, Query(description="The date to ask about (YYYY-MM-DD); default today.")]
KnownAt = Annotated[
    dt.datetime | None,
    Query(description="Answer as the store knew it at this time (ISO 8601, UTC); default now."),
]


@router.get("/states", summary="States existing on a date")
def list_states(on: On = None, kb=Depends(knowledge_base), now: dt.date = Depends(today)) -> dict[str, Any]:
    day = on or now
    states = kb.registry.existing_on(day)
    return {"on": day.isoformat(), "states": [s.to_json(on=day) for s in states]}


@router.get("/states/{name}", summary="Look a state up by any name or code")
def lookup_state(name: StateName, on: On = None, kb=Depends(knowledge_base)) -> dict[str, Any]:
    return kb.registry.lookup(name, on=on).to_json(on=on)


@router.get("/states/{name}/profile", summary="Who defends a state on a date, whom it defends, what is pending")
def state_profile(
    name: StateName, on: On = None, known_at: KnownAt = None, casus=Depends(application), now: dt.date = Depends(today)
) -> dict[str, Any]:
    """The same payload as `casus state NAME --on DATE --json`."""
    from casus.kb import state_profile as profile_of

    day = on or now
    kb = casus.knowledge_base(known_at=known_at) if known_at else casus.knowledge_base()
    return profile_of(kb, kb.registry.lookup(name, on=day).id, day).to_json(kb)
