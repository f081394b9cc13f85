"""Run every benchmark and write the results, with the machine they ran on.

Usage: python benchmarks/run_all.py   (or `make bench`)
Writes benchmarks/results/RESULTS.md. With CASUS_BENCH_BASELINE set to another casus's
virtual environment (e.g. the main branch's .venv), the start-up and escalation
benchmarks time both side by side and give the ratio.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import RESULTS, machine  # noqa: E402

BENCHMARKS = ["bench_startup", "bench_state_profiles", "bench_engine", "bench_escalation", "bench_exports", "bench_reader", "bench_api",
              "bench_store_load", "bench_batch"]


def main() -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Run on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; machine: {machine()}.",
        "Shared, noisy machines: compare ratios measured in the same run, not absolute times across runs.",
        "",
    ]
    for name in BENCHMARKS:
        print(f"running {name} …", flush=True)
        lines += importlib.import_module(name).run()
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "RESULTS.md"
    out.write_text("\n".join(lines))
    print("\n".join(lines))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
