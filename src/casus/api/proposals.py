"""Proposals: what the reader found that would change the base; accept or reject (writes)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from casus.api.deps import application
from casus.api.security import WRITE

router = APIRouter(tags=["proposals"])
ProposalId = Annotated[int, Path(description="A proposal's number.")]


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    by: str = Field("api", min_length=1, max_length=200, description="Who decides (kept with the proposal).")
    reason: str | None = Field(None, max_length=2000, description="Why (kept with a rejection).")


@router.get("/proposals", summary="Proposals, open ones by default")
def list_proposals(
    status: Annotated[Literal["open", "accepted", "rejected", "all"], Query()] = "open",
    casus=Depends(application),
) -> dict[str, Any]:
    """The same payload as `casus review [--all] --json`."""
    from casus.review import list_proposals as listing

    return {"proposals": [p.to_json() for p in listing(casus.store, status=None if status == "all" else status)]}


@router.get("/proposals/{proposal_id}", summary="One proposal with its evidence")
def show_proposal(proposal_id: ProposalId, casus=Depends(application)) -> dict[str, Any]:
    """The same payload as `casus review show ID --json`."""
    from casus.review import get_proposal

    return get_proposal(casus.store, proposal_id).to_json()


@router.post("/proposals/{proposal_id}/accept", dependencies=WRITE, summary="Accept a proposal (needs the token)")
def accept_proposal(
    proposal_id: ProposalId, decision: Annotated[Decision | None, Body()] = None, casus=Depends(application)
) -> dict[str, Any]:
    """Its change enters the base with the article as its source; 409 if it is no longer open."""
    from casus.review import accept

    decided = accept(casus.store, proposal_id, by=(decision or Decision()).by).to_json()
    casus.changed()
    return decided


@router.post("/proposals/{proposal_id}/reject", dependencies=WRITE, summary="Reject a proposal (needs the token)")
def reject_proposal(
    proposal_id: ProposalId, decision: Annotated[Decision | None, Body()] = None, casus=Depends(application)
) -> dict[str, Any]:
    """Nothing is written to the base; the decision is kept. 409 if it is no longer open."""
    from casus.review import reject

    decision = decision or Decision()
    return reject(casus.store, proposal_id, by=decision.by, reason=decision.reason).to_json()
