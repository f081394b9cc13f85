"""The directed dyad-year export of imported ATOP 5.1 against ATOP's own directed dyad-year file.

Uses the real files in ../shared/data/atop-5.1 and skips when they are absent.
Every differing row is put in one of the classes docs/exports.md explains, and
the count of each class is asserted: a new kind of difference fails the test.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ATOP = SHARED / "data" / "atop-5.1"
KINDS = ["defense", "offense", "neutral", "nonagg", "consul"]

pytestmark = pytest.mark.skipif(
    not (ATOP / "atop5_1ddyr.csv").exists(), reason=f"ATOP 5.1 files not found under {ATOP}"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from casus.imports.atop import import_atop
    from casus.store import Store

    store = Store.open(tmp_path_factory.mktemp("atop") / "atop.sqlite", seed=False)
    import_atop(store, ATOP / "atop5_1m.csv", ATOP / "atop5_1a.csv")
    yield store
    store.close()


@pytest.fixture(scope="module")
def reference():
    ddyr = pl.read_csv(ATOP / "atop5_1ddyr.csv", infer_schema_length=0)
    ids = [f"atopid{i}" for i in range(1, 10)]
    assert ddyr.height == 273_296
    assert (ddyr["ddyad"].cast(pl.Int64) == ddyr["stateA"].cast(pl.Int64) * 1000 + ddyr["stateB"].cast(pl.Int64)).all()
    return ddyr.select(
        pl.col("stateA").cast(pl.Int32).alias("ccode1"), pl.col("stateB").cast(pl.Int32).alias("ccode2"),
        pl.col("year").cast(pl.Int32), *[pl.col(k).cast(pl.Int8) for k in KINDS],
        pl.concat_list([pl.col(c).cast(pl.Int64, strict=False) for c in ids]).list.drop_nulls().alias("atopids"),
    )


@pytest.fixture(scope="module")
def members():
    return pl.read_csv(ATOP / "atop5_1m.csv", infer_schema_length=0).select(
        [pl.col(c).cast(pl.Int64, strict=False) for c in ("atopid", "member", "phase", "asymm")]
    )


def compare(store, reference, members, year_rule):
    """Each differing row of the export against ATOP's ddyr, with the reason it differs."""
    from casus.exports import dyad_years

    ours = dyad_years(store, 1815, 2018, source="atop", year_rule=year_rule).frame.rename(
        {f"atop_{k}": f"{k}_casus" for k in KINDS}
    )
    joined = reference.join(ours, on=["ccode1", "ccode2", "year"], how="full", coalesce=True)
    differs = (
        pl.col("defense").is_null()
        | pl.col("defense_casus").is_null()
        | pl.any_horizontal([pl.col(k) != pl.col(f"{k}_casus") for k in KINDS])
    )
    rows = joined.filter(differs)
    # Members ATOP lists twice in one phase of an alliance (left and came back):
    # both spans must be kept; a row here would mean one was lost.
    repeated = members.group_by("atopid", "phase", "member").len().filter(pl.col("len") > 1)
    repeated_states = set(repeated["member"].to_list())
    repeated_alliances = set(repeated["atopid"].to_list())
    asymmetric = set(members.filter(pl.col("asymm") == 1)["atopid"].to_list())

    def reason(row) -> str:
        ids = set(row["atopids"] or [])
        if (ids & repeated_alliances) and ({row["ccode1"], row["ccode2"]} & repeated_states):
            return "repeated member rows collapsed"
        if row["defense"] is None:
            return "only casus"
        if row["defense_casus"] is None:
            return "ends on 1 January" if year_rule == "any-day" else "only ATOP"
        casus_more = all(row[f"{k}_casus"] >= row[k] for k in KINDS)
        if casus_more and ids & asymmetric and year_rule == "atop":
            return "asymmetric: ddyr knows the beneficiaries"
        if casus_more and ids & asymmetric:
            return "asymmetric: ddyr knows the beneficiaries (or the year-end phase)"
        if casus_more:
            return "year-end phase"
        return "unexplained"

    counts: dict[str, int] = {}
    for row in rows.iter_rows(named=True):
        counts[reason(row)] = counts.get(reason(row), 0) + 1
    return ours.height, counts


def test_the_atop_rule_reproduces_atops_directed_dyad_years(store, reference, members):
    height, counts = compare(store, reference, members, "atop")
    assert counts == {"asymmetric: ddyr knows the beneficiaries": 346}
    assert height == 273_296


def test_the_any_day_rule_differs_only_where_documented(store, reference, members):
    _, counts = compare(store, reference, members, "any-day")
    assert counts == {
        "asymmetric: ddyr knows the beneficiaries (or the year-end phase)": 348,
        "ends on 1 January": 12,
        "year-end phase": 12,
    }
