"""The same article in another outlet's house style, to measure what the reader's figures
owe to the style of the articles it was tuned on (``casus eval-reader DIR --restyle S``).

Each style changes how a text is laid out or spelt and never what it says, so the gold
records stay right: a reader that generalises scores about the same in every style.
The styles are the differences between outlets we have met: wire copy and e-mail wrap
lines at a fixed width; HTML leaves no-break spaces between words; American outlets
write "U.S." and "U.K."; feeds join the headline and paragraphs into one line; some
write straight quotes. Deterministic: the same text gives the same result.
"""

from __future__ import annotations

import re
import textwrap

from casus.errors import InvalidArgumentError


def wrapped(text: str, width: int = 72) -> str:
    """Every paragraph wrapped at ``width`` columns, paragraphs apart by a blank line."""
    return "\n\n".join("\n".join(textwrap.wrap(p, width)) if len(p) > width else p
                       for p in re.split(r"\n\s*\n|\n", text))


def no_break_spaces(text: str) -> str:
    """Every third space between two words a no-break space, as HTML gives them."""
    count = 0

    def space(match: re.Match) -> str:
        nonlocal count
        count += 1
        return "\u00a0" if count % 3 == 0 else " "

    return re.sub(r"(?<=\w) (?=\w)", space, text)


def dotted(text: str) -> str:
    """The abbreviations of the United States and the United Kingdom with full stops."""
    return re.sub(r"\bU(S|K)\b(?![-\w])", lambda m: f"U.{m.group(1)}.", text)


def one_line(text: str) -> str:
    """Headline and paragraphs joined by spaces into one line."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def straight_quotes(text: str) -> str:
    """Curly quotes and apostrophes straight."""
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


STYLES = {"wrapped": wrapped, "no-break-spaces": no_break_spaces, "dotted": dotted, "one-line": one_line,
          "straight-quotes": straight_quotes}


def restyler(name: str | None):
    """The style called ``name`` (None: the text as it is)."""
    if name is None:
        return None
    if name not in STYLES:
        raise InvalidArgumentError(f"no style {name!r}: the styles are {', '.join(STYLES)}")
    return STYLES[name]
