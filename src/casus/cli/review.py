"""``casus review``: list, show, accept, reject what the reader proposes; propose from a reading."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from casus.cli.coercion import Typer
from casus.cli.common import JsonOption, app, edge, emit, open_app
from casus.errors import InvalidArgumentError

review_app = Typer(
    help="Review what the reader proposes: list open proposals (the default), show, accept or reject one.",
    invoke_without_command=True,
)
app.add_typer(review_app, name="review")
ProposalId = Annotated[str, typer.Argument(metavar="ID", help="A proposal's number, from `casus review`.")]
ByOption = Annotated[str | None, typer.Option("--by", help="Who decides (default: the login name).")]


def reviewer(by: str | None) -> str:
    """Who decides: ``--by``, else the login name (the edge knows the user; the library is told)."""
    import getpass

    if by:
        return by
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@review_app.callback()
@edge
def review(
    ctx: typer.Context,
    as_json: JsonOption = False,
    every: Annotated[bool, typer.Option("--all", help="Accepted and rejected proposals too.")] = False,
) -> None:
    """The open proposals: changes the reader found in the news, each with its evidence."""
    if ctx.invoked_subcommand is not None:
        return
    from casus.cli import review_text as review_render

    payload = open_app().review(every=every).to_json()
    emit(payload, as_json, review_render.proposal_list, payload["proposals"])


@review_app.command("show")
@edge
def review_show(proposal_id: ProposalId, as_json: JsonOption = False) -> None:
    """One proposal in full: what the base holds, what the article says, the evidence."""
    from casus.cli import review_text as review_render

    payload = open_app().review_show(proposal_id).to_json()
    emit(payload, as_json, review_render.proposal, payload)


@review_app.command("accept")
@edge
def review_accept(proposal_id: ProposalId, by: ByOption = None, as_json: JsonOption = False) -> None:
    """Accept a proposal: its change enters the base with the article as its source."""
    from casus.cli import review_text as review_render

    payload = open_app().review_accept(proposal_id, by=reviewer(by)).to_json()
    emit(payload, as_json, review_render.proposal, payload)


@review_app.command("reject")
@edge
def review_reject(
    proposal_id: ProposalId,
    by: ByOption = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why (kept with the proposal).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Reject a proposal: nothing is written to the base; the decision is kept."""
    from casus.cli import review_text as review_render

    payload = open_app().review_reject(proposal_id, by=reviewer(by), reason=reason).to_json()
    emit(payload, as_json, review_render.proposal, payload)


@review_app.command("propose")
@edge
def review_propose(
    reading: Annotated[
        str, typer.Argument(metavar="READING", help="A reading as JSON (`casus read --json`), or - for standard input.")
    ],
    as_json: JsonOption = False,
) -> None:
    """Turn a saved reading into proposals (reading the same article twice proposes nothing new)."""
    from pathlib import Path

    from casus.cli import review_text as review_render

    try:
        text = sys.stdin.read() if reading == "-" else Path(reading).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidArgumentError(f"{reading}: cannot read the reading: {exc}") from None
    payload = open_app().review_propose(text).to_json()
    emit(payload, as_json, review_render.proposal_list, payload["proposals"])
