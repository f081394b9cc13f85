"""Sentence boundaries by rule: news text often glues sentences ("in June 2024.The
Duma …") where a statistical parser keeps them together. Offsets index the text."""

from __future__ import annotations

import re

_ABBREV = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "jan", "feb", "mar",
           "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "co", "jr", "sr"}
# glued sentences also after a closing quote ("under domestic law.”The leaders …")
_BREAK = re.compile(r"\n\s*\n|\n|(?<=[.!?])[”\"’]?\s+(?=[“\"‘'(]?[A-Z0-9])|(?<=[a-z0-9]{2}[.!?])(?=[A-Z][a-z])"
                    r"|(?<=[a-z0-9]{2}[.!?][”\"’])(?=[A-Z][a-z])")


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, white space trimmed."""
    spans, start = [], 0
    for match in _BREAK.finditer(text):
        cut = match.start()
        before = text[start:cut]
        word = re.search(r"(\S+)$", before)
        if word and match.group().strip() == "" and "\n" not in match.group():
            # (the last part of a compound: "Indo-U.S. Basic Exchange" goes on after "U.S.")
            token = re.split(r"[-–/]", word.group(1).rstrip(".").lower())[-1]
            if token in _ABBREV or re.fullmatch(r"[A-Za-z]", token) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
                continue
        spans.append((start, cut if not text[cut:match.end()].startswith(("”", '"', "’")) else cut + 1))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
