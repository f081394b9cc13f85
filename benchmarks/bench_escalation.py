"""Escalation on the 10x synthetic base: the chain reaction of `RUS attacks EST` until nothing changes.

A round fires each duty once per target (and once per attacker), not once per act: the
dozens of counter-strikes an entering alliance makes on the same enemy share one look at
each duty (``Engine._fire_round``). Target: the whole escalation, report included, within
2 s on the 10x base (333 treaties); it took 25-34 s when every act re-fired every duty.
"""

from __future__ import annotations

import datetime as dt

from common import builtin_knowledge_base, timed
from synthetic import synthetic

DAY = dt.date(2025, 1, 1)


def run() -> list[str]:
    from casus.engine import Engine, Report, build_scenario

    builtin = builtin_knowledge_base()
    escalation = build_scenario(builtin.registry, DAY, [{"attacker": "RUS", "target": "EST"}], "escalation")
    strict = build_scenario(builtin.registry, DAY, [{"attacker": "RUS", "target": "EST"}], "strict")
    lines = [
        "## Escalation: `RUS attacks EST` until nothing changes",
        "",
        "Cold engine (no per-date caches), gazetteer loaded; the report is the JSON of docs/engine.md.",
        "",
        "| base | treaties | rounds | acts fired | participants | engine | report | total |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for factor in (1, 10):
        kb = builtin if factor == 1 else synthetic(builtin, factor, DAY)
        Engine(kb).run(strict)  # load the gazetteer once, outside the timing
        outcome = Engine(kb).run(escalation)
        engine_time, _ = timed(lambda: Engine(kb).run(escalation), repeat=3)
        report_time, _ = timed(lambda: Report(outcome, kb.registry).to_json(), repeat=3)
        lines.append(
            f"| {factor}× | {len(kb.treaties)} | {outcome.rounds} | {len(outcome.acts)} | {len(outcome.participants)} "
            f"| {engine_time * 1000:.0f} ms | {report_time * 1000:.0f} ms | {(engine_time + report_time) * 1000:.0f} ms |"
        )
    lines += ["", "Target: 10× within 2 s.", ""]
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
