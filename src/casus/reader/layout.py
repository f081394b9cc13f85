"""The text the rules read: the article with its layout undone, character for character.

Outlets differ in layout, not in language: HTML gives no-break spaces ("President\u00a0Ruto",
"19\u00a0June"), wire copy and e-mail wrap lines at a fixed width. Neither is a word or a
sentence boundary to a reader, but to the patterns, the gazetteers (which match words
separated by a plain space) and the sentence splitter (which ends a sentence at a line
break) they are. ``for_reading`` replaces each such character by a plain space and
nothing else, so the result has the article's length and every offset the reader gives
(evidence, mentions) still indexes the article's own text, from which the evidence's
characters are then taken (``restore``).
"""

from __future__ import annotations

import re
from dataclasses import replace

# spaces of other widths and no-break spaces: all one word gap
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                                 "\u202f\u205f\u3000"), " ")

# a text is wrapped when its lines are short, most of them filled to about the same width
_WRAP_WIDTH = 110  # no wrapped line is longer: news paragraphs on one line are far longer
_FULL_LINES = 3  # lines filled to the width needed to call a text wrapped
_FILLED = 0.7  # a line filled to this share of the text's width is wrapped, not ended


def for_reading(text: str) -> str:
    """``text`` with odd spaces and soft line breaks as plain spaces, of the same length."""
    text = text.translate(_SPACES)
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip("\r")) for line in lines if line.strip())
    if not lengths or lengths[-1] > _WRAP_WIDTH:
        return text
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if sum(1 for n in lengths if n >= _FILLED * width) < _FULL_LINES or width < 40:
        return text
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 == len(lines):
            break
        body = line.rstrip("\r")
        following = lines[i + 1]
        # (a line that ends a sentence keeps its break: it is a boundary either way)
        soft = len(body) >= _FILLED * width and following.strip() and not following[:1].isspace() \
            and not body.rstrip().endswith((".", "!", "?", ":", ";", '"', "”", "’")) \
            and not re.match(r"\s*(?:[-*•–—]|\d+[.)])\s", following)
        if soft:
            out[-1] = body + " " * (len(line) - len(body))
            out.append(" ")  # the line break itself
        else:
            out.append("\n")
    return "".join(out)


def restore(reading, original: str):
    """``reading`` made from ``for_reading(original)``, its quoted characters taken from
    ``original`` (offsets are the same)."""
    def ev(e):
        return replace(e, text=original[e.start:e.end])

    for agreement in reading.agreements:
        agreement.evidence = [ev(e) for e in agreement.evidence]
        agreement.provision_evidence = [ev(e) for e in agreement.provision_evidence]
    reading.mentions = [replace(m, text=original[m.start:m.end]) for m in reading.mentions]
    reading.dates = [replace(d, text=original[d.start:d.end]) for d in reading.dates]
    for quote in reading.quotes:
        quote["text"] = original[quote["start"]:quote["end"]]
    for visit in reading.visits:
        evidence = visit.get("evidence")
        if evidence:
            evidence["text"] = original[evidence["start"]:evidence["end"]]
    return reading
