"""Dates in an article, resolved against its publication date, precision kept; and the
date of each event the reader finds.

Our own small resolver rather than dateparser: the forms news uses are few ("on
Wednesday", "June 19", "in September 2023", "since 2000", "last year", "last week",
"today", "three days ago"), we must keep the precision the text gives (dateparser fills
a missing day or month with today's), and the direction of a weekday or a month without
a year comes from its clause: "met on Monday" is the latest Monday on or before
publication, "will take effect on Sunday" the next one. Without a publication date the
latest full date the article writes (a tweet's, a dateline's) stands in for it, as a
narrative's reference time; with none, relative forms stay None.

An event's date (``Dater``) is its own: a date belongs to the event word nearest it in
its clause ("ratified the treaty on Tuesday, which was signed in June": Tuesday to the
ratification, June to the signing), never to the page header or dateline. An event
whose sentences give it no date takes the date another sentence gives the same event of
the same agreement ("the cabinet's approval came on Friday"), or a sentence next to
it that dates the event before any agreement is in focus; else, told in the story's
first sentences and not as background, the day the lead dates (the news of the story).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from casus.reader.rules import trigger_group

DATA = Path(__file__).parent / "data" / "dates.yaml"

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBERS.update({"a": 1, "an": 1})
NUMBERS.update({w: i for i, w in enumerate("thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(), 13)})
NUMBERS.update({"thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60, "ninety": 90})

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_WD = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+(?:the\s+)?)?"
_N = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PATTERNS = [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("dmy", r"\b" + _WD + r"(?P<d>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MON + r",? (?P<y>(?:19|20)\d\d)\b"),
    ("mdy", r"\b" + _WD + _MON + r" (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d\d)\b"),
    ("my", r"\b" + _MON + r",? (?P<y>(?:19|20)\d\d)\b"),
    ("md", r"\b" + _WD + _MON + r" (?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?![-\d])"),
    ("dm", r"\b" + _WD + r"(?P<d>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MON + r"\b"),
    ("mon", r"\b(?P<pre>in|since|last|next|this|early|late|mid-|until|by|from|of) " + _MON
     + r"(?! \d)\b(?P<this> this year| last year| next year)?"),
    # "thirty years ago today": the same day that many years back
    ("today", r"\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
     r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|sixty|ninety) years? ago (?:today|this day)\b"),
    ("ago", r"\b" + _N + r" (?P<unit>day|week|month|year)s? ago\b"),
    # counted from the date the narrative last gave, not from publication: "Finland joined
    # in April 2023 and Sweden a year later", "the day before", "the following month"
    ("shift", r"\b(?:(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
     r"(?P<unit>day|week|month|year)s? (?P<dir>earlier|later)|(?P<word>the (?:following|next|previous|same) "
     r"(?:day|week|month|year)|that same (?:day|month|year)))\b"),
    # "one day after the U.S. announced …": the date of the event after it (``after_event``)
    ("after", r"\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
     r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty-five|forty|sixty|ninety) "
     r"(?P<unit>day|week|month|year)s? after\b"),
    ("wd", r"\b(?P<pre>last |next |this |this coming |this past |earlier |late |early |later )?"
     r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("rel", r"\b(?P<rel>today|tonight|this morning|this afternoon|this evening|overnight|tomorrow|"
     r"the day before yesterday|yesterday|last weekend|over the weekend|at the weekend|this weekend|"
     r"(?:earlier |later )?this week|last week|next week|last month|next month|"
     r"(?:earlier |later )?this month|last year|next year|(?:earlier |later )?this year)\b"),
    ("year", r"\b(?:in|since|from|of|by|until|year|back in|early|late|mid-?)\s?(?P<y>(?:19|20)\d\d)\b"),
    # "signed … on the 8th": a day of the month of publication (of the month before when
    # that day is still to come); not "on the 8th of July", "the 75th anniversary"
    ("nth", r"\b(?P<pre>on|by|until|since) the (?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?"
     r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|[\s-]+[a-z])"),
]
_RX = re.compile("|".join(f"(?P<{name}>{rx.replace('(?P<', f'(?P<{name}_')})" for name, rx in _PATTERNS), re.I)
# the clause before a date, for its tense: back to the sentence's start or a clause boundary
_CLAUSE_START = re.compile(r"[.!?;\n]|\b(?:but|while|after|before|when|since|who|which|said|says|told|added|"
                           r"announced|stated|reported)\b", re.I)
_FULL = ("iso", "dmy", "mdy")


@functools.lru_cache(maxsize=2)
def load(path: Path = DATA) -> dict:
    """``data/dates.yaml`` compiled: future markers, event nouns, background words."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("schema") != "casus.reader.dates.v1":
        raise ValueError(f"{path}: expected 'schema: casus.reader.dates.v1'")
    try:
        return {"future": re.compile(data["future"], re.I),
                "event_nouns": {k: re.compile(v, re.I) for k, v in data["event_nouns"].items()},
                "background": re.compile(data["background"], re.I),
                "light": re.compile(data["light"], re.I) if data.get("light") else None,
                "reporting": re.compile(data["reporting"], re.I) if data.get("reporting") else None,
                "names": re.compile(data["names"], re.I) if data.get("names") else None}
    except (KeyError, re.error) as exc:
        raise ValueError(f"{path}: {type(exc).__name__}: {exc}") from None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # YYYY-MM-DD, YYYY-MM, YYYY or None (unresolved)
    ahead: bool = False  # it speaks of what is to come ("next week", "will sign on Monday")
    # "one day after the U.S. announced": the date of the event after it, which only an
    # event word after it can own; its value counts back from the sentence's own day
    forward: bool = False

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value}


def _year_for(month: int, day: int | None, published: dt.date | None, future: bool = False) -> int | None:
    """The year of a date written without one: the publication's, or the year before
    when that would put it more than a month after publication (the year after when the
    clause speaks of the future and it would fall before publication)."""
    if published is None:
        return None
    year = published.year
    if future:
        return year + 1 if (month, day or 31) < (published.month, published.day) else year
    if (month, day or 1) > (published.month, published.day) and month - published.month > 1:
        year -= 1
    return year


def _month(day: dt.date) -> str:
    return day.strftime("%Y-%m")


def _shift_months(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def resolve(match: re.Match, published: dt.date | None, future: bool = False) -> str | None:
    """The value of one date expression; ``future``: its clause speaks of what is to come."""
    kind = match.lastgroup
    g = {k.split("_", 1)[1]: v for k, v in match.groupdict().items()
         if v is not None and "_" in k and k.startswith(kind + "_")}
    mon = MONTHS.get(g["mon"].lower().rstrip(".")) if "mon" in g else None
    pre = (g.get("pre") or "").strip().lower()
    if kind == "iso":
        return f"{g['y']}-{g['m']}-{g['d']}"
    if kind in ("dmy", "mdy"):
        return f"{int(g['y']):04d}-{mon:02d}-{int(g['d']):02d}"
    if kind == "my":
        return f"{int(g['y']):04d}-{mon:02d}"
    if kind == "year":
        return g["y"]
    if published is None:
        return None
    if kind in ("md", "dm"):
        year = _year_for(mon, int(g["d"]), published, future)
        return f"{year:04d}-{mon:02d}-{int(g['d']):02d}"
    if kind == "mon":
        this = (g.get("this") or "").strip().lower()
        if this:
            year = published.year + {"this year": 0, "last year": -1, "next year": 1}[this]
        elif pre == "last":
            year = published.year if mon < published.month else published.year - 1
        elif pre == "since":
            # "since July" looks back: a month after publication's is last year's
            year = published.year if mon <= published.month else published.year - 1
        elif pre == "next":
            year = published.year if mon > published.month else published.year + 1
        elif pre == "this":
            year = published.year
        else:
            year = _year_for(mon, None, published, future and pre not in ("since", "last"))
        return f"{year:04d}-{mon:02d}"
    if kind == "nth":
        day = int(g["d"])
        month = published if day <= published.day else published.replace(day=1) - dt.timedelta(days=1)
        try:
            return month.replace(day=day).isoformat()
        except ValueError:  # "the 31st" in a month of 30 days
            return None
    if kind == "today":
        n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
        try:
            return published.replace(year=published.year - n).isoformat()
        except ValueError:  # 29 February
            return None
    if kind == "shift":
        return _shift(g, published)
    if kind in ("ago", "after"):
        n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
        return _ago(n, g["unit"].lower(), published)
    if kind == "wd":
        weekday = WEEKDAYS[g["wd"].lower()]
        back = (published.weekday() - weekday) % 7
        if pre in ("last", "this past"):
            back = back or 7
        elif pre in ("next", "this coming") or (future and pre not in ("earlier",)):
            ahead = (weekday - published.weekday()) % 7
            if pre in ("next", "this coming"):
                ahead = ahead or 7
            return (published + dt.timedelta(days=ahead)).isoformat()
        return (published - dt.timedelta(days=back)).isoformat()
    rel = g["rel"].lower()
    if rel in ("today", "tonight", "this morning", "this afternoon", "this evening", "overnight"):
        return published.isoformat()
    if rel == "tomorrow":
        return (published + dt.timedelta(days=1)).isoformat()
    if rel == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat()
    if rel == "the day before yesterday":
        return (published - dt.timedelta(days=2)).isoformat()
    if rel in ("last weekend", "over the weekend", "at the weekend", "this weekend"):
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7 or 7)
        return _month(saturday)
    if rel.endswith("this week"):
        monday = published - dt.timedelta(days=published.weekday())
        return _month(published) if monday.month == published.month else None
    if rel == "last week":
        return _month(published - dt.timedelta(days=7))
    if rel == "next week":
        return _month(published + dt.timedelta(days=7))
    if rel == "last month":
        return _shift_months(published, -1)
    if rel == "next month":
        return _shift_months(published, 1)
    if rel.endswith("this month"):
        return _month(published)
    if rel == "last year":
        return str(published.year - 1)
    if rel == "next year":
        return str(published.year + 1)
    return str(published.year)


def _ago(n: int, unit: str, day: dt.date) -> str:
    """``n`` units before ``day``, as precise as the unit: a day, else the month, a year."""
    if unit == "day":
        return (day - dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return _month(day - dt.timedelta(days=7 * n))
    if unit == "month":
        return _shift_months(day, -n)
    return str(day.year - n)


def _shift(g: dict, anchor: dt.date, precision: int = 10) -> str:
    """A date counted from ``anchor`` ("a year later", "the day before"), no more precise
    than the anchor (``precision``: 10 a day, 7 a month, 4 a year) nor than the unit: a
    month or a year counted from a day keeps the month."""
    if g.get("word"):
        words = g["word"].lower().split()
        unit = words[-1] if words[-1] in ("day", "week", "month", "year") else "day"
        sign = -1 if "previous" in words else 0 if "same" in words else 1
        n = 1 if sign else 0
    else:
        n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
        unit = g["unit"].lower()
        sign = 1 if g["dir"].lower() == "later" else -1
    if unit in ("day", "week"):
        if precision < 10:
            return None if unit == "day" and n else (anchor.isoformat()[:precision] if n == 0 else None)
        day = anchor + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
        return day.isoformat()
    if unit == "month":
        if precision < 7:
            return None
        return _shift_months(anchor, sign * n)
    year = anchor.year + sign * n
    return f"{year:04d}-{anchor.month:02d}" if precision >= 7 else f"{year:04d}"


def _anchor(found: list[DateMention], text: str, start: int) -> tuple[dt.date, int] | None:
    """The date the narrative last gave before ``start``, in its sentence or the two
    before: (as a day, its precision). A header or dateline is no narrative date."""
    begin = start
    for _ in range(3):
        begin = max(text.rfind(c, 0, max(begin - 1, 0)) for c in ".!?\n") + 1
        if begin <= 0:
            break
    for d in reversed(found):
        if d.start >= start or d.start < begin:
            continue
        if d.value and len(d.value) in (4, 7, 10) and not d.forward:
            v = d.value
            day = dt.date(int(v[:4]), int(v[5:7]) if len(v) >= 7 else 1, int(v[8:10]) if len(v) == 10 else 1)
            return day, len(v)
        break
    return None


def _is_future(text: str, start: int, future: re.Pattern) -> bool:
    lead = text[max(0, start - 120):start]
    cuts = list(_CLAUSE_START.finditer(lead))
    return bool(future.search(lead[cuts[-1].end():] if cuts else lead))


_TODAY = re.compile(r"(?i)(?:today|tonight|this morning|this afternoon|this evening)\b")


def _in_quote(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a quotation opened earlier in its paragraph."""
    line = text[text.rfind("\n", 0, at) + 1:at]
    return line.count("“") > line.count("”") or line.count('"') % 2 == 1


def find_dates(text: str, published: dt.date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, with offsets into ``text``. Without
    ``published``, the latest full date written in ``text`` resolves relative forms."""
    rules = load()
    future, names = rules["future"], rules["names"]
    matches = [m for m in _RX.finditer(text, start, len(text) if end is None else end)
               if names is None or not names.match(text, m.end())]
    if published is None:
        published = reference_date(text)
    published = _dateline_day(text, matches, published) or published
    out = []
    for m in matches:
        ahead = _is_future(text, m.start(), future)
        if m.lastgroup == "after":
            # counted back from the day of the sentence's main event: a day written before
            # it in the sentence, else the publication's ("will take effect 30 days after
            # ratification" dates nothing)
            value = None if ahead else resolve(m, _day_before(out, text, m.start()) or published)
            out.append(DateMention(m.start(), m.end(), m.group(), value, False, forward=True))
            continue
        if m.lastgroup == "shift":
            g = {k.split("_", 1)[1]: v for k, v in m.groupdict().items()
                 if v is not None and k.startswith("shift_")}
            anchor = _anchor(out, text, m.start())
            if anchor is not None:
                value = _shift(g, *anchor)
            elif g.get("dir", "").lower() == "earlier" and published is not None:
                # "three days earlier", no date before it: counted back from publication
                n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
                value = _ago(n, g["unit"].lower(), published)
            else:
                value = None
            out.append(DateMention(m.start(), m.end(), m.group(), value, False))
            continue
        value = resolve(m, published, ahead)
        if m.lastgroup == "rel" and _TODAY.match(m.group()) and _in_quote(text, m.start()):
            # a speaker's "today" is the day the speech was made, which the story dates by its
            # own words ("he said on Tuesday"), not the day the story came out
            value = None
        # ("later this year", "later this month": after the publication day, though the
        # year or month holds it; an announcement takes no date from them)
        ahead = bool(re.match(r"(?i)next|tomorrow|this coming|later\b", m.group())) or bool(
            published and value and value > published.isoformat()[:len(value)])
        out.append(DateMention(m.start(), m.end(), m.group(), value, ahead))
    return out


def _dateline_day(text: str, matches: list[re.Match], published: dt.date | None) -> dt.date | None:
    """The day a dateline gives ("WASHINGTON, July 21.— The Senate today ratified …"), when
    it is the publication's or up to a week before it: wire copy printed a day or more after
    it was filed speaks from its dateline, so its "today" and "on Tuesday" count from there."""
    if published is None:
        return None
    for m in matches:
        if m.start() > 200:
            break
        if m.lastgroup not in (*_FULL, "md", "dm") or not _follows_dateline(text, m.start()):
            continue
        try:
            day = dt.date.fromisoformat(resolve(m, published) or "")
        except ValueError:
            continue
        if dt.timedelta(0) <= published - day <= dt.timedelta(days=7):
            return day
    return None


def _amount(date: DateMention) -> tuple[int, str]:
    """The count and unit of an "N months after": (13, "month")."""
    n, unit = re.match(r"(\S+) (day|week|month|year)", date.text.lower()).groups()
    return (int(n) if n.isdigit() else NUMBERS[n]), unit


def _day_before(found: list[DateMention], text: str, start: int) -> dt.date | None:
    """The last day-precise date before ``start`` in its sentence."""
    begin = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    days = [d for d in found if begin <= d.start < start and d.value and len(d.value) == 10 and not d.forward]
    return dt.date.fromisoformat(days[-1].value) if days else None


def _add(day: dt.date, n: int, unit: str) -> dt.date:
    """``day`` moved ``n`` days, weeks, months or years (a month's last day if need be)."""
    if unit in ("day", "week"):
        return day + dt.timedelta(days=n * (7 if unit == "week" else 1))
    index = day.year * 12 + day.month - 1 + n * (12 if unit == "year" else 1)
    year, month = index // 12, index % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def reference_date(text: str) -> dt.date | None:
    """The latest full date (day, month, year) the text writes: the reference for its
    relative dates when the publication date is unknown (a tweet's or a dateline's date
    is the day the text speaks from)."""
    best = None
    for m in _RX.finditer(text):
        if m.lastgroup in _FULL:
            value = resolve(m, None)
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                continue
            best = day if best is None or day > best else best
    return best


# a line that is a page header or byline: a date with a time, "By …", "Updated", or little else
_HEADER_LINE = re.compile(r"\d{1,2}:\d\d|\bby [A-Z]|\b(?:updated|published|posted)\b|^\s*date\b", re.I)
# a line that is a sentence of the story: a paragraph of one short sentence ("The treaty was
# signed in June by Putin and Kim.", "The text, published on 19 June, …") is no byline
# though it has the byline's words; only a time of day still makes it the page's
_SENTENCE_LINE = re.compile(r"^\s*[A-Z\"“'‘].*\s.*\s.*\s.*\s.*[a-z].*[.!?][\"”’)]?\s*$")
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d\d")
# a dateline: a place in capitals, then the date, then the agency or a dash
_DATELINE = re.compile(r"^\s*(?:date \S+\s+)?[A-Z][A-Z .'-]{2,40}[,(]")


def is_header(text: str, date: DateMention) -> bool:
    """Whether ``date`` is the page's (a header, a byline, a dateline), not an event's."""
    line_start = text.rfind("\n", 0, date.start) + 1
    line_end = text.find("\n", date.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    rest = (text[line_start:date.start] + text[date.end:line_end])
    if date.start - line_start < 40 and re.match(r"\s*date:?\s*$", text[line_start:date.start], re.I):
        return True  # "date 2024-07-22 Kenya and …": the page's label, though the story follows on its line
    if date.start - line_start < 40 and re.match(r"\s*$", text[line_start:date.start], re.I):
        if len(re.findall(r"[a-z]{3,}", text[date.end:line_end])) < 3 or re.match(
                r"[\s,]*(?:\d{4}\b|[A-Z]{3,})", text[date.end:date.end + 12]):
            return True
    if len(line) < 160 and _HEADER_LINE.search(line) and len(re.findall(r"[a-z]{3,}", rest)) < 8 and (
            not _SENTENCE_LINE.match(line) or _TIME_OF_DAY.search(line)):
        return True
    # the dateline's own date follows its place ("MOSCOW, June 19 -"); a date further on is
    # the lede's ("NAIROBI (AP) — Kenya and Uganda signed a pact on Tuesday, …")
    return _follows_dateline(text, date.start) and bool(re.match(r"\s*(?:[).,]|[-–—]|/)", text[date.end:date.end + 3]))


def _follows_dateline(text: str, start: int) -> bool:
    """Whether the date at ``start`` is a dateline's own, right after its place in capitals
    ("MOSCOW, June 19 -", "WASHINGTON, July 21.—")."""
    line_start = text.rfind("\n", 0, start) + 1
    dateline = _DATELINE.match(text[line_start:start])
    return dateline is not None and start - line_start - dateline.end() <= 2


_LEAD_SENTENCES = 4  # the lead: the story's first body sentences (no header or caption lines)
_STORY_SENTENCES = 8  # an undated event told this early is the lead's news


@dataclass
class Fact:
    """An event of some kind that a sentence dates: ``kind`` its event, ``value`` the date."""

    kind: str
    value: str
    sentence: int
    clusters: tuple


def _unnamed_same(a, b) -> bool:
    """Two agreements of the same parties of which at least one has no name."""
    return (getattr(a, "name", None) is None or getattr(b, "name", None) is None) and bool(
        getattr(a, "parties", None)) and set(a.parties) == set(getattr(b, "parties", ()))


class Dater:
    """The dates of one article and the date of each event (see the module's docstring).

    ``events`` maps each event to its trigger patterns (``data/events.yaml``); they and
    the event nouns of ``data/dates.yaml`` are the event words a date can belong to.
    """

    def __init__(self, text: str, published: dt.date | None, events: dict, weak=frozenset()) -> None:
        self.text = text
        self.published = published
        self._words: dict[tuple[int, int], list] = {}
        self.data = load()
        self.events = events
        self.weak = weak
        found = find_dates(text, published)
        self.headers = [d for d in found if is_header(text, d)]
        self.dates = [d for d in found if d not in self.headers]
        anchored = self.anchored()
        if published is None and anchored:
            # "thirteen months after the signature [on 19 May 2016]": the story speaks from
            # at least then, which dates "on 5 June" a year later than the latest full date
            later = max(_add(dt.date.fromisoformat(a.value), *_amount(d)) for d, a in anchored.items())
            reference = reference_date(text)
            if reference is None or later > reference:
                found = find_dates(text, later)
                self.headers = [d for d in found if is_header(text, d)]
                self.dates = [d for d in found if d not in self.headers]
                anchored = self.anchored()
        self.dates = [replace(d, value=anchored[d].value) if d in anchored else d for d in self.dates]
        self.facts: list[Fact] = []
        self.sentence = -1
        self.starts: dict[int, int] = {}  # sentence start -> its index
        self.body: dict[int, int] = {}  # start of a body sentence -> its index among them

    def anchored(self) -> dict[DateMention, DateMention]:
        """Each "N months after the <event>" whose event a full date of the text dates
        ("the signing on 19 May 2016"), to that date."""
        out = {}
        for d in self.dates:
            if not d.forward:
                continue
            end = min((i for i in (self.text.find(c, d.end) for c in ".!?\n") if i >= 0), default=len(self.text))
            first = next((w for w in self.words(d.end, end) if w[0] - d.end <= 40), None)
            if first is None:
                continue
            for full in self.dates:
                if full.forward or not full.value or len(full.value) != 10 or not re.search(r"\d{4}", full.text):
                    continue
                s = max(self.text.rfind(c, 0, full.start) for c in ".!?\n") + 1
                e = min((i for i in (self.text.find(c, full.end) for c in ".!?\n") if i >= 0), default=len(self.text))
                w = self.owner(full, self.words(s, e))
                if w is not None and w[2] == first[2] and w[0] != first[0]:
                    out[d] = full
                    break
        return out

    def in_span(self, s: int, e: int) -> list[DateMention]:
        return [d for d in self.dates if s <= d.start < e]

    def words(self, s: int, e: int) -> list[tuple[int, int, str]]:
        """The event words of ``text[s:e]`` (triggers of every event, event nouns), but
        light verbs (``light`` in ``data/dates.yaml``); computed once per span."""
        if (s, e) not in self._words:
            self._words[(s, e)] = self._find_words(s, e)
        return list(self._words[(s, e)])

    def _find_words(self, s: int, e: int) -> list[tuple[int, int, str]]:
        out = []
        sentence = self.text[s:e]
        light = self.data["light"]
        light = [m.start() for m in light.finditer(sentence)] if light else []
        for kind, patterns in self.events.items():
            for rx in patterns:
                # (a pattern's group ``t`` is its trigger word: ``rules.trigger_group``)
                spans = [m.span(trigger_group(m)) for m in rx.finditer(sentence)
                         if m.start() not in light]
                out += [(s + a, s + b, kind) for a, b in spans]
        for kind, rx in self.data["event_nouns"].items():
            out += [(s + m.start(), s + m.end(), kind) for m in rx.finditer(sentence)]
        return sorted(out)

    def _distance(self, date: DateMention, a: int, b: int) -> float:
        after = date.start >= b
        if date.forward and after:
            return 1000.0  # "moved one day after the U.S. announced": not the moving's
        gap = self.text[b:date.start] if after else self.text[date.end:a]
        # a date mostly follows its event word ("signed … on July 14"); one before a
        # word is farther from it than the same gap after
        d = len(gap) if after else 1.5 * len(gap) + 5
        when = None if after else re.match(r"\s*,?\s*when\b", gap)
        if when and not re.search(r"[;—–(]|--|,\s*(?:and|but|which|when|after|before|since|as|while|who)\b",
                                  gap[when.end():]):
            # "a process begun on 3 May when the ministers signed the protocol": a date
            # right before a when-clause is the date of that clause's event
            return 0.2 * len(gap)
        if re.search(r"[;—–(]|--|,\s*(?:and|but|which|when|after|before|since|as|while|who)\b", gap):
            d += 200  # another clause lies between
        elif not after and ("," in gap or re.fullmatch(r"\s*(?:and|but|then)\s+(?:(?:was|were|has|have|had|is|are|then|later|it|they)\s+)*", gap)):
            # "ratified on Thursday, will take effect", "signed on 15 May 1992 and entered
            # into force in 1994": the date closes the phrase before
            d += 40
        return d

    def owner(self, date: DateMention, words) -> tuple[int, int, str] | None:
        return min(words, key=lambda w: (self._distance(date, w[0], w[1]), -w[0]), default=None)

    def own(self, event: str, start: int, end: int, s: int, e: int, apart=()) -> str | None:
        """The date of the event whose trigger is ``text[start:end]``, in the sentence
        ``text[s:e]``: the nearest date that belongs to it or to a word of the same event.
        ``apart``: spans of clauses of other acts (a date in them is theirs)."""
        words = self.words(s, e)
        if not any(w[0] <= start < w[1] or start <= w[0] < end for w in words):
            words.append((start, end, event))

        def of_trigger(w):
            # the trigger itself, or a noun of its own phrase ("ratified its accession bid")
            # (a noun of no agreement event, "since the alliance's founding in 1949", is not)
            return w[0] <= start < w[1] or start <= w[0] < end or (
                w[2] in self.events and
                0 <= w[0] - end <= 30 and not re.search(r"[,;:—–(]|\b(?:which|that|who)\b", self.text[end:w[0]]))

        mine = []
        for d in self.in_span(s, e):
            if any(a <= d.start < b for a, b in apart):
                continue  # "canceled the agreements after the army took power in July 2023"
            if not d.value or (event == "announced" and d.ahead) or (d.forward and d.start >= end):
                continue  # "will sign next week, they said on Friday": announced on Friday
            if d.ahead and self.published is not None and event not in ("announced", "entered_into_force",
                                                                         "negotiating"):
                continue  # "the council will convene Tuesday after Ankara invoked Article 4": a done act
            w = self.owner(d, words)
            if d.forward and (w is None or not (of_trigger(w) or w[2] == event)):
                continue  # "two days after Peru announced it would quit": the announcement's only
            if w is None or of_trigger(w) or w[2] == event or (w[2] in self.weak and event not in self.weak):
                mine.append(d)
        reporting = self.data.get("reporting")
        if event != "announced" and reporting is not None and len(mine) > 1:
            # "Qatar said on Thursday it had signed … on Wednesday": the saying's date goes
            said = [d for d in mine if d.start < start and reporting.search(self.text[max(s, d.start - 40):d.start])]
            rest = [d for d in mine if d not in said]
            if any(d.start >= end and not re.search(r"[,;:—–(]", self.text[end:d.start]) for d in rest):
                # (only for a date in the event's own phrase after it: "…, the latest step since
                # the crisis erupted in June" dates no signing)
                mine = rest
        if not mine:
            return None
        best = min(mine, key=lambda d: (self._distance(d, start, end), -len(d.value)))
        return best.value

    def note(self, s: int, e: int, clusters, apart=()) -> None:
        """Remember the events the sentence ``text[s:e]`` dates, for the agreements
        ``clusters`` it is about (not by a date in ``apart``, clauses of other acts)."""
        self.sentence += 1
        self.starts[s] = self.sentence
        if len(self.text[s:e].split()) >= 8 and re.search(r"[.!?\"”]\s*$", self.text[s:e]):
            self.body[s] = len(self.body)  # a sentence of the story, not a header or caption line
        dates = [d for d in self.in_span(s, e) if d.value and not any(a <= d.start < b for a, b in apart)]
        if not dates:
            return
        words = self.words(s, e)
        for d in dates:
            w = self.owner(d, words)
            if w is not None and not (d.ahead and (w[2] == "announced" or self.published is not None) and w[2] not in (
                    "entered_into_force", "negotiating")):
                self.facts.append(Fact(w[2], d.value, self.sentence, tuple(clusters)))

    def fallback(self, event: str, cluster, sites: list[tuple[int, int, int, int]], taken=frozenset()) -> str | None:
        """The date of an event its own sentences do not date. ``sites``: (sentence start,
        sentence end, trigger start, trigger end) of each report of it; ``taken``: the
        starts of sentences that date another act of the same kind on the agreement."""
        others = {self.starts[s] for s in taken if s in self.starts}
        facts = [f for f in self.facts if f.sentence not in others]
        for fact in facts:
            if fact.kind == event and any(c is cluster for c in fact.clusters):
                return fact.value
        # the same parties' agreement under a name this one was not given ("a pact with
        # Australia" … "the two reached a broad agreement on the RAA in November 2020")
        for fact in facts:
            if fact.kind == event and any(_unnamed_same(c, cluster) for c in fact.clusters):
                return fact.value
        # a sentence about no agreement yet, next to a report of the event ("The deal was
        # struck last Friday. The text, initialled by the ministers, …")
        near = {self.starts[s] for s, _, _, _ in sites if s in self.starts}
        for fact in self.facts:
            if fact.kind == event and not fact.clusters and any(abs(fact.sentence - i) <= 2 for i in near):
                return fact.value
        # told in the story's first paragraphs, not as background: the news the lead
        # dates ("met in Niamey on Monday … The parties signed documents …")
        story = self.story_date()
        if story and event != "mentioned":
            for s, e, _, _ in sites:
                if self.body.get(s, 99) < _STORY_SENTENCES and not self.data["background"].search(self.text[s:e]):
                    return story
        return None

    def story_date(self) -> str | None:
        """The day the lead gives the news: the first day-precise date of the story's
        first sentences, within a week before publication."""
        if self.published is None:
            return None
        firsts = {s for s, i in self.body.items() if i < _LEAD_SENTENCES}
        for d in self.dates:
            sentence = max((s for s in self.starts if s <= d.start), default=None)
            if sentence not in firsts or not d.value or len(d.value) != 10 or d.forward:
                continue
            age = (self.published - dt.date.fromisoformat(d.value)).days
            if 0 <= age <= 7:
                return d.value
        # a lead that dates nothing: the dateline's day ("YEREVAN, OCTOBER 5, ARMENPRESS. The
        # Parliament of Armenia ratified …"), a header that is a place then its date
        for d in self.headers:
            line = self.text[self.text.rfind("\n", 0, d.start) + 1:d.start]
            if d.value and len(d.value) == 10 and _DATELINE.match(line) and len(line) < 40 and \
                    0 <= (self.published - dt.date.fromisoformat(d.value)).days <= 7:
                return d.value
        return None
