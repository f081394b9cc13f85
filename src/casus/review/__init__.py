"""Review: facts read from the news become proposals a person accepts or rejects."""

from casus.review.matching import Match, match_treaty
from casus.review.proposals import (
    Proposal,
    accept,
    evidence_for,
    get_proposal,
    list_proposals,
    parse_reading,
    propose,
    reject,
)

__all__ = [
    "Match",
    "Proposal",
    "accept",
    "evidence_for",
    "get_proposal",
    "list_proposals",
    "match_treaty",
    "parse_reading",
    "propose",
    "reject",
]
