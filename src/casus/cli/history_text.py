"""Text for people from the payloads of ``casus replay --json`` and ``casus import cow-wars --json``."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from casus.cli.text import line, para, print_table

def _frame(console: Console) -> dict[str, Any]:
    """Box drawing on a terminal only: piped text is plain columns."""
    return {} if console.is_terminal else {"box": None}


PERIODS = (("overall", "overall"), ("1816-1944", "1816-1944"), ("1945-", "1945-"))


def _pct(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.1%}"


def _published(rates: dict[str, Any], period: str, kind: str | None = None) -> str:
    found = [
        f"{p['short']} {_pct(p['rate'])}"
        for p in rates["published"]
        if p["period"] == period and p.get("kind") == kind
    ]
    return "; ".join(found)


def replay(console: Console, payload: dict[str, Any]) -> None:
    rates = payload["rates"]
    judged = (f"wars judged on {payload['start_day']} of the start year" if payload["start_day"]
              else "wars judged act by act")
    table = Table(title=f"Alliance reliability ({judged})", title_justify="left", **_frame(console))
    table.add_column("", no_wrap=True)
    for column in ("Cases", "Kept", "Broken", "Rate"):
        table.add_column(column, justify="right")
    table.add_column("Published", overflow="fold")
    rows = [(label, rates[key], _published(rates, key)) for key, label in PERIODS]
    rows += [(kind, rates["by_kind"][kind], _published(rates, "overall", kind)) for kind in rates["by_kind"]]
    rows += [("per ally", rates["by_ally"], ""), ("incl. conditional", rates["with_conditional"], "")]
    for label, figures, published in rows:
        table.add_row(label, str(figures["opportunities"]), str(figures["honoured"]), str(figures["violated"]),
                      _pct(figures["rate"]), published)
    print_table(console, table)
    statuses = rates["statuses"]
    para(console, f"{statuses['applied']} applied, {statuses['conditional']} conditional, "
         f"{statuses['not_applicable']} not applicable (alliance, war, partner); "
         f"consultation pledges apply but cannot be judged from war data.", hang=0)
    shown = [r for r in payload["rows"] if r["status"] != "not_applicable" and r["kind"] != "consultation"]
    if not shown:
        return
    line(console, "Alliances that applied or were conditional (consultation left out):")
    for row in shown:
        kept = {True: "kept", False: "broken", None: "not judged"}[row["honoured"]]
        allies = " ".join(a["id"] for a in row["allies"])
        text = f"  war {row['war']} ({row['start_year']}) {row['treaty']['id']} to {row['partner']['id']}: "
        text += f"{row['kind']} "
        if row["status"] == "applied":
            text += f"applied, allies {allies}: {kept}" + (f" ({row['act']})" if row.get("act") else "")
        else:
            text += f"conditional ({', '.join(row['open'])}), allies {allies}"
        para(console, text, indent=0, hang=4)
    for skipped in payload["skipped"]:
        para(console, f"skipped war {skipped['war']}: {skipped['reason']}", hang=4)


def comparison(console: Console, payload: dict[str, Any]) -> None:
    """Agreement with an expert coding: the figures, the confusion table, then each row that differs."""
    para(console, f"{payload['cases']} alliance-wars: agreement {_pct(payload['agreement'])}, "
         f"Cohen's kappa {payload['kappa'] if payload['kappa'] is not None else '–'} (conditional counted as a miss)",
         hang=0)
    table = Table(title="Experts (rows) against casus (columns)", title_justify="left", **_frame(console))
    table.add_column("")
    for answer in ("yes", "no", "conditional"):
        table.add_column(f"casus {answer}", justify="right")
    for truth, counts in payload["confusion"].items():
        table.add_row(f"experts {truth}", *(str(counts[a]) for a in ("yes", "no", "conditional")))
    print_table(console, table)
    for row in payload["differ"]:
        console.print(
            f"  ATOP {row['atop_id']} in war {row['war']} {row['name']}: experts {row['expert']} "
            f"({row['expert_reason']}); casus {row['casus']}: {row['casus_reason']}",
            highlight=False, soft_wrap=True,
        )


def cow_wars_import(console: Console, payload: dict[str, Any]) -> None:
    if payload["unchanged"]:
        console.print(f"COW wars {payload['version']}: already imported, nothing changed", highlight=False)
        return
    console.print(
        f"COW wars {payload['version']}: {payload['wars']} wars, {payload['participants']} participants; "
        f"changes {payload['changes']}",
        highlight=False, soft_wrap=True,
    )
