"""``casus read`` and ``casus eval-reader``: the news reader."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from casus.cli.common import JsonOption, app, edge, err, open_app, out, print_json
from casus.errors import BAD_FILE_EXIT_CODE, InvalidArgumentError


@app.command("read")
@edge
def read(
    path: Annotated[
        str | None, typer.Argument(help="A text, HTML, JSON or JSONL file, or - for standard input.")
    ] = None,
    published: Annotated[str | None, typer.Option("--published", help="Publication date, YYYY-MM-DD or today.")] = None,
    as_json: JsonOption = False,
    propose: Annotated[
        bool, typer.Option("--propose", help="Turn the facts into proposals for `casus review`.")
    ] = False,
    batch: Annotated[
        str | None,
        typer.Option("--batch", metavar="ARCHIVE",
                     help="Read a news archive: a JSONL file (optionally .gz) or a folder, streamed and resumable."),
    ] = None,
    engine: Annotated[str, typer.Option("--engine", help="With --batch: local (this process) or ray.")] = "local",
    address: Annotated[
        str | None, typer.Option("--address", help="With --engine ray: an existing cluster; default a local one.")
    ] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="With --engine ray: reader workers.")] = None,
    resume: Annotated[
        bool, typer.Option("--resume/--no-resume", help="With --batch: skip articles the store has read already.")
    ] = True,
    chunk: Annotated[
        int, typer.Option("--chunk", min=1, help="With --batch: articles per job, each job one transaction.")
    ] = 32,
) -> None:
    """Read news: agreements, parties, events, dates and provisions, with the exact evidence."""
    if batch is not None:
        if path is not None:
            raise InvalidArgumentError(f"give either a file to read or --batch ARCHIVE, not both ({path!r})")
        read_batch(batch, published, as_json, propose, engine, address, workers, resume, chunk)
        return
    if path is None:
        raise InvalidArgumentError("nothing to read: give a file, - for standard input, or --batch ARCHIVE")
    if (engine, address, workers, chunk) != ("local", None, None, 32) or not resume:
        raise InvalidArgumentError("--engine, --address, --workers, --resume and --chunk go with --batch ARCHIVE")
    from casus.cli import reading_text as reader_render

    result = open_app().read(path, published, propose=propose)
    if propose:
        err.print(f"{len(result.proposals)} new proposal(s); see `casus review`", highlight=False)
    payloads = [reading.to_json() for reading in result.readings]
    if as_json:
        print_json(payloads[0] if len(payloads) == 1 else {"articles": payloads})
        return
    for payload in payloads:
        reader_render.reading(out, payload["article"]["text"], payload)


def read_batch(archive, published, as_json, propose, engine, address, workers, resume, chunk) -> None:
    """``casus read --batch``: one call on the app, with a Rich progress bar on standard error."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    application = open_app()
    day = application.day(published, "published") if published is not None else None
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("starting", total=None)

        def show(summary) -> None:
            progress.update(task, description=(
                f"{summary.records:,} articles · {summary.per_second:,.1f}/s · kept {summary.kept:,} · "
                f"facts {summary.agreements:,} · proposals {summary.proposals:,} · errors {summary.error_count:,}"
            ))

        def report(error) -> None:
            progress.console.print(Text("skipped:", style="yellow") + Text(f" {error}"))

        summary = application.read_archive(archive, day, engine=engine, workers=workers, address=address,
                                           propose=propose, resume=resume, chunk=chunk, on_progress=show,
                                           on_error=report)
    if as_json:
        print_json(summary)
    else:
        out.print(
            f"{summary.records:,} records in {summary.seconds:.1f} s ({summary.articles_per_second:,.1f}/s, "
            f"{summary.engine} engine, {summary.workers} worker(s)): read {summary.read:,}, "
            f"already read {summary.already_read:,}, duplicates {summary.duplicates:,}, "
            f"kept by the first pass {summary.kept:,}; {summary.agreements:,} facts, "
            f"{summary.proposals:,} proposals, {summary.error_count:,} errors",
            highlight=False,
        )
    if summary.error_count:
        # The batch went on past its bad records, but a script must still learn of them.
        raise typer.Exit(BAD_FILE_EXIT_CODE)


@app.command("eval-reader")
@edge
def eval_reader(
    directory: Annotated[str, typer.Argument(metavar="DIR", help="A folder of gold files (../shared/eval/README.md).")],
    as_json: JsonOption = False,
    folds: Annotated[int | None, typer.Option("--folds", help="Split the sorted files round-robin into N folds "
                                              "and report the figures per fold.")] = None,
    fold: Annotated[int | None, typer.Option("--fold", help="Score only this fold (with --folds).")] = None,
    skip_fold: Annotated[int | None, typer.Option("--skip-fold", help="Score every fold but this one "
                                                  "(with --folds): tune without the held-out fold.")] = None,
    restyle: Annotated[str | None, typer.Option("--restyle", metavar="STYLE", help="Read every article in another "
                                                "house style first: wrapped, no-break-spaces, dotted, one-line, "
                                                "straight-quotes (the gold stays right).")] = None,
) -> None:
    """Score the reader on gold articles: agreements F1, parties-only F1, defense-acc, date-acc,
    and the errors by kind, per article and in total."""
    from casus.app import App

    # Scoring reads no store: the app is only the way in, so no store is opened.
    result = App.eval_reader(directory, on_error=lambda message: err.print(f"ERROR {message}", highlight=False),
                             folds=folds, only_fold=fold, skip_fold=skip_fold, restyle=restyle)
    if as_json:
        from casus.contracts import ReaderScore

        print_json(ReaderScore.model_validate(result.to_json()))
    else:
        styled = [f"(every article read in the style '{restyle}')"] if restyle else []
        sys.stdout.write("\n".join(result.lines() + result.breakdown_lines() + result.fold_lines() + styled) + "\n")
