"""The engine: one scenario, a full exposure, and how both grow with the number of treaties."""

from __future__ import annotations

import datetime as dt

from common import builtin_knowledge_base, timed
from synthetic import synthetic

DAY = dt.date(2025, 1, 1)


def run() -> list[str]:
    from casus.engine import Engine, Report, build_scenario
    from casus.engine.views import Exposure

    builtin = builtin_knowledge_base()
    strict = build_scenario(builtin.registry, DAY, [{"attacker": "RUS", "target": "EST"}], "strict")
    escalation = build_scenario(builtin.registry, DAY, [{"attacker": "RUS", "target": "EST"}], "escalation")
    rows = []
    for factor in (1, 10, 100):
        kb = builtin if factor == 1 else synthetic(builtin, factor, DAY)
        engine = Engine(kb)
        engine.run(strict)  # warm the per-date caches once, as a server answering many scenarios would
        warm, _ = timed(lambda: Report(engine.run(strict), kb.registry).to_json(), repeat=20)
        cold, _ = timed(lambda: Report(Engine(kb).run(strict), kb.registry).to_json(), repeat=5)
        chain, _ = timed(lambda: Report(Engine(kb).run(escalation), kb.registry).to_json(), repeat=3)
        exposure, _ = timed(lambda: sum(1 for _ in Exposure(kb, DAY).rows()), repeat=3)
        view = Exposure(kb, DAY)
        frame_time, _ = timed(view.frame, repeat=3)
        rows.append((factor, len(kb.treaties), warm, cold, chain, exposure, frame_time, view))
    base = rows[0]
    pairs = sum(1 for _ in base[7].rows())
    lines = [
        "## Engine: one scenario, full exposure, growth with the number of treaties",
        "",
        f"`RUS attacks EST` on {DAY}; exposure = every ordered pair of the {len(base[7].states)} states existing "
        f"that day ({pairs} pairs). Synthetic bases copy each treaty in force with its parties mapped onto a "
        "random permutation of the states (benchmarks/synthetic.py).",
        "",
        "| base | treaties | scenario, warm | scenario, cold | escalation | exposure (all pairs) | exposure as a Polars frame |",
        "|---|---|---|---|---|---|---|",
    ]
    for factor, treaties, warm, cold, chain, exposure, frame_time, _ in rows:
        lines.append(
            f"| {factor}× | {treaties} | {warm * 1000:.2f} ms | {cold * 1000:.1f} ms | {chain * 1000:.0f} ms | "
            f"{exposure * 1000:.0f} ms | {frame_time * 1000:.0f} ms |"
        )
    lines += [
        "",
        "Growth relative to the built-in base (same run): "
        + "; ".join(
            f"{factor}×: scenario (cold) ×{cold / base[3]:.1f}, exposure ×{exposure / base[5]:.1f}"
            for factor, _, _, cold, _, exposure, _, _ in rows[1:]
        ),
        "",
        "Targets: one scenario under 5 ms; a full exposure under 1 s on one core.",
        "",
    ]
    return lines
