"""What every command shares: the Typer app, the options, the error edge, the output.

Each command parses its arguments, makes one call on the application object
(``casus.app.App``, the method of the same name) and renders the contract it
returns; library errors become a message and an exit code only here.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from typing import Annotated, Any

import typer

from casus.cli.coercion import Typer
from casus.errors import CasusError, ConflictError, InvalidArgumentError

# Plain parameters are coerced without pydantic (``casus.cli.coercion``).
app = Typer(
    name="casus",
    help="Mutual-assistance treaties made computable: who is bound to defend whom, when, and why.",
    no_args_is_help=True,
    # Typer's --install-completion / --show-completion for bash, zsh, fish and PowerShell.
    add_completion=True,
    # -h everywhere: Click hands a group's context settings down to every subcommand.
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def console(stream: str = "out"):
    """The Rich console of standard output (``out``) or standard error (``err``), made on first use
    and kept as this module's ``out`` or ``err``: an answer in JSON imports no Rich at all.

    Never markup, emoji or highlighting: a state, place or treaty name ("[/b]", ":flag:") prints as
    typed. Renderers style with ``rich.text.Text``.
    """
    made = globals().get(stream)
    if made is None:
        from rich.console import Console

        if stream == "err":
            made = Console(stderr=True, soft_wrap=True, markup=False, emoji=False, highlight=False)
        else:
            made = Console(markup=False, emoji=False, highlight=False)
        globals()[stream] = made
    return made


def __getattr__(name: str):
    # ``from casus.cli.common import out, err``: the consoles, made when a module first asks.
    if name in ("out", "err"):
        return console(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


OnOption = Annotated[
    str | None,
    typer.Option("--on", help="The date to ask about (YYYY-MM-DD or today); default today.", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs instead of text.")]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also print full titles and the text of every condition.")
]
FormatOption = Annotated[
    str, typer.Option("--format", help="text for people, or tsv / csv: the answer's table for other programs.")
]
SourceOption = Annotated[
    str,
    typer.Option("--source", help="Which datasets: all, or dataset ids from `casus sources` (builtin, atop, …), "
                 "comma-separated."),
]


def open_app():
    """The application object for this command: the store of ``CASUS_DB`` (opened when a question
    needs it), today by the system clock."""
    from casus.app import App, SystemClock

    return App.open(clock=SystemClock(), lazy=True)


@contextlib.contextmanager
def round_progress(show: bool):
    """Escalation's progress on standard error while it runs ("round 3: 34 joined, 120 acts
    next"), on a terminal only: piped output and files never see it. Yields the callback
    ``Engine.run`` calls after each round."""
    err = console("err") if show else None
    if err is None or not err.is_terminal:
        yield None
        return
    from rich.status import Status
    from rich.text import Text

    with Status(Text("escalating: round 1"), console=err) as status:
        def on_round(number: int, joined: int, acts_next: int) -> None:
            status.update(Text(f"escalating: round {number} done, {joined} joined; "
                               f"{acts_next} acts for round {number + 1}" if acts_next else
                               f"escalating: round {number} done, {joined} joined; nothing left to fire"))

        yield on_round


def print_json(payload: Any) -> None:
    if hasattr(payload, "to_json"):
        payload = payload.to_json()
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def emit(payload: Any, as_json: bool, renderer, *render_args: Any, fmt: str = "text", rows=None) -> None:
    """Print ``payload`` as JSON for programs, its table as TSV or CSV (``rows(payload)`` gives the
    header and the rows), or hand it to a renderer for people.

    ``renderer`` and ``rows`` may be names in ``casus.cli.render``, imported only when text or a
    table is asked for: JSON needs neither the renderers nor Rich."""
    if isinstance(renderer, str) or isinstance(rows, str):
        renderer, rows = _rendering(renderer), _rendering(rows)
    if fmt not in ("text", "tsv", "csv"):
        raise InvalidArgumentError(f"--format: {fmt!r} is not one of text, tsv, csv")
    if as_json and fmt != "text":
        raise InvalidArgumentError(f"--json and --format {fmt} contradict each other; give one of them")
    if as_json:
        print_json(payload)
    elif fmt != "text":
        from casus.cli.text import delimited

        header, body = rows(payload)
        sys.stdout.write(delimited(header, body, fmt))
    else:
        renderer(console("out"), *render_args)


def _rendering(name):
    """A function of ``casus.cli.render`` by name (anything else as it is)."""
    if not isinstance(name, str):
        return name

    def call(*args, **kwargs):
        from casus.cli import render

        return getattr(render, name)(*args, **kwargs)

    return call


# What the CLI adds to a library error, by error code (and, for missing data, the dataset):
# its own flags and commands.
HINTS = {
    "E303": "use --replace to supersede it",
    "E205": "run 'casus import atop MEMBER_CSV ALLIANCE_CSV' first",
    ("E205", "cow-wars"): "import them first (peacesciencer's and ATOP's files):\n"
                          "  casus import cow-wars cow_war_inter.csv\n"
                          "  casus import atop atop5_1m.csv atop5_1a.csv",
}


def describe(exc: CasusError, flags: dict[str, str] | None = None) -> str:
    """The library's message in the CLI's words: an argument's field becomes its flag."""
    if isinstance(exc, InvalidArgumentError) and not isinstance(exc, ConflictError) and exc.field and not exc.file:
        flag = (flags or {}).get(exc.field) or "--" + exc.field.replace("_", "-")
        message = f"{flag}: {exc.detail}"
    else:
        message = str(exc)
    hint = HINTS.get((exc.code, exc.record)) or HINTS.get(exc.code)
    if hint:
        message += f"; {hint}"
    return message


def edge(function=None, *, flags: dict[str, str] | None = None):
    """Turn casus errors into a message and an exit code (the CLI's only error handling).

    ``flags`` maps a library argument to the flag that carries it when the names differ.
    """

    def decorate(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except CasusError as exc:
                from rich.text import Text

                console("err").print(Text("error:", style="bold red") + Text(f" {describe(exc, flags)}"))
                raise typer.Exit(exc.exit_code) from None

        return wrapper

    return decorate(function) if function is not None else decorate


def atomic_write(output: str, write, what: str) -> None:
    """Call ``write(path)`` on a temporary file beside ``output``, then rename it into place.

    A failure leaves nothing half-written at the destination.
    """
    import os
    import tempfile
    from pathlib import Path

    target = Path(output)
    if not target.parent.exists():
        raise InvalidArgumentError(f"the folder {target.parent} does not exist", field="output")
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidArgumentError(f"cannot write {target}: {exc}", field="output") from exc
    console("err").print(f"wrote {what} to {target}")


def write_bytes(payload: bytes, output: str | None, what: str) -> None:
    """Write bytes to standard output or, atomically, to a file."""
    if output is None:
        sys.stdout.buffer.write(payload)
    else:
        atomic_write(output, lambda path: path.write_bytes(payload), what)


def write_table(frame, fmt: str, output: str | None, *, json_payload=None) -> None:
    """Write a Polars frame as CSV, TSV or Parquet, or ``json_payload`` (a contract) as JSON."""
    if fmt == "json":
        text = json.dumps(json_payload.to_json(), indent=1) + "\n"
    if output is None:
        sys.stdout.write(text if fmt == "json" else frame.write_csv(separator="\t" if fmt == "tsv" else ","))
        return
    writers = {
        "json": lambda path: path.write_text(text),
        "csv": frame.write_csv,
        "tsv": lambda path: frame.write_csv(path, separator="\t"),
        "parquet": frame.write_parquet,
    }
    atomic_write(output, writers[fmt], f"{frame.height} rows")


def json_format(fmt: str | None, as_json: bool, default: str) -> str:
    """``--json`` is ``--format json``; with another ``--format`` it is a contradiction, not a choice."""
    if as_json and fmt not in (None, "json"):
        raise InvalidArgumentError(f"--json and --format {fmt} contradict each other; give one of them")
    return "json" if as_json else fmt or default


def write_json(payload, output: str | None, what: str) -> None:
    """A contract as JSON on standard output or, atomically, in a file."""
    text = json.dumps(payload.to_json(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write(output, lambda path: path.write_text(text, encoding="utf-8"), what)


def check_format(fmt: str, allowed: tuple[str, ...], output: str | None) -> None:
    if fmt not in allowed:
        raise InvalidArgumentError(f"--format: {fmt!r} is not one of {', '.join(allowed)}")
    if fmt == "parquet" and not output:
        raise InvalidArgumentError("--format parquet needs --output FILE")
