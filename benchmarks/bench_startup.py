"""Start-up: `casus state PRK --json` and `casus scenario "RUS attacks EST" --json` as processes.

Each command runs as a new process, as a user runs it: interpreter start, imports,
opening (or not opening) the store, the answer. Targets: 0.35 s and 0.6 s.

Side by side: set ``CASUS_BENCH_BASELINE`` to another casus's virtual environment
(e.g. the main branch's ``.venv``) and both are timed in the same run, alternately,
each on its own store in a temporary folder, so that a noisy machine slows both
alike; the ratio is what to read. Bytecode is cached (in a temporary
``PYTHONPYCACHEPREFIX``) as it is for an installed package, and the first runs,
which create the store (and, here, its snapshot), are not timed.

Usage: python benchmarks/bench_startup.py   (also part of run_all.py)
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = {
    "state": ["state", "PRK", "--json"],
    "scenario": ["scenario", "RUS attacks EST", "--json"],
}
TARGETS = {"state": 0.35, "scenario": 0.6}
RUNS = 9
FLOOR = {
    "`python -c pass`": "pass",
    "`import typer`": "import typer",
    "`import pydantic`": "import pydantic",
    "`from pydantic import BaseModel`": "from pydantic import BaseModel",
    "`import rich.console`": "import rich.console",
    "`import sqlalchemy`": "import sqlalchemy",
}
"""What an interpreter of this casus's venv costs before casus does anything: the floor."""


def _program(venv: Path) -> list[str]:
    return [str(venv / "bin" / "casus")]


def _once(program: list[str], args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(program + args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def floor(venv: Path, env: dict[str, str], runs: int = RUNS) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) of each ``FLOOR`` snippet run by the venv's python."""
    python = [str(venv / "bin" / "python"), "-c"]
    for code in FLOOR.values():
        _once(python, [code], env)  # cache the bytecode
    times = {label: [_once(python, [code], env) for _ in range(runs)] for label, code in FLOOR.items()}
    return {label: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
            for label, values in times.items()}


def measure(venvs: dict[str, Path], runs: int = RUNS) -> dict[tuple[str, str], tuple[float, float]]:
    """Median (wall, CPU) per (casus, command), runs alternating between the casus installs."""
    times: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        envs = {}
        for name in venvs:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            env["CASUS_DB"] = str(Path(folder) / f"{name}.sqlite")
            env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / f"pycache-{name}")
            env["COLUMNS"] = "80"
            envs[name] = env
        for name, venv in venvs.items():  # create the store, cache bytecode, save a snapshot
            for args in COMMANDS.values():
                for _ in range(2):
                    _once(_program(venv), args, envs[name])
        for _ in range(runs):
            for command, args in COMMANDS.items():
                for name, venv in venvs.items():
                    times.setdefault((name, command), []).append(_once(_program(venv), args, envs[name]))
        figures = {key: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
                   for key, values in times.items()}
        mine = "this casus"
        figures.update({("floor", label): value for label, value in floor(venvs[mine], envs[mine], runs).items()})
    return figures


def run() -> list[str]:
    here = Path(sys.executable).parent.parent
    venvs = {"this casus": here}
    baseline = os.environ.get("CASUS_BENCH_BASELINE")
    if baseline:
        venvs = {"baseline": Path(baseline), **venvs}
    results = measure(venvs)
    lines = [
        "## Start-up: one command as a process",
        "",
        f"Median of {RUNS} runs each, alternating"
        + (" with the baseline (`CASUS_BENCH_BASELINE`, another casus's venv, on its own store)" if baseline else "")
        + "; the store exists and nothing changed since the previous command. Wall time, then CPU time "
          "(user + system) in brackets: on a loaded machine the wall time waits for a core.",
        "",
        "| command | " + " | ".join(venvs) + (" | ratio baseline / this (wall, CPU)" if baseline else "") + " | target |",
        "|---|" + "---|" * len(venvs) + ("---|" if baseline else "") + "---|",
    ]
    for command, args in COMMANDS.items():
        cells = [f"{results[(name, command)][0] * 1000:.0f} ms ({results[(name, command)][1] * 1000:.0f} ms)"
                 for name in venvs]
        row = f"| `casus {' '.join(repr(a) if ' ' in a else a for a in args)}` | " + " | ".join(cells)
        if baseline:
            base, mine = results[("baseline", command)], results[("this casus", command)]
            row += f" | {base[0] / mine[0]:.1f}×, {base[1] / mine[1]:.1f}×"
        lines.append(row + f" | {TARGETS[command] * 1000:.0f} ms |")
    lines += [
        "",
        f"The floor, in the same run (this casus's venv, median of {RUNS}): what the interpreter and the "
        "libraries cost before casus does anything, and how far above `python -c pass` each command is.",
        "",
        "| the floor | wall | CPU |",
        "|---|---|---|",
    ]
    for label in FLOOR:
        wall, cpu = results[("floor", label)]
        lines.append(f"| {label} | {wall * 1000:.0f} ms | {cpu * 1000:.0f} ms |")
    base_wall, base_cpu = results[("floor", "`python -c pass`")]
    for command, args in COMMANDS.items():
        wall, cpu = results[("this casus", command)]
        lines.append(f"| `casus {' '.join(repr(a) if ' ' in a else a for a in args)}` above `pass` "
                     f"| +{(wall - base_wall) * 1000:.0f} ms | +{(cpu - base_cpu) * 1000:.0f} ms |")
    lines.append("")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
