"""Treaties: a filtered list, one treaty in full, the news evidence behind its records."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from casus import contracts
from casus.api.deps import application
from casus.app import App
from casus.contracts.api import TreatyEvidence
from casus.contracts.base import Day
from casus.vocab import ObligationKind

router = APIRouter(tags=["treaties"])

TreatyId = Annotated[str, Path(description="Treaty id, name, alias or organisation (`NATO`).")]


@router.get("/treaties", summary="Treaties, filtered by party, date and kind of obligation")
async def list_treaties(
    state: Annotated[str | None, Query(description="Only treaties this state is party to.")] = None,
    on: Annotated[Day | None, Query(description="Only treaties in force on this date (YYYY-MM-DD or today).")] = None,
    kind: Annotated[ObligationKind | None, Query(description="Only treaties with an obligation of this kind.")] = None,
    casus: App = Depends(application),
) -> contracts.TreatyList:
    """The same payload as `casus treaties [--state S] [--on D] [--kind K] --json`."""
    return casus.treaties(state=state, on=on, kind=kind)


@router.get("/treaties/{treaty_id}", summary="One treaty: members over time, obligations by article, sources")
async def treaty_detail(
    treaty_id: TreatyId,
    on: Annotated[Day | None, Query(description="Mark the parties bound on this date (YYYY-MM-DD or today).")] = None,
    casus: App = Depends(application),
) -> contracts.TreatyDetail:
    """The same payload as `casus treaty ID [--on D] --json`."""
    return casus.treaty(treaty_id, on=on)


@router.get("/treaties/{treaty_id}/evidence", summary="The news evidence accepted into a treaty's records")
def treaty_evidence(treaty_id: TreatyId, casus: App = Depends(application)) -> TreatyEvidence:
    """Every accepted proposal that wrote or corroborated this treaty, its members or obligations."""
    treaty = casus.treaty(treaty_id)
    accepted = [p for p in casus.review(every=True).proposals if p.status == "accepted" and p.treaty == treaty.id]
    return TreatyEvidence(treaty=treaty.id, evidence=[p.to_json() for p in accepted])
