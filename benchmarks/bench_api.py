"""The HTTP API under load on loopback: requests per second and p50/p99 latency.

Starts `casus serve` (one uvicorn process) on 127.0.0.1 on a fresh built-in
store, waits until it answers (the knowledge base is built and cached at
start), then for each endpoint runs ``CLIENTS`` concurrent clients, each sending
its next request as soon as the last one is answered, for ``SECONDS`` or
``MAX_REQUESTS`` requests, whichever comes first. The client is httpx2's async
client in this process; the server is stopped at the end whatever happens.

Only 127.0.0.1, bounded in time and count. Targets (issue 9): p99 <= 50 ms for a
state profile, <= 100 ms for a strict scenario, on the built-in store.

Usage: python benchmarks/bench_api.py [SECONDS]   (or through run_all.py)
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLIENTS = 50
SECONDS = float(os.environ.get("CASUS_BENCH_API_SECONDS", "10"))
MAX_REQUESTS = 20_000
HOST = "127.0.0.1"
DAY = "2025-01-01"
STATES = ["PRK", "EST", "JPN", "USA", "POL", "TWN", "UKR", "KOR", "FRA", "ARM", "BLR", "IRN"]
PAIRS = [("RUS", "EST"), ("CHN", "JPN"), ("PRK", "KOR"), ("RUS", "POL"), ("CHN", "PHL"), ("IRN", "SAU"),
         ("AZE", "ARM"), ("USA", "PRK"), ("RUS", "FIN"), ("TUR", "GRC")]
TARGETS = {"state profile": 50.0, "strict scenario": 100.0}
"""p99 targets in ms, for every run whose name starts with the key."""


def _day(i: int) -> str:
    """A new date for request ``i`` (so its answer cannot come from the server's answer cache)."""
    return (dt.date(2000, 1, 1) + dt.timedelta(days=i % 9000)).isoformat()


def endpoints():
    """(name, make) pairs; ``make(i)`` gives request ``i`` of a run as (method, path, body).

    The "repeated" runs cycle through a dozen questions on one date, as users of a
    shared server ask the same ones, so after the first round they are answered
    from the answer cache; the "new date" runs ask every request on another date,
    so each is computed (on the cached knowledge base).
    """
    return [
        ("state profile, repeated", lambda i: ("GET", f"/api/v1/states/{STATES[i % len(STATES)]}/profile?on={DAY}",
                                               None)),
        ("state profile, new date", lambda i: ("GET", f"/api/v1/states/{STATES[i % len(STATES)]}/profile"
                                               f"?on={_day(i)}", None)),
        ("strict scenario, repeated", lambda i: ("POST", "/api/v1/scenario", {
            "on": DAY, "mode": "strict",
            "acts": [{"attacker": PAIRS[i % len(PAIRS)][0], "target": PAIRS[i % len(PAIRS)][1]}]})),
        ("strict scenario, new date", lambda i: ("POST", "/api/v1/scenario", {
            "on": _day(i + 3000), "mode": "strict",
            "acts": [{"attacker": PAIRS[i % len(PAIRS)][0], "target": PAIRS[i % len(PAIRS)][1]}]})),
        ("exposure page", lambda i: ("GET", f"/api/v1/exposure?on={DAY}&limit=100&offset={(i * 100) % 30000}",
                                     None)),
    ]


def start_server(store: Path) -> tuple[subprocess.Popen, str]:
    environment = {**os.environ, "CASUS_TOKEN": "bench-token"}
    process = subprocess.Popen(
        # No per-client rate limit: every client here is 127.0.0.1, one "client" to the limiter,
        # and the benchmark measures what the server can answer, not what the limiter lets through.
        [sys.executable, "-m", "casus.cli.main", "serve", "--host", HOST, "--port", "0", "--db", str(store),
         "--reads-per-second", "0", "--writes-per-second", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment,
    )
    line = process.stdout.readline()
    match = re.search(rf"http://{re.escape(HOST)}:\d+", line)
    if not match:
        process.kill()
        raise RuntimeError(f"casus serve did not start: {line}{process.stdout.read()}")
    return process, match.group(0)


async def load(base: str, make, seconds: float, clients: int = CLIENTS) -> tuple[list[float], int, float]:
    """Latencies (ms) of every answered request, errors, and the wall time of the run."""
    import httpx2

    latencies: list[float] = []
    errors = 0
    sent = 0
    limits = httpx2.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx2.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        method, path, body = make(0)
        await client.request(method, path, json=body)  # warm: the first exposure of the day is computed here
        deadline = time.perf_counter() + seconds

        async def one_client():
            nonlocal errors, sent
            while time.perf_counter() < deadline and sent < MAX_REQUESTS:
                method, path, body = make(sent)
                sent += 1
                start = time.perf_counter()
                response = await client.request(method, path, json=body)
                latencies.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    errors += 1

        began = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        wall = time.perf_counter() - began
    return latencies, errors, wall


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(seconds: float = SECONDS) -> list[str]:
    from casus.store import Store

    lines = [
        "## HTTP API under load (loopback)",
        "",
        f"`casus serve` (one uvicorn process) on {HOST}, built-in store, knowledge base cached; "
        f"{CLIENTS} concurrent clients (httpx2, async, keep-alive, in the benchmark's process on the same "
        f"machine) per endpoint for {seconds:.0f} s or {MAX_REQUESTS:,} requests, after one client alone for "
        f"{min(seconds, 3.0):.0f} s (the cost of a request without queueing); date {DAY}.",
        "",
        "| endpoint | clients | requests | errors | requests/s | p50 | p99 | target p99 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "bench.sqlite"
        Store.open(store).close()
        process, base = start_server(store)
        try:
            for name, make in endpoints():
                # One client first: the cost of a request without queueing, under the same machine load.
                for clients, span in ((1, min(seconds, 3.0)), (CLIENTS, seconds)):
                    latencies, errors, wall = asyncio.run(load(base, make, span, clients))
                    target = next((t for k, t in TARGETS.items() if name.startswith(k)), None) \
                        if clients == CLIENTS else None
                    p99 = percentile(latencies, 0.99)
                    verdict = "" if target is None else f"{target:.0f} ms ({'met' if p99 <= target else 'missed'})"
                    lines.append(f"| {name} | {clients} | {len(latencies):,} | {errors} | "
                                 f"{len(latencies) / wall:,.0f} | {statistics.median(latencies):.1f} ms | "
                                 f"{p99:.1f} ms | {verdict} |")
                    print(lines[-1], flush=True)
        finally:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=30)
            if process.poll() is None:
                process.kill()
    load_average = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines += ["", f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; load average after the run {load_average} "
              f"on {os.cpu_count()} cores (a shared machine: other work competes with the server and the clients).",
              ""]
    return lines


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from common import RESULTS, machine

    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else SECONDS
    report = [f"Machine: {machine()}.", "", *run(seconds)]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "api.md").write_text("\n".join(report))
    print("\n".join(report))
