"""Proposals: what the reader found that would change the base; accept or reject (writes)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Path, Query

from casus import contracts
from casus.api.deps import application
from casus.api.security import WRITE, WRITE_RESPONSES
from casus.app import App
from casus.contracts.api import Decision

router = APIRouter(tags=["proposals"])
ProposalId = Annotated[int, Path(description="A proposal's number.")]
DecisionBody = Annotated[Decision | None, Body(description="Who decides and why (optional).")]


@router.get("/proposals", summary="Proposals, open ones by default")
def list_proposals(
    status: Annotated[Literal["open", "accepted", "rejected", "all"], Query()] = "open",
    casus: App = Depends(application),
) -> contracts.ProposalList:
    """The same payload as `casus review [--all] --json` (and filtered by any status)."""
    if status == "open":
        return casus.review()
    every = casus.review(every=True)
    return every if status == "all" else contracts.ProposalList(
        proposals=[p for p in every.proposals if p.status == status])


@router.get("/proposals/{proposal_id}", summary="One proposal with its evidence")
def show_proposal(proposal_id: ProposalId, casus: App = Depends(application)) -> contracts.Proposal:
    """The same payload as `casus review show ID --json`."""
    return casus.review_show(proposal_id)


@router.post("/proposals/{proposal_id}/accept", dependencies=WRITE, responses=WRITE_RESPONSES, summary="Accept a proposal (needs the token)")
def accept_proposal(
    proposal_id: ProposalId, decision: DecisionBody = None, casus: App = Depends(application)
) -> contracts.Proposal:
    """Its change enters the base with the article as its source; 409 if it is no longer open."""
    return casus.review_accept(proposal_id, by=(decision or Decision()).by)


@router.post("/proposals/{proposal_id}/reject", dependencies=WRITE, responses=WRITE_RESPONSES, summary="Reject a proposal (needs the token)")
def reject_proposal(
    proposal_id: ProposalId, decision: DecisionBody = None, casus: App = Depends(application)
) -> contracts.Proposal:
    """Nothing is written to the base; the decision is kept. 409 if it is no longer open."""
    decision = decision or Decision()
    return casus.review_reject(proposal_id, by=decision.by, reason=decision.reason)
