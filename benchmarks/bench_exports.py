"""The directed dyad-year export of 1816-2018 from imported ATOP 5.1, beside pandas and the file write.

Imports ATOP from ../shared into a temporary store; skips with a message when the
files are absent. The pandas reference below is the straightforward way to build
the same table (merge memberships with memberships and obligations, test who is
an obligor row by row, list each span's years and explode, group); the run checks
that it gives the same table before timing anything.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from common import timed

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ATOP = SHARED / "data" / "atop-5.1"
START, END = 1816, 2018
KINDS = {"defense": "atop_defense", "offense": "atop_offense", "neutrality": "atop_neutral",
         "nonaggression": "atop_nonagg", "consultation": "atop_consul"}
OPEN = dt.date(9999, 12, 31)


def pandas_dyad_years(rows, registry, start: int = START, end: int = END):
    """The directed any-day table, written plainly with pandas (ATOP has no suspensions, so none here)."""
    import pandas as pd

    treaties = pd.DataFrame(rows["treaties"])[["treaty_key", "in_force", "ended"]]
    treaties = treaties[treaties["in_force"].notna()]
    treaties["ended"] = treaties["ended"].fillna(OPEN)
    members = pd.DataFrame(rows["memberships"])[["treaty_key", "state_id", "valid_from", "valid_to"]]
    members = members.merge(treaties, on="treaty_key")
    members["start"] = members.apply(lambda r: max(r["valid_from"] or r["in_force"], r["in_force"]), axis=1)
    members["end"] = members.apply(lambda r: min(r["valid_to"] or OPEN, r["ended"]), axis=1)
    members = members[members["start"] < members["end"]]
    obligations = pd.DataFrame(rows["obligations"])
    obligations = obligations[obligations["kind"].isin(list(KINDS))].merge(treaties, on="treaty_key")
    obligations["o_start"] = obligations.apply(lambda r: max(r["valid_from"] or r["in_force"], r["in_force"]), axis=1)
    obligations["o_end"] = obligations.apply(lambda r: min(r["valid_to"] or OPEN, r["ended"]), axis=1)

    a = members[["treaty_key", "state_id", "start", "end"]].rename(columns={"state_id": "a", "start": "a_start", "end": "a_end"})
    b = members[["treaty_key", "state_id", "start", "end"]].rename(columns={"state_id": "b", "start": "b_start", "end": "b_end"})
    pairs = a.merge(b, on="treaty_key")
    pairs = pairs[pairs["a"] != pairs["b"]]
    spans = pairs.merge(obligations[["treaty_key", "kind", "obligors", "beneficiaries", "o_start", "o_end"]],
                        on="treaty_key")
    spans["d_start"] = spans[["a_start", "b_start", "o_start"]].max(axis=1)
    spans["d_end"] = spans[["a_end", "b_end", "o_end"]].min(axis=1)
    spans = spans[spans["d_start"] < spans["d_end"]].copy()
    spans["pledge"] = spans.apply(
        lambda r: (r["obligors"] == "members" or r["a"] in r["obligors"])
        and (r["beneficiaries"] == "members" or r["b"] in r["beneficiaries"]),
        axis=1,
    )
    spans["year"] = spans.apply(
        lambda r: list(range(max(r["d_start"].year, start),
                             min((r["d_end"] - dt.timedelta(days=1)).year, end) + 1)),
        axis=1,
    )
    years = spans.explode("year").dropna(subset=["year"])
    for kind, column in KINDS.items():
        years[column] = (years["pledge"] & (years["kind"] == kind)).astype("int8")
    table = years.groupby(["a", "b", "year"], as_index=False).agg(
        {**{column: "max" for column in KINDS.values()}, "treaty_key": lambda keys: ";".join(sorted(set(keys)))}
    )
    cow = {state.id: state.cow for state in registry.all()}
    table["ccode1"] = table["a"].map(cow)
    table["ccode2"] = table["b"].map(cow)
    table = table.rename(columns={"treaty_key": "treaties"})
    return table[["ccode1", "ccode2", "year", *KINDS.values(), "treaties"]].sort_values(
        ["ccode1", "ccode2", "year"]).reset_index(drop=True)


def run() -> list[str]:
    title = "## Export: directed dyad-years 1816–2018 from imported ATOP 5.1"
    if not (ATOP / "atop5_1m.csv").exists():
        message = f"skipped: ATOP 5.1 files not found under {ATOP}"
        print(message)
        return [title, "", message, ""]
    import polars as pl

    from casus.exports import dyad_years
    from casus.exports.dyads import frames_from_rows, treaty_origins
    from casus.imports.atop import import_atop
    from casus.states import default_registry
    from casus.store import Store

    registry = default_registry()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "atop.sqlite", seed=False)
        imported, _ = timed(lambda: import_atop(store, ATOP / "atop5_1m.csv", ATOP / "atop5_1a.csv"), repeat=1)
        table = dyad_years(store, START, END, source="atop").frame
        rows = store.rows()
        reference = pandas_dyad_years(rows, registry)
        # Column by column (pl.from_pandas would need pyarrow for the object columns).
        same = pl.DataFrame({column: reference[column].tolist() for column in reference.columns}).cast(
            {"ccode1": pl.Int32, "ccode2": pl.Int32, "year": pl.Int32, **{c: pl.Int8 for c in KINDS.values()}}
        )
        assert table.drop("source").equals(same), "the pandas reference gives another table"

        export, export_best = timed(lambda: dyad_years(store, START, END, source="atop"), repeat=5)
        read, _ = timed(store.rows, repeat=5)
        origins = treaty_origins(store)
        inputs = frames_from_rows(rows, origins, ["atop"], registry)
        from casus.exports.dyads import Coverage, build_table

        coverage = (Coverage("atop", dt.date(1815, 1, 3), dt.date(2018, 12, 31), False),)
        compute, _ = timed(lambda: build_table(inputs, START, END, directed=True, coverage=coverage,
                                               all_dyads=False, year_rule="any-day", registry=registry), repeat=5)
        panda, panda_best = timed(lambda: pandas_dyad_years(store.rows(), registry), repeat=3)
        csv_file, parquet_file = Path(folder) / "out.csv", Path(folder) / "out.parquet"
        write_csv, _ = timed(lambda: table.write_csv(csv_file), repeat=5)
        write_parquet, _ = timed(lambda: table.write_parquet(parquet_file), repeat=5)
        undirected, _ = timed(lambda: dyad_years(store, START, END, source="atop", directed=False), repeat=3)
        every, _ = timed(lambda: dyad_years(store, START, END, source="atop", all_dyads=True), repeat=3)
        every_rows = dyad_years(store, START, END, source="atop", all_dyads=True).frame.height
        store.close()
    return [
        title,
        "",
        f"{table.height:,} rows. Both implementations start from the same store and give the same table "
        "(checked before timing). The pandas reference is `pandas_dyad_years` in this file.",
        "",
        "| step | median |",
        "|---|---|",
        f"| import ATOP 5.1 into a new store (once) | {imported * 1000:.0f} ms |",
        f"| **casus `dyad_years`** (read the store + build the table) | **{export * 1000:.0f} ms** "
        f"(best {export_best * 1000:.0f} ms) |",
        f"| of which: read the store's rows | {read * 1000:.0f} ms |",
        f"| of which: build the table with Polars | {compute * 1000:.0f} ms |",
        f"| pandas reference (read the store + build the same table) | {panda * 1000:.0f} ms "
        f"(best {panda_best * 1000:.0f} ms) |",
        f"| **ratio pandas / casus** | **{panda / export:.1f}×** |",
        f"| write the table as CSV ({csv_file.name}) | {write_csv * 1000:.0f} ms |",
        f"| write the table as Parquet | {write_parquet * 1000:.0f} ms |",
        f"| undirected export | {undirected * 1000:.0f} ms |",
        f"| `--all-dyads` export ({every_rows:,} rows) | {every * 1000:.0f} ms |",
        "",
    ]


if __name__ == "__main__":
    print("\n".join(run()))
