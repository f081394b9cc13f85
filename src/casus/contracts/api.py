"""Contracts only the HTTP API has: request bodies, pages, the network, the error envelope."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from casus.contracts.base import ArticleLabel, Contract, Day, State
from casus.contracts.engine import ExposureTable
from casus.contracts.errors import ErrorBody
from casus.contracts.reader import Proposal, Reading
from casus.vocab import Mode


class ActRequest(Contract):
    """One hostile act; states by any name or code."""

    attacker: str = Field(min_length=1, examples=["RUS"])
    target: str = Field(min_length=1, examples=["EST"])
    place: str | None = Field(None, description="Where the attack falls (a place the gazetteer knows).")
    provoked: bool | None = Field(False, description="The target provoked the attack (null: unknown).")
    requested: bool | None = Field(None, description="The target asked its allies for help (null: unknown).")


class ScenarioRequest(Contract):
    """``POST /scenario``: acts on a date; an act may also be written ``"RUS attacks EST [at PLACE]"``."""

    on: Day | None = Field(None, description="The date, YYYY-MM-DD or today (default: today by the server's clock).")
    mode: Mode = "strict"
    acts: list[ActRequest | str] = Field(min_length=1, examples=[["RUS attacks EST"]])


class ArticleRequest(Contract):
    """``POST /read``: one article as ``text`` or ``html`` (exactly one), with its publication date."""

    text: str | None = Field(None, description="The article as plain text.")
    html: str | None = Field(None, description="The article as an HTML page; its text is extracted.")
    published: Day | None = Field(None, description="Publication date, YYYY-MM-DD or today: relative dates resolve "
                                  "against it.")
    url: str | None = None
    id: str | None = Field(None, description="The article's id (default: its URL, else `article`).")
    propose: bool = Field(False, description="Also file the facts as proposals for review (a write: needs the token).")

    @model_validator(mode="after")
    def _one_body(self) -> ArticleRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give the article as 'text' or as 'html', exactly one of them")
        return self


class Decision(Contract):
    """``POST /proposals/{id}/accept`` or ``/reject``: who decides and, for a rejection, why."""

    by: str = Field("api", min_length=1, max_length=200, description="Who decides (kept with the proposal).")
    reason: str | None = Field(None, max_length=2000, description="Why (kept with a rejection).")


class StateList(Contract):
    """``GET /states``: the states of the system on a date."""

    on: dt.date
    states: list[State]


class ExposurePage(ExposureTable):
    """``GET /exposure``: ``limit`` ordered pairs from ``offset``, of ``total``."""

    total: int
    offset: int
    limit: int


class NetworkEdge(Contract):
    """One duty in force: ``obligor`` is bound toward ``beneficiary`` under a treaty's article."""

    obligor: str
    beneficiary: str
    treaty: str
    treaty_name: str
    treaty_short: str = Field(description="How answers name the treaty (\"NATO\", \"China–DPRK 1961\").")
    article: str
    label: ArticleLabel
    kind: str
    strength: str | None
    conditions: str | None = Field(description="The article's conditions as JSON text (as in the GraphML export).")
    source: str | None


class Network(Contract):
    """``GET /network``: the states and the directed duties between them on a date."""

    on: dt.date
    nodes: list[dict[str, Any]]
    edges: list[NetworkEdge]


class TreatyEvidence(Contract):
    """``GET /treaties/{id}/evidence``: the accepted proposals (news articles) behind a treaty's records."""

    treaty: str
    evidence: list[dict[str, Any]]


class Health(Contract):
    status: Literal["ok"]
    version: str
    writes: bool


class Problem(Contract):
    field: str | None
    message: str
    type: str | None = None


class ApiErrorBody(ErrorBody):
    """An error over HTTP: the library's body, plus the two kinds only the HTTP edge has and,
    for a request that fails validation, every problem found."""

    kind: str = Field(description="bad_input, not_found, conflict, unavailable, internal; "
                                  "unauthorized (401) or forbidden (403) for a write without the right token.")
    problems: list[Problem] = []


class ErrorResponse(Contract):
    """Every error answer of the API: ``{"error": {...}}``."""

    error: ApiErrorBody


class ArticleReading(Reading):
    """``POST /read``: the reading of one article (as ``casus read --json``) and, with ``propose``, the
    proposals it filed. ``article.text`` is the article's text (an HTML page's text), never HTML."""

    proposals: list[Proposal] | None = None
