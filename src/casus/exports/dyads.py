"""Dyad-year tables of alliance pledges, in peacesciencer's column conventions.

One row per dyad (directed: ``ccode1`` pledges toward ``ccode2``; undirected: one
row per unordered pair, ``ccode1 < ccode2``) and year, with ATOP's five pledge
columns, the datasets the pledges come from and the treaties behind them. The
rules (which years count, which dyads appear, when a value is missing) are set
out in docs/exports.md; in short:

- a year counts when the duty is in force on any day of it (``year_rule="any-day"``),
  or as ATOP's own dyad-year file counts it (``year_rule="atop"``: the day a span
  ends counts, and within one treaty the year takes the pledges in force on the
  last day of the year the pair was allied);
- allied dyads only by default (co-parties of a treaty while one of its
  obligations is in force, as ATOP's ``atopally``); every pair of state-system
  members with ``all_dyads``;
- outside the coverage of every selected source a value is missing (null), never 0.

The table work is vectorised with Polars: memberships x memberships x obligations
are joined per treaty as intervals, intersected, then expanded to years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from casus.errors import InvalidArgumentError
from casus.kb.records import MEMBERS

PLEDGES = {  # casus obligation kind -> peacesciencer column
    "defense": "atop_defense",
    "offense": "atop_offense",
    "neutrality": "atop_neutral",
    "nonaggression": "atop_nonagg",
    "consultation": "atop_consul",
}
COLUMNS = ["ccode1", "ccode2", "year", *PLEDGES.values(), "source", "treaties"]
YEAR_RULES = ("any-day", "atop")
FIRST_YEAR, LAST_YEAR = 1815, 2100
_OPEN = dt.date(9999, 12, 31)  # an open end, beyond any year asked for
_ID = pl.String


@dataclass(frozen=True)
class Coverage:
    """The span a source claims to cover, and whether casus had to derive it."""

    source: str
    start: dt.date
    end: dt.date  # last day covered (inclusive)
    derived: bool

    def years(self) -> tuple[int, int]:
        return self.start.year, self.end.year

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "from": self.start.isoformat(), "to": self.end.isoformat(),
                "derived": self.derived}


@dataclass(frozen=True)
class DyadYears:
    """A dyad-year table and what it was built from."""

    frame: pl.DataFrame
    directed: bool
    sources: tuple[str, ...]
    coverage: tuple[Coverage, ...]
    year_rule: str
    all_dyads: bool
    notes: tuple[str, ...] = field(default=())
    start: int | None = None
    end: int | None = None


# -- entry point -----------------------------------------------------------------


def dyad_years(
    store,
    start: int,
    end: int,
    *,
    directed: bool = True,
    source: str | Iterable[str] = "all",
    all_dyads: bool = False,
    year_rule: str = "any-day",
    known_at: dt.datetime | None = None,
    registry=None,
    today: dt.date | None = None,
) -> DyadYears:
    """The dyad-year table of pledges for the years ``start``..``end`` (inclusive).

    ``source`` is ``"all"`` or one or more dataset ids of the store (``atop``,
    ``builtin``, …); ``known_at`` reads the store as known then. ``today`` ends the
    coverage of a source kept current (default: the last day asked about).
    """
    from casus.states import default_registry

    registry = registry or default_registry()
    _check_years(start, end)
    if year_rule not in YEAR_RULES:
        raise InvalidArgumentError(f"{year_rule!r} is not one of {', '.join(YEAR_RULES)}", field="year_rule")
    datasets = {row["id"]: row for row in store.datasets()}
    origins = treaty_origins(store)
    chosen = _choose_sources(source, datasets, origins)
    rows = store.rows(known_at)
    inputs = frames_from_rows(rows, origins, chosen, registry)
    today = today or dt.date(end, 12, 31)
    coverage = tuple(_coverage(name, datasets.get(name), inputs, today) for name in chosen)
    notes = tuple(
        f"{c.source}: no coverage recorded in the store; derived from its records as {c.start}..{c.end}"
        for c in coverage if c.derived
    )
    frame = build_table(
        inputs, start, end, directed=directed, coverage=coverage, all_dyads=all_dyads,
        year_rule=year_rule, registry=registry,
    )
    return DyadYears(frame, directed, chosen, coverage, year_rule, all_dyads, notes, start, end)


def _check_years(start: int, end: int) -> None:
    for name, year in (("start", start), ("end", end)):
        if not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
            raise InvalidArgumentError(f"{year!r} is not a year between {FIRST_YEAR} and {LAST_YEAR}", field=name)
    if start > end:
        raise InvalidArgumentError(f"the first year {start} is after the last year {end}", field="start")


def _choose_sources(source: str | Iterable[str], datasets: dict[str, Any], origins: dict[str, str]) -> tuple[str, ...]:
    """The dataset ids to read: ``all`` means every dataset that holds treaties."""
    holding = sorted(set(origins.values()))
    names = [source] if isinstance(source, str) else list(source)
    names = [part.strip() for name in names for part in name.split(",") if part.strip()]
    if not names or names == ["all"]:
        return tuple(holding)
    unknown = [name for name in names if name not in datasets]
    if unknown:
        known = ", ".join(["all", *sorted(datasets)])
        raise InvalidArgumentError(f"no dataset {unknown[0]!r} in the store (one of: {known})", field="source")
    return tuple(sorted(set(names)))


def treaty_origins(store) -> dict[str, str]:
    """Each treaty's dataset of origin: the dataset of its first recorded version.

    A user's edit of an ATOP or built-in record stays with the dataset the treaty
    came from (the edit itself is on record in the store's history).
    """
    return store.origins("treaties")


# -- from store rows to frames -----------------------------------------------------


@dataclass(frozen=True)
class Inputs:
    """The store's current records as frames, restricted to the chosen sources."""

    treaties: pl.DataFrame  # treaty (int), key, source, t_from, t_to
    memberships: pl.DataFrame  # treaty, state (COW code), m_from, m_to (clipped to the treaty)
    obligations: pl.DataFrame  # treaty, kind, obligors, beneficiaries (COW codes), o_from, o_to (clipped)
    suspensions: pl.DataFrame  # treaty, s_obligors, s_beneficiaries, s_from, s_to (legal effect only)


def frames_from_rows(
    rows: dict[str, list[dict[str, Any]]], origins: dict[str, str], sources: Iterable[str], registry
) -> Inputs:
    """Turn ``Store.rows()`` into frames of spans, each clipped to its treaty's life.

    States become COW codes and treaties integers here, so every later join and
    grouping is on integer keys.
    """
    cow = {state.id: state.cow for state in registry.all()}

    def members(value) -> list[int] | None:
        return None if value == MEMBERS or value is None else [cow[s] for s in value if s in cow]

    wanted = set(sources)
    treaty_rows = [r for r in rows.get("treaties", []) if origins.get(r["treaty_key"], r["dataset_id"]) in wanted]
    treaties = pl.DataFrame(
        {
            "treaty": list(range(len(treaty_rows))),
            "key": [r["treaty_key"] for r in treaty_rows],
            "source": [origins.get(r["treaty_key"], r["dataset_id"]) for r in treaty_rows],
            "t_from": [r["in_force"] for r in treaty_rows],
            "t_to": [r["ended"] for r in treaty_rows],
        },
        schema={"treaty": pl.Int32, "key": _ID, "source": _ID, "t_from": pl.Date, "t_to": pl.Date},
    ).filter(pl.col("t_from").is_not_null()).with_columns(pl.col("t_to").fill_null(_OPEN))
    keys = dict(zip(treaties["key"].to_list(), treaties["treaty"].to_list(), strict=True))

    membership_rows = [r for r in rows.get("memberships", []) if r["treaty_key"] in keys and r["state_id"] in cow]
    memberships = pl.DataFrame(
        {
            "treaty": [keys[r["treaty_key"]] for r in membership_rows],
            "state": [cow[r["state_id"]] for r in membership_rows],
            "m_from": [r["valid_from"] for r in membership_rows],
            "m_to": [r["valid_to"] for r in membership_rows],
        },
        schema={"treaty": pl.Int32, "state": pl.Int32, "m_from": pl.Date, "m_to": pl.Date},
    )
    memberships = _clip(memberships, treaties, "m_from", "m_to")

    obligation_rows = [r for r in rows.get("obligations", []) if r["treaty_key"] in keys and r["kind"] in PLEDGES]
    obligations = pl.DataFrame(
        {
            "treaty": [keys[r["treaty_key"]] for r in obligation_rows],
            "kind": [r["kind"] for r in obligation_rows],
            "obligors": [members(r["obligors"]) for r in obligation_rows],
            "beneficiaries": [members(r["beneficiaries"]) for r in obligation_rows],
            "o_from": [r["valid_from"] for r in obligation_rows],
            "o_to": [r["valid_to"] for r in obligation_rows],
        },
        schema={"treaty": pl.Int32, "kind": _ID, "obligors": pl.List(pl.Int32), "beneficiaries": pl.List(pl.Int32),
                "o_from": pl.Date, "o_to": pl.Date},
    )
    obligations = _clip(obligations, treaties, "o_from", "o_to")

    suspension_rows = [
        r for r in rows.get("suspensions", []) if r["treaty_key"] in keys and r["legal_effect"] == "suspended"
    ]
    suspensions = pl.DataFrame(
        {
            "treaty": [keys[r["treaty_key"]] for r in suspension_rows],
            "s_obligors": [members(r["obligors"]) for r in suspension_rows],
            "s_beneficiaries": [members(r["beneficiaries"]) for r in suspension_rows],
            "s_from": [r["valid_from"] for r in suspension_rows],
            "s_to": [r["valid_to"] for r in suspension_rows],
        },
        schema={"treaty": pl.Int32, "s_obligors": pl.List(pl.Int32), "s_beneficiaries": pl.List(pl.Int32),
                "s_from": pl.Date, "s_to": pl.Date},
    ).with_columns(pl.col("s_to").fill_null(_OPEN))
    return Inputs(treaties, memberships, obligations, suspensions)


def _clip(frame: pl.DataFrame, treaties: pl.DataFrame, start: str, end: str) -> pl.DataFrame:
    """A span within its treaty's life: a missing start is the entry into force, a missing end open."""
    return (
        frame.join(treaties.select("treaty", "t_from", "t_to"), on="treaty")
        .with_columns(
            pl.max_horizontal(pl.col(start).fill_null(pl.col("t_from")), "t_from").alias(start),
            pl.min_horizontal(pl.col(end).fill_null(_OPEN), "t_to").alias(end),
        )
        .filter(pl.col(start) < pl.col(end))
        .drop("t_from", "t_to")
    )


# -- coverage ----------------------------------------------------------------------


def _coverage(name: str, dataset: dict[str, Any] | None, inputs: Inputs, today: dt.date) -> Coverage:
    """The source's coverage from the datasets table; else derived from its records (and said so)."""
    declared_from = dataset.get("coverage_from") if dataset else None
    declared_to = dataset.get("coverage_to") if dataset else None
    if declared_from is not None and declared_to is not None:
        return Coverage(name, declared_from, declared_to, derived=False)
    treaties = inputs.treaties.filter(pl.col("source") == name)
    if treaties.is_empty():
        first = declared_from or today
        return Coverage(name, first, declared_to or first, derived=True)
    first = declared_from or treaties["t_from"].min()
    last_end = treaties["t_to"].max()
    # An open-ended record means the source speaks for today: it is kept current.
    last = declared_to or (today if last_end >= _OPEN else last_end - dt.timedelta(days=1))
    return Coverage(name, first, max(first, last), derived=True)


def covered_years(coverage: Iterable[Coverage], start: int, end: int) -> pl.DataFrame:
    """year -> whether some selected source covers it (a source covers a year it touches)."""
    years = list(range(start, end + 1))
    spans = [c.years() for c in coverage]
    return pl.DataFrame(
        {"year": years, "covered": [any(a <= y <= b for a, b in spans) for y in years]},
        schema={"year": pl.Int32, "covered": pl.Boolean},
    )


# -- the table ---------------------------------------------------------------------


def _years(start: str, end: str, first: int, last: int, year_rule: str) -> pl.Expr:
    """The years a span ``[start, end)`` touches, within ``first..last``.

    Under ``atop`` the end day counts, as in ATOP's dyad-year file: a span ending
    on 1 January counts in that year.
    """
    last_day = pl.col(end) if year_rule == "atop" else pl.col(end) - pl.duration(days=1)
    return pl.int_ranges(
        pl.max_horizontal(pl.col(start).dt.year(), pl.lit(first)),
        pl.min_horizontal(last_day.dt.year(), pl.lit(last)) + 1,
        dtype=pl.Int32,
    )


def pair_spans(inputs: Inputs) -> pl.DataFrame:
    """Every (treaty, A, B, obligation) whose three spans overlap: the interval join.

    Columns: treaty, a, b, kind, pledge (A is an obligor toward B and no
    suspension applies), d_from, d_to.
    """
    m = inputs.memberships
    pairs = (
        m.rename({"state": "a", "m_from": "a_from", "m_to": "a_to"})
        .join(m.rename({"state": "b", "m_from": "b_from", "m_to": "b_to"}), on="treaty")
        .filter(pl.col("a") != pl.col("b"))
        .with_columns(
            pl.max_horizontal("a_from", "b_from").alias("p_from"),
            pl.min_horizontal("a_to", "b_to").alias("p_to"),
        )
        .filter(pl.col("p_from") < pl.col("p_to"))
        .select("treaty", "a", "b", "p_from", "p_to")
    )
    spans = (
        pairs.join(inputs.obligations, on="treaty")
        .with_columns(
            pl.max_horizontal("p_from", "o_from").alias("d_from"),
            pl.min_horizontal("p_to", "o_to").alias("d_to"),
        )
        .filter(pl.col("d_from") < pl.col("d_to"))
        .with_columns(
            (
                (pl.col("obligors").is_null() | pl.col("obligors").list.contains(pl.col("a")))
                & (pl.col("beneficiaries").is_null() | pl.col("beneficiaries").list.contains(pl.col("b")))
            ).alias("pledge")
        )
        .select("treaty", "a", "b", "kind", "pledge", "d_from", "d_to")
    )
    if not inputs.suspensions.is_empty():
        spans = _lift_suspended(spans, inputs.suspensions)
    return spans


def _lift_suspended(spans: pl.DataFrame, suspensions: pl.DataFrame) -> pl.DataFrame:
    """Cut the spans a suspension with legal effect covers out of the pledges it covers.

    Suspensions are few (a handful of treaties), so the pledges they touch are cut
    in Python; the pair stays allied (the treaty binds them), the pledge lapses.
    """
    touched = spans.filter(pl.col("pledge")).join(suspensions, on="treaty", how="semi")
    if touched.is_empty():
        return spans
    by_treaty: dict[str, list[dict[str, Any]]] = {}
    for row in suspensions.iter_rows(named=True):
        by_treaty.setdefault(row["treaty"], []).append(row)
    keep, cut = [], []
    for row in touched.with_row_index("_row").iter_rows(named=True):
        pieces = [(row["d_from"], row["d_to"])]
        for s in by_treaty.get(row["treaty"], []):
            if (s["s_obligors"] is None or row["a"] in s["s_obligors"]) and (
                s["s_beneficiaries"] is None or row["b"] in s["s_beneficiaries"]
            ):
                pieces = [p for a, b in pieces for p in _minus((a, b), (s["s_from"], s["s_to"]))]
        for a, b in pieces:
            keep.append({**{k: row[k] for k in ("treaty", "a", "b", "kind")}, "pledge": True,
                         "d_from": a, "d_to": b})
        if pieces != [(row["d_from"], row["d_to"])]:
            # The pair is still allied over the whole span: keep it, without the pledge.
            cut.append({**{k: row[k] for k in ("treaty", "a", "b", "kind")}, "pledge": False,
                        "d_from": row["d_from"], "d_to": row["d_to"]})
    untouched = spans.join(touched.select("treaty", "a", "b", "kind", "d_from", "d_to"),
                           on=["treaty", "a", "b", "kind", "d_from", "d_to"], how="anti")
    added = pl.DataFrame(keep + cut, schema=spans.schema) if keep or cut else spans.clear()
    return pl.concat([untouched, added.select(spans.columns)])


def _minus(span: tuple[dt.date, dt.date], hole: tuple[dt.date, dt.date]) -> list[tuple[dt.date, dt.date]]:
    (a, b), (c, d) = span, hole
    if d <= a or b <= c:
        return [span]
    return [(x, y) for x, y in ((a, c), (d, b)) if x < y]


def treaty_dyad_years(inputs: Inputs, start: int, end: int, year_rule: str) -> pl.LazyFrame:
    """Directed allied dyad-years per treaty: treaty, a, b, year, bits.

    ``bits`` holds the five pledges A makes toward B under that treaty that year
    (bit i for the i-th kind of ``PLEDGES``). Spans with the same dates (the five
    kinds of one ATOP phase) are merged before the expansion to years.
    """
    bit = pl.lit(0, dtype=pl.Int32)
    for index, kind in enumerate(PLEDGES):
        bit = pl.when(pl.col("pledge") & (pl.col("kind") == kind)).then(pl.lit(1 << index, dtype=pl.Int32)).otherwise(bit)
    years = (
        pair_spans(inputs)
        .lazy()
        .with_columns(bit.alias("bits"))
        .group_by("treaty", "a", "b", "d_from", "d_to")
        .agg(pl.col("bits").bitwise_or())
        .with_columns(_years("d_from", "d_to", start, end, year_rule).alias("year"))
        .explode("year")
        .filter(pl.col("year").is_not_null())
    )
    if year_rule == "atop":
        # Within one treaty, a year takes the pledges in force on the last day of
        # the year the pair was allied under it (ATOP: the phase in force at year end).
        at = pl.min_horizontal("d_to", pl.date(pl.col("year"), 12, 31))
        years = years.with_columns(at.max().over("treaty", "a", "b", "year").alias("_last")).with_columns(
            pl.when(pl.col("_last") <= pl.col("d_to")).then(pl.col("bits")).otherwise(0).alias("bits")
        )
    return years.group_by("treaty", "a", "b", "year").agg(pl.col("bits").bitwise_or())


def build_table(
    inputs: Inputs,
    start: int,
    end: int,
    *,
    directed: bool,
    coverage: Iterable[Coverage],
    all_dyads: bool,
    year_rule: str,
    registry,
) -> pl.DataFrame:
    """The dyad-year frame with COW codes, coverage applied, sorted by ccode1, ccode2, year."""
    per_treaty = treaty_dyad_years(inputs, start, end, year_rule).rename({"a": "ccode1", "b": "ccode2"})
    if not directed:
        # A pledge in either direction counts: the pair's row ORs both directions.
        per_treaty = per_treaty.with_columns(
            pl.min_horizontal("ccode1", "ccode2").alias("ccode1"), pl.max_horizontal("ccode1", "ccode2").alias("ccode2")
        )
    allied = per_treaty.group_by("ccode1", "ccode2", "year").agg(
        pl.col("bits").bitwise_or(), pl.col("treaty").unique().alias("ids")
    ).collect()
    allied = _name_treaties(allied, inputs.treaties).lazy()
    pledge_columns = list(PLEDGES.values())
    allied = allied.with_columns(
        [((pl.col("bits") & (1 << index)) > 0).cast(pl.Int8).alias(column) for index, column in enumerate(pledge_columns)]
    ).drop("bits")
    table = allied
    if all_dyads:
        system = system_dyads(registry, start, end, directed).lazy()
        table = system.join(allied, on=["ccode1", "ccode2", "year"], how="full", coalesce=True)
        table = table.with_columns([pl.col(c).fill_null(0) for c in pledge_columns])
    table = table.join(covered_years(coverage, start, end).lazy(), on="year", how="left")
    # Outside every selected source's coverage a value is missing, never 0; a
    # pledge a source records there is still reported.
    table = table.with_columns(
        [pl.when(pl.col("covered") | (pl.col(c) == 1)).then(pl.col(c)).otherwise(None).alias(c)
         for c in pledge_columns]
    )
    return (
        table.select(
            pl.col("ccode1").cast(pl.Int32), pl.col("ccode2").cast(pl.Int32), pl.col("year").cast(pl.Int32),
            *[pl.col(c).cast(pl.Int8) for c in pledge_columns], "source", "treaties",
        )
        # One integer key sorts faster than three columns: ccode < 10,000, year < 10,000.
        .sort((pl.col("ccode1").cast(pl.Int64) * 10_000 + pl.col("ccode2")) * 10_000 + pl.col("year"))
        .collect()
    )


def _name_treaties(allied: pl.DataFrame, treaties: pl.DataFrame) -> pl.DataFrame:
    """Replace each row's treaty numbers by the sources and treaty keys, ";"-joined.

    Most dyad-years rest on one treaty and are named by a plain join; the others
    on a few recurring sets, named once per distinct set (in any order: names are
    sorted) and joined back.
    """
    names = treaties.select(pl.col("treaty").alias("one"), "source", pl.col("key").alias("treaties"))
    single = allied.filter(pl.col("ids").list.len() == 1)
    single = single.with_columns(pl.col("ids").list.first().alias("one")).join(names, on="one").drop("one", "ids")
    several = allied.filter(pl.col("ids").list.len() > 1)
    sets = several.select("ids").unique().with_row_index("_set")
    set_names = (
        sets.explode("ids")
        .join(names, left_on="ids", right_on="one")
        .group_by("_set")
        .agg(pl.col("source").unique().sort().str.join(";"), pl.col("treaties").sort().str.join(";"))
    )
    several = several.join(sets.join(set_names, on="_set"), on="ids").drop("ids", "_set")
    return pl.concat([single, several.select(single.columns)])


def system_dyads(registry, start: int, end: int, directed: bool) -> pl.DataFrame:
    """Every pair of state-system members in each year both belong to it (on any day of it)."""
    codes, years = [], []
    for state in registry.all():
        touched: set[int] = set()
        for span_from, span_to in state.spans:
            last = (span_to - dt.timedelta(days=1)).year if span_to else end
            touched.update(range(max(span_from.year, start), min(last, end) + 1))
        for year in sorted(touched):
            codes.append(state.cow)
            years.append(year)
    state_years = pl.DataFrame({"cow": codes, "year": years}, schema={"cow": pl.Int32, "year": pl.Int32})
    pairs = state_years.rename({"cow": "ccode1"}).join(state_years.rename({"cow": "ccode2"}), on="year")
    keep = pl.col("ccode1") != pl.col("ccode2") if directed else pl.col("ccode1") < pl.col("ccode2")
    return pairs.filter(keep).select("ccode1", "ccode2", "year")
