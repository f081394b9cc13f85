"""Plain-text building blocks for answers people read at 80 columns.

Written by hand rather than with Rich tables because the answers are grouped
lists (one line per treaty and article, its states wrapped beneath), which a
grid cannot show without repeating each cell; Rich still adds the styles on a
terminal. Every string goes in as ``Text``, never as markup, so user input and
data ("[/b]") print as they are.
"""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text


def width(console: Console) -> int:
    return max(console.width, 40)


def line(console: Console, text: str, style: str | None = None) -> None:
    """One line as it is (already wrapped): never parsed as markup, never re-wrapped."""
    console.print(Text(text, style=style or ""), soft_wrap=True, highlight=False)


def para(console: Console, text: str, *, indent: int = 0, hang: int = 2, style: str | None = None) -> None:
    """``text`` wrapped to the console's width, the lines after the first indented by ``hang`` more."""
    first = " " * indent
    rest = " " * (indent + hang)
    for piece in textwrap.wrap(text, width(console), initial_indent=first, subsequent_indent=rest,
                               break_on_hyphens=False, break_long_words=False) or [first]:
        line(console, piece, style)


def heading(console: Console, text: str) -> None:
    line(console, text, "bold")


def table(console: Console, title: str | None = None) -> Table:
    """A Rich table: ruled on a terminal, plain columns when piped (no box drawing in a file)."""
    framed = console.is_terminal
    return Table(title=title, title_justify="left", box=box.SIMPLE_HEAD if framed else None,
                 show_edge=False, pad_edge=False, highlight=False)


def print_table(console: Console, grid: Table) -> None:
    """A table as Rich draws it on a terminal; piped, the same columns without the padding Rich
    adds to every line's end (a trailing space breaks ``diff`` and shell pipelines). The title
    is wrapped as a paragraph, never squeezed into the width of the columns."""
    if grid.title:
        para(console, str(grid.title), style="bold")
        grid.title = None
    if console.is_terminal:
        console.print(grid)
        return
    with console.capture() as captured:
        console.print(grid)
    for piece in captured.get().splitlines():
        line(console, piece.rstrip())


def cell(value) -> Text:
    """A table cell that is never read as markup."""
    return Text("" if value is None else str(value))


def delimited(header: Sequence[str], rows: Iterable[Sequence], fmt: str) -> str:
    """``rows`` as CSV (RFC 4180 quoting) or TSV (tabs and newlines in a value become spaces)."""
    buffer = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
    else:
        clean = lambda v: "" if v is None else " ".join(str(v).split())  # noqa: E731
        buffer.write("\t".join(header) + "\n")
        for row in rows:
            buffer.write("\t".join(clean(v) for v in row) + "\n")
    return buffer.getvalue()
