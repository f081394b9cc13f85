"""``casus read`` and ``casus eval-reader``: the news reader."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from casus.cli.common import JsonOption, app, edge, err, open_app, out, print_json


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

    result = open_app().read(path, published, propose=propose)
    if propose:
        err.print(f"{len(result.proposals)} new proposal(s); see `casus review`", highlight=False)
    payloads = [reading.to_json() for reading in result.readings]
    if as_json:
        print_json(payloads[0] if len(payloads) == 1 else {"articles": payloads})
        return
    for payload in payloads:
        reader_render.reading(out, payload["article"]["text"], payload)


@app.command("eval-reader")
@edge
def eval_reader(
    directory: Annotated[str, typer.Argument(metavar="DIR", help="A folder of gold files (../shared/eval/README.md).")],
    as_json: JsonOption = False,
) -> None:
    """Score the reader on gold articles: agreements F1, parties-only F1, defense-acc, date-acc."""
    from casus.app import App

    # Scoring reads no store: the app is only the way in, so no store is opened.
    result = App.eval_reader(directory, on_error=lambda message: err.print(f"ERROR {message}", highlight=False))
    if as_json:
        print_json(result.to_json())
    else:
        sys.stdout.write("\n".join(result.lines()) + "\n")
