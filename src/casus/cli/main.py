"""The ``casus`` command: each command parses, makes one library call, renders.

Library errors (``casus.errors``) become a message on standard error and a
non-zero exit only here, at the edge.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from casus.errors import CasusError, InvalidArgumentError

app = typer.Typer(
    name="casus",
    help="Mutual-assistance treaties made computable: who is bound to defend whom, when, and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True, soft_wrap=True)

OnOption = Annotated[
    str | None, typer.Option("--on", help="The date to ask about (YYYY-MM-DD); default today.", show_default=False)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs instead of text.")]


def parse_date(value: str | None, option: str = "--on") -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidArgumentError(f"{option}: {value!r} is not a date (expected YYYY-MM-DD)") from None


def print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def emit(payload: Any, as_json: bool, renderer, *render_args: Any) -> None:
    """Print ``payload`` as JSON for programs, or hand it to a Rich renderer for people."""
    if as_json:
        print_json(payload)
    else:
        renderer(out, *render_args)


def edge(function):
    """Turn casus errors into a message and an exit code (the CLI's only error handling)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except CasusError as exc:
            err.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def open_kb():
    from casus.store import Store

    store = Store.open()
    return store.knowledge_base()


@app.command()
@edge
def state(
    name: Annotated[str, typer.Argument(help="A state: name, code (ISO3, COW), capital, demonym or alias.")],
    on: OnOption = None,
    as_json: JsonOption = False,
) -> None:
    """Who is bound to defend a state, whom it is bound to defend, and its other obligations."""
    from casus.cli import render
    from casus.kb import state_profile

    day = parse_date(on)
    kb = open_kb()
    profile = state_profile(kb, kb.registry.lookup(name, on=day).id, day)
    payload = profile.to_json(kb)
    emit(payload, as_json, render.state_profile, payload)


@app.command()
@edge
def treaties(
    state: Annotated[str | None, typer.Option("--state", help="Only treaties this state is party to.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Only treaties in force on this date (YYYY-MM-DD).")] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="Only treaties with an obligation of this kind (defense, offense, "
                     "neutrality, nonaggression, consultation)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List treaties, filtered by party, date and kind of obligation."""
    from casus.cli import render
    from casus.kb import list_treaties

    day = parse_date(on) if on else None
    kb = open_kb()
    state_id = kb.registry.lookup(state, on=day).id if state else None
    rows = list_treaties(kb, state=state_id, on=day, kind=kind)
    emit({"on": day.isoformat() if day else None, "treaties": rows}, as_json, render.treaty_list, rows, day)


@app.command()
@edge
def treaty(
    treaty_id: Annotated[str, typer.Argument(metavar="ID", help="Treaty id, name, alias or organisation (NATO).")],
    on: Annotated[str | None, typer.Option("--on", help="Mark the parties bound on this date.")] = None,
    as_json: JsonOption = False,
) -> None:
    """One treaty in full: members over time, obligations by article, sources."""
    from casus.cli import render
    from casus.kb import treaty_detail

    day = parse_date(on) if on else None
    detail = treaty_detail(open_kb(), treaty_id, day)
    emit(detail, as_json, render.treaty_detail, detail, day)


@app.command()
@edge
def sources(as_json: JsonOption = False) -> None:
    """The datasets the store holds: name, version, kind, citation, coverage."""
    from casus.cli import render
    from casus.store import Store

    rows = Store.open().datasets()
    emit({"sources": rows}, as_json, render.sources, rows)


@app.command()
@edge
def init(
    empty: Annotated[bool, typer.Option("--empty", help="Create the store without the built-in treaties.")] = False,
) -> None:
    """Create the store (in CASUS_DB or the user's data directory) and report where it is."""
    from casus.store import Store

    store = Store.open(seed=not empty)
    held = "no treaties" if empty and not store.has_dataset("builtin") else "the built-in treaties"
    out.print(f"store ready at {store.engine.url.render_as_string(hide_password=True)} with {held}")


@app.command()
@edge
def scenario(
    acts: Annotated[
        list[str] | None,
        typer.Argument(help='Acts such as "RUS attacks EST" or "CHN attacks JPN at Senkaku Islands".'),
    ] = None,
    on: OnOption = None,
    place: Annotated[str | None, typer.Option("--place", help="Where the attack falls (one act only).")] = None,
    provoked: Annotated[bool, typer.Option("--provoked", help="The target provoked the attack.")] = False,
    requested: Annotated[
        bool, typer.Option("--requested", help="The target asked its allies for help.")
    ] = False,
    mode: Annotated[str, typer.Option("--mode", help="strict (first round) or escalation (until nothing changes).")] = "strict",
    file: Annotated[str | None, typer.Option("--file", help="A scenario in YAML or JSON.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Fire every treaty on a scenario of aggression: who must defend, join, stay out, consult."""
    from pathlib import Path

    from casus.cli import render
    from casus.engine import Report, build_scenario, load_scenario_file, parse_act_text, run_scenario

    kb = open_kb()
    if file:
        if acts:
            raise InvalidArgumentError("give acts either as arguments or with --file, not both")
        chosen = load_scenario_file(Path(file), kb.registry)
    else:
        if not acts:
            raise InvalidArgumentError('give at least one act, e.g. "RUS attacks EST", or --file')
        if place and len(acts) > 1:
            raise InvalidArgumentError('--place goes with one act; write "A attacks B at PLACE" for several')
        parsed = []
        for text in acts:
            attacker, target, where = parse_act_text(text)
            parsed.append({"attacker": attacker, "target": target, "place": where or place,
                           "provoked": provoked, "requested": True if requested else None})
        chosen = build_scenario(kb.registry, parse_date(on), parsed, mode)
    payload = Report(run_scenario(kb, chosen), kb.registry).to_json()
    emit(payload, as_json, render.scenario, payload)


@app.command()
@edge
def diff(
    start: Annotated[str, typer.Option("--from", help="The earlier date (YYYY-MM-DD).")],
    end: Annotated[str, typer.Option("--to", help="The later date (YYYY-MM-DD).")],
    as_json: JsonOption = False,
) -> None:
    """Obligations that appeared, ended or changed between two dates."""
    from casus.cli import render
    from casus.engine.views import diff as diff_view

    payload = diff_view(open_kb(), parse_date(start, "--from"), parse_date(end, "--to"))
    emit(payload, as_json, render.diff, payload)


@app.command()
@edge
def exposure(
    on: OnOption = None,
    fmt: Annotated[str, typer.Option("--format", help="csv, parquet or json.")] = "csv",
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file (default: standard output; parquet needs a file).")] = None,
) -> None:
    """For every ordered pair of states on a date: who is bound to defend the target."""
    from casus.engine.views import Exposure

    if fmt not in ("csv", "parquet", "json"):
        raise InvalidArgumentError(f"--format: {fmt!r} is not one of csv, parquet, json")
    if fmt == "parquet" and not output:
        raise InvalidArgumentError("--format parquet needs --output FILE")
    view = Exposure(open_kb(), parse_date(on))
    write_table(view.frame(), fmt, output, json_key="pairs", extra={"on": view.on.isoformat()})


@app.command()
@edge
def entanglement(on: OnOption = None, as_json: JsonOption = False) -> None:
    """For each state: how many ordered pairs (attacker, target) would bind it to defend."""
    from casus.cli import render
    from casus.engine.views import Exposure

    view = Exposure(open_kb(), parse_date(on))
    rows = view.entanglement()
    emit({"on": view.on.isoformat(), "states": rows}, as_json, render.entanglement, rows, view.on)


import_app = typer.Typer(help="Import research datasets into the store (ATOP, COW wars).", no_args_is_help=True)
check_app = typer.Typer(help="Compare the curated treaties with imported datasets.", no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(check_app, name="check")


@import_app.command("atop")
@edge
def import_atop_command(
    member_csv: Annotated[str, typer.Argument(help="ATOP member-level CSV (4.x or 5.x).")],
    alliance_csv: Annotated[str | None, typer.Argument(help="ATOP alliance-level CSV (dates of each alliance).")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Supersede another ATOP version already stored.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Import ATOP alliances, members and provisions; idempotent for the same version."""
    from pathlib import Path

    from casus.imports import import_atop
    from casus.store import Store

    report = import_atop(Store.open(), Path(member_csv), Path(alliance_csv) if alliance_csv else None,
                         replace=replace)
    payload = report.to_json()
    if as_json:
        print_json(payload)
        return
    out.print(f"ATOP {report.version}: {report.alliances} alliances, {report.memberships} memberships, "
              f"{report.obligations} obligations; changes {report.counts}", highlight=False, soft_wrap=True)
    for line in report.skipped:
        err.print(f"skipped: {line}", highlight=False)


@check_app.command("atop")
@edge
def check_atop_command(as_json: JsonOption = False) -> None:
    """List where the built-in treaties and their ATOP codings disagree."""
    from casus.imports import check_atop

    kb = open_kb()
    if not any(t.source.get("dataset") == "ATOP" for t in kb.treaties.values()):
        raise InvalidArgumentError("no ATOP data in the store; run 'casus import atop MEMBER_CSV ALLIANCE_CSV' first")
    rows = check_atop(kb)
    if as_json:
        print_json({"disagreements": rows})
        return
    for row in rows:
        out.print(f"{row['treaty']} (ATOP {row['atop_id']}) {row['field']}: casus {row['curated']} / "
                  f"ATOP {row['atop']}" + (f" — {row['note']}" if row["note"] else ""), highlight=False, soft_wrap=True)
    out.print(f"{len(rows)} disagreement(s)")


@import_app.command("cow-wars")
@edge
def import_cow_wars_command(
    file: Annotated[str, typer.Argument(help="COW inter-state war participants, peacesciencer's cow_war_inter.csv layout.")],
    version: Annotated[str, typer.Option("--version", help="The COW war data version the file holds.")] = "4.0",
    replace: Annotated[bool, typer.Option("--replace", help="Supersede another version already stored.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Import COW inter-state wars (sides, initiators, years) for `casus replay`; idempotent."""
    from pathlib import Path

    from casus.history import import_cow_wars
    from casus.history import render as history_render
    from casus.store import Store

    payload = import_cow_wars(Store.open(), Path(file), version=version, replace=replace).to_json()
    emit(payload, as_json, history_render.cow_wars_import, payload)


@app.command()
@edge
def replay(
    start_day: Annotated[
        str | None, typer.Option("--start-day", help="Judge every war on this month and day (MM-DD) of its start "
                                 "year with its first-year acts only, instead of the acts day by day.")
    ] = None,
    compare: Annotated[
        str | None, typer.Option("--compare", help="Score the decisions against an expert coding (CSV with "
                                 "atopid, cowwarid, dnaLLM: Berkemeier & Fuhrmann's layout).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Replay every imported war, act by act, through the engine: which alliances applied, and were they honoured."""
    from pathlib import Path

    from casus.history import load_wars, parse_start_day
    from casus.history import render as history_render
    from casus.history import replay as run_replay
    from casus.history.compare import compare as score, read_expert
    from casus.store import Store

    expert = read_expert(Path(compare)) if compare else None
    store = Store.open()
    kb = store.knowledge_base()
    result = run_replay(kb, load_wars(store), start_day=parse_start_day(start_day) if start_day else None)
    if expert is not None:
        payload = score(result.rows, expert)
        emit(payload, as_json, history_render.comparison, payload)
        return
    payload = result.to_json(kb.registry)
    emit(payload, as_json, history_render.replay, payload)


@app.command("read")
@edge
def read(
    path: Annotated[str, typer.Argument(help="A text, HTML, JSON or JSONL file, or - for standard input.")],
    published: Annotated[str | None, typer.Option("--published", help="Publication date, YYYY-MM-DD.")] = None,
    as_json: JsonOption = False,
    propose: Annotated[
        bool, typer.Option("--propose", help="Turn the facts into proposals for `casus review`.")
    ] = False,
) -> None:
    """Read news: agreements, parties, events, dates and provisions, with the exact evidence."""
    from casus.reader import render as reader_render
    from casus.reader.extract import read_articles

    payloads = read_articles(path, published)
    if propose:
        from casus.review import propose as make_proposals
        from casus.store import Store

        store = Store.open()
        made = [p for payload in payloads for p in make_proposals(store, payload)]
        err.print(f"{len(made)} new proposal(s); see `casus review`", highlight=False)
    if as_json:
        print_json(payloads[0] if len(payloads) == 1 else {"articles": payloads})
        return
    for payload in payloads:
        reader_render.reading(out, payload["article"]["text"], payload)


export_app = typer.Typer(
    help="Research exports: dyad-year tables in peacesciencer's columns, the obligation network as GraphML.",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")

SourceOption = Annotated[
    str,
    typer.Option("--source", help="Which datasets: all, or dataset ids from `casus sources` (builtin, atop, …), "
                 "comma-separated."),
]


@export_app.command("dyad-years")
@edge
def export_dyad_years(
    start: Annotated[int, typer.Option("--from", help="First year (inclusive).")],
    end: Annotated[int, typer.Option("--to", help="Last year (inclusive).")],
    directed: Annotated[
        bool, typer.Option("--directed/--undirected", help="Directed dyads (ccode1 pledges to ccode2), or one row "
                           "per pair with a pledge in either direction counting.")
    ] = True,
    fmt: Annotated[str, typer.Option("--format", help="csv or parquet.")] = "csv",
    source: SourceOption = "all",
    all_dyads: Annotated[
        bool, typer.Option("--all-dyads", help="Every pair of state-system members, not only allied pairs.")
    ] = False,
    year_rule: Annotated[
        str, typer.Option("--year-rule", help="any-day (in force on any day of the year) or atop "
                          "(ATOP's dyad-year file's rule).")
    ] = "any-day",
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write to this file (default: standard output; "
                                 "parquet needs a file).")
    ] = None,
) -> None:
    """Dyad-years of alliance pledges (atop_defense … atop_consul); missing outside a source's coverage."""
    from casus.exports import dyad_years
    from casus.store import Store

    if fmt not in ("csv", "parquet"):
        raise InvalidArgumentError(f"--format: {fmt!r} is not one of csv, parquet")
    if fmt == "parquet" and not output:
        raise InvalidArgumentError("--format parquet needs --output FILE")
    table = dyad_years(Store.open(), start, end, directed=directed, source=source, all_dyads=all_dyads,
                       year_rule=year_rule)
    for note in table.notes:
        err.print(f"note: {note}", highlight=False)
    write_table(table.frame, fmt, output, json_key="dyad_years", extra={})


@export_app.command("graphml")
@edge
def export_graphml(
    on: OnOption = None,
    source: SourceOption = "all",
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file (default: standard output).")] = None,
) -> None:
    """The obligation network on a date as GraphML: states, and a directed edge per duty."""
    from casus.exports import obligation_graph
    from casus.store import Store

    graph = obligation_graph(Store.open(), parse_date(on), source=source)
    write_bytes(graph.to_graphml(), output, f"{len(graph.nodes)} states and {len(graph.edges)} duties")



review_app = typer.Typer(
    help="Review what the reader proposes: list open proposals (the default), show, accept or reject one.",
    invoke_without_command=True,
)
app.add_typer(review_app, name="review")
ProposalId = Annotated[str, typer.Argument(metavar="ID", help="A proposal's number, from `casus review`.")]
ByOption = Annotated[str | None, typer.Option("--by", help="Who decides (default: the login name).")]


def reviewer(by: str | None) -> str:
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
    from casus.review import list_proposals
    from casus.review import render as review_render
    from casus.store import Store

    rows = [p.to_json() for p in list_proposals(Store.open(), status=None if every else "open")]
    emit({"proposals": rows}, as_json, review_render.proposal_list, rows)


@review_app.command("show")
@edge
def review_show(proposal_id: ProposalId, as_json: JsonOption = False) -> None:
    """One proposal in full: what the base holds, what the article says, the evidence."""
    from casus.review import get_proposal
    from casus.review import render as review_render
    from casus.store import Store

    payload = get_proposal(Store.open(), proposal_id).to_json()
    emit(payload, as_json, review_render.proposal, payload)


@review_app.command("accept")
@edge
def review_accept(proposal_id: ProposalId, by: ByOption = None, as_json: JsonOption = False) -> None:
    """Accept a proposal: its change enters the base with the article as its source."""
    from casus.review import accept
    from casus.review import render as review_render
    from casus.store import Store

    payload = accept(Store.open(), proposal_id, by=reviewer(by)).to_json()
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
    from casus.review import reject
    from casus.review import render as review_render
    from casus.store import Store

    payload = reject(Store.open(), proposal_id, by=reviewer(by), reason=reason).to_json()
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

    from casus.review import propose
    from casus.review import render as review_render
    from casus.store import Store

    try:
        text = sys.stdin.read() if reading == "-" else Path(reading).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidArgumentError(f"{reading}: cannot read the reading: {exc}") from None
    rows = [p.to_json() for p in propose(Store.open(), text)]
    emit({"proposals": rows}, as_json, review_render.proposal_list, rows)


@app.command("eval-reader")
@edge
def eval_reader(
    directory: Annotated[str, typer.Argument(metavar="DIR", help="A folder of gold files (../shared/eval/README.md).")],
    as_json: JsonOption = False,
) -> None:
    """Score the reader on gold articles: agreements F1, parties-only F1, defense-acc, date-acc."""
    from casus.reader.evaluate import evaluate

    result = evaluate(directory, on_error=lambda message: err.print(f"ERROR {message}", highlight=False))
    if as_json:
        print_json(result.to_json())
    else:
        sys.stdout.write("\n".join(result.lines()) + "\n")

def atomic_write(output: str, write, what: str) -> None:
    """Call ``write(path)`` on a temporary file beside ``output``, then rename it into place.

    A failure leaves nothing half-written at the destination.
    """
    import os
    import tempfile
    from pathlib import Path

    target = Path(output)
    if not target.parent.exists():
        raise InvalidArgumentError(f"--output: the folder {target.parent} does not exist")
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidArgumentError(f"--output: cannot write {target}: {exc}") from exc
    err.print(f"wrote {what} to {target}")


def write_bytes(payload: bytes, output: str | None, what: str) -> None:
    """Write bytes to standard output or, atomically, to a file."""
    if output is None:
        sys.stdout.buffer.write(payload)
    else:
        atomic_write(output, lambda path: path.write_bytes(payload), what)


def write_table(frame, fmt: str, output: str | None, *, json_key: str, extra: dict[str, Any]) -> None:
    """Write a Polars frame as CSV, Parquet or JSON, to standard output or, atomically, to a file."""
    if fmt == "json":
        rows = frame.with_columns([frame[c].cast(str) for c in frame.columns if frame[c].dtype.is_temporal()])
        text = json.dumps({**extra, json_key: rows.to_dicts()}, indent=1) + "\n"
    if output is None:
        sys.stdout.write(text if fmt == "json" else frame.write_csv())
        return
    writers = {
        "json": lambda path: path.write_text(text),
        "csv": frame.write_csv,
        "parquet": frame.write_parquet,
    }
    atomic_write(output, writers[fmt], f"{frame.height} rows")


def _version(value: bool) -> None:
    if value:
        from casus import __version__

        out.print(f"casus {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Mutual-assistance treaties made computable: who is bound to defend whom, when, and why."""


def main() -> None:
    app()


if __name__ == "__main__":
    main()
