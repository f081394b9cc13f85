"""Escalation on the 10x synthetic base: the chain reaction of `RUS attacks EST` until nothing changes.

A round fires only its new acts, grouped by target and by attacker (one look at a
duty serves every act its conditions cannot tell apart); an earlier act is looked at
again only where the round changed its answer (``Engine._fire_round``), which
tests/engine/test_incremental.py checks against firing every act again. The
cyclic garbage collector is paused while the answer is built. Target: the whole
escalation, report included, within 2 s on the 10x base (333 treaties).

Side by side: with ``CASUS_BENCH_BASELINE`` set to another casus's virtual
environment (the main branch's ``.venv``), the same measurement runs in both,
alternately, each in its own process, and the table gives the ratio.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

DAY = dt.date(2025, 1, 1)
ROUNDS = 3


def measure(factor: int, repeat: int = 2) -> dict:
    """One process's figures for the ``factor``x base: engine and report times (best of ``repeat``), sizes."""
    import time

    sys.path.insert(0, str(Path(__file__).parent))
    from common import builtin_knowledge_base
    from synthetic import synthetic

    from casus.engine import Engine, Report, build_scenario

    builtin = builtin_knowledge_base()
    escalation = build_scenario(builtin.registry, DAY, [{"attacker": "RUS", "target": "EST"}], "escalation")
    strict = build_scenario(builtin.registry, DAY, [{"attacker": "RUS", "target": "EST"}], "strict")
    kb = builtin if factor == 1 else synthetic(builtin, factor, DAY)
    Engine(kb).run(strict)  # load the gazetteer once, outside the timing
    engine_times, report_times = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        outcome = Engine(kb).run(escalation)
        middle = time.perf_counter()
        Report(outcome, kb.registry).to_json()
        engine_times.append(middle - start)
        report_times.append(time.perf_counter() - middle)
    return {"treaties": len(kb.treaties), "rounds": outcome.rounds, "acts": len(outcome.acts),
            "participants": len(outcome.participants), "engine": min(engine_times), "report": min(report_times)}


def _in_process(python: str, factor: int) -> dict:
    done = subprocess.run([python, __file__, "--measure", str(factor)], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> list[str]:
    baseline = os.environ.get("CASUS_BENCH_BASELINE")
    pythons = {"this casus": sys.executable}
    if baseline:
        pythons = {"baseline": str(Path(baseline) / "bin" / "python"), **pythons}
    lines = [
        "## Escalation: `RUS attacks EST` until nothing changes (bench_escalation.py)",
        "",
        "Cold engine (no per-date caches), gazetteer loaded; the report is the JSON of docs/engine.md. "
        f"Each figure: median over {ROUNDS} processes (alternating"
        + (" with the baseline, `CASUS_BENCH_BASELINE`" if baseline else "") + ") of the best of 2 runs.",
        "",
        "| casus | base | treaties | rounds | acts fired | participants | engine | report | total |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    totals = {}
    for factor in (1, 10):
        figures: dict[str, list[dict]] = {name: [] for name in pythons}
        for _ in range(ROUNDS):
            for name, python in pythons.items():
                figures[name].append(_in_process(python, factor))
        for name, runs in figures.items():
            engine = statistics.median(r["engine"] for r in runs)
            report = statistics.median(r["report"] for r in runs)
            totals[(name, factor)] = engine + report
            first = runs[0]
            lines.append(
                f"| {name} | {factor}× | {first['treaties']} | {first['rounds']} | {first['acts']} "
                f"| {first['participants']} | {engine * 1000:.0f} ms | {report * 1000:.0f} ms "
                f"| {(engine + report) * 1000:.0f} ms |"
            )
    lines.append("")
    if baseline:
        lines.append("Ratio baseline / this casus (total): " + ", ".join(
            f"{factor}×: {totals[('baseline', factor)] / totals[('this casus', factor)]:.1f}×" for factor in (1, 10)))
        lines.append("")
    lines += ["Target: 10× within 2 s.", ""]
    return lines


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        print(json.dumps(measure(int(sys.argv[2]))))
    else:
        print("\n".join(run()))
