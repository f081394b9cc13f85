"""Dates in an article, resolved against its publication date, precision kept.

Our own small resolver rather than dateparser: the forms news uses are few ("on
Wednesday", "June 19", "in September 2023", "since 2000", "last year", "last week",
"today"), we must keep the precision the text gives (dateparser fills a missing day
or month with today's), and a weekday must resolve to the most recent one on or before
publication, never a future one. Without a publication date relative forms stay None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_PATTERNS = [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("dmy", r"\b(?P<d>\d{1,2}) " + _MON + r",? (?P<y>(?:19|20)\d\d)\b"),
    ("mdy", r"\b" + _MON + r" (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d\d)\b"),
    ("my", r"\b" + _MON + r",? (?P<y>(?:19|20)\d\d)\b"),
    ("md", r"\b" + _MON + r" (?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?![-\d])"),
    ("dm", r"\b(?P<d>\d{1,2}) " + _MON + r"\b"),
    ("mon", r"\b(?:in|since|last|this|early|late|mid-|until|by) " + _MON + r"(?! \d)\b(?P<this> this year)?"),
    ("wd", r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("rel", r"\b(?P<rel>today|tomorrow|yesterday|last week|last month|last year|this year|this month|earlier this month|earlier this year)\b"),
    ("year", r"\b(?:in|since|from|of|by|until|year|back in|early|late|mid-?)\s?(?P<y>(?:19|20)\d\d)\b"),
]
_RX = re.compile("|".join(f"(?P<{name}>{rx.replace('(?P<', f'(?P<{name}_')})" for name, rx in _PATTERNS), re.I)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # YYYY-MM-DD, YYYY-MM, YYYY or None (unresolved)

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value}


def _year_for(month: int, day: int | None, published: dt.date | None) -> int | None:
    """The year of a date written without one: the publication's, or the year before
    when that would put it more than a month after publication."""
    if published is None:
        return None
    year = published.year
    if (month, day or 1) > (published.month, published.day) and month - published.month > 1:
        year -= 1
    return year


def resolve(match: re.Match, published: dt.date | None) -> str | None:
    kind = match.lastgroup
    g = {k.split("_", 1)[1]: v for k, v in match.groupdict().items() if v is not None and "_" in k and k.startswith(kind + "_")}
    mon = MONTHS.get(g["mon"].lower().rstrip(".")) if "mon" in g else None
    if kind == "iso":
        return f"{g['y']}-{g['m']}-{g['d']}"
    if kind in ("dmy", "mdy"):
        return f"{int(g['y']):04d}-{mon:02d}-{int(g['d']):02d}"
    if kind == "my":
        return f"{int(g['y']):04d}-{mon:02d}"
    if kind in ("md", "dm"):
        year = _year_for(mon, int(g["d"]), published)
        return None if year is None else f"{year:04d}-{mon:02d}-{int(g['d']):02d}"
    if kind == "mon":
        year = published.year if (published and g.get("this")) else _year_for(mon, None, published)
        return None if year is None else f"{year:04d}-{mon:02d}"
    if kind == "year":
        return g["y"]
    if published is None:
        return None
    if kind == "wd":
        back = (published.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
        return (published - dt.timedelta(days=back)).isoformat()
    rel = g["rel"].lower()
    if rel == "today":
        return published.isoformat()
    if rel == "tomorrow":
        return (published + dt.timedelta(days=1)).isoformat()
    if rel == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat()
    if rel == "last week":
        return (published - dt.timedelta(days=7)).strftime("%Y-%m")
    if rel == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.strftime("%Y-%m")
    if rel == "last year":
        return str(published.year - 1)
    if rel in ("this month", "earlier this month"):
        return published.strftime("%Y-%m")
    return str(published.year)


def find_dates(text: str, published: dt.date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, with offsets into ``text``."""
    out = []
    for match in _RX.finditer(text, start, len(text) if end is None else end):
        out.append(DateMention(match.start(), match.end(), match.group(), resolve(match, published)))
    return out
