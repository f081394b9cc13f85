"""Treaties: a filtered list, one treaty in full, the news evidence behind its records."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query

from casus.api.deps import application, knowledge_base

router = APIRouter(tags=["treaties"])

Kind = Literal["defense", "offense", "neutrality", "nonaggression", "consultation"]
TreatyId = Annotated[str, Path(description="Treaty id, name, alias or organisation (`NATO`).")]


@router.get("/treaties", summary="Treaties, filtered by party, date and kind of obligation")
def list_treaties(
    state: Annotated[str | None, Query(description="Only treaties this state is party to.")] = None,
    on: Annotated[dt.date | None, Query(description="Only treaties in force on this date.")] = None,
    kind: Annotated[Kind | None, Query(description="Only treaties with an obligation of this kind.")] = None,
    kb=Depends(knowledge_base),
) -> dict[str, Any]:
    """The same payload as `casus treaties [--state S] [--on D] [--kind K] --json`."""
    from casus.kb import list_treaties as listing

    state_id = kb.registry.lookup(state, on=on).id if state else None
    return {"on": on.isoformat() if on else None, "treaties": listing(kb, state=state_id, on=on, kind=kind)}


@router.get("/treaties/{treaty_id}", summary="One treaty: members over time, obligations by article, sources")
def treaty_detail(
    treaty_id: TreatyId,
    on: Annotated[dt.date | None, Query(description="Mark the parties bound on this date.")] = None,
    kb=Depends(knowledge_base),
) -> dict[str, Any]:
    """The same payload as `casus treaty ID [--on D] --json`."""
    from casus.kb import treaty_detail as detail

    return detail(kb, treaty_id, on)


@router.get("/treaties/{treaty_id}/evidence", summary="The news evidence accepted into a treaty's records")
def treaty_evidence(treaty_id: TreatyId, casus=Depends(application)) -> dict[str, Any]:
    """Every accepted proposal that wrote or corroborated this treaty, its members or obligations."""
    from casus.review import list_proposals

    treaty = casus.knowledge_base().treaty(treaty_id)
    rows = [p.to_json() for p in list_proposals(casus.store, status="accepted") if p.treaty_key == treaty.id]
    return {"treaty": treaty.id, "evidence": rows}
