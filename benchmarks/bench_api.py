"""The HTTP API under load on loopback: requests per second and p50/p99 latency.

Starts `casus serve` (one process) on 127.0.0.1 on a fresh built-in store, waits
until it answers (the knowledge base is built and cached at start), then for
each endpoint runs one client alone (the cost of a request without queueing)
and then ``CLIENTS`` concurrent clients on keep-alive connections, each sending
its next request as soon as the last one is answered, for ``SECONDS`` or
``MAX_REQUESTS`` requests, whichever comes first.

The load comes from another process, so that it does not share the server's
interpreter: ``wrk`` (Debian package ``wrk``; one thread, written in C, so it
leaves the second core to the server) when it is on the PATH, else this file's
own asyncio client (``--client``, httpx2) in a child process. Both the client's
and the server's CPU time are reported: on 2 cores the two compete.

``--compare PYTHON`` also starts a server with another interpreter (e.g. the main
branch's virtual environment, ``/work/main/.venv/bin/python``) and loads the two
servers in turn, endpoint by endpoint, so that "before" and "after" see the same
machine load.

Only 127.0.0.1, bounded in time and count. Targets (issue 9): p99 <= 50 ms for a
state profile, <= 100 ms for a strict scenario, on the built-in store.

Usage: python benchmarks/bench_api.py [SECONDS] [--compare PYTHON]   (or through run_all.py)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CLIENTS = 50
SECONDS = float(os.environ.get("CASUS_BENCH_API_SECONDS", "30"))
ALONE_SECONDS = 3.0
MAX_REQUESTS = 100_000
HOST = "127.0.0.1"
DAY = "2025-01-01"
STATES = ["PRK", "EST", "JPN", "USA", "POL", "TWN", "UKR", "KOR", "FRA", "ARM", "BLR", "IRN"]
PAIRS = [("RUS", "EST"), ("CHN", "JPN"), ("PRK", "KOR"), ("RUS", "POL"), ("CHN", "PHL"), ("IRN", "SAU"),
         ("AZE", "ARM"), ("USA", "PRK"), ("RUS", "FIN"), ("TUR", "GRC")]
TARGETS = {"state profile": 50.0, "strict scenario": 100.0}
"""p99 targets in ms, for every run whose name starts with the key."""
DISTINCT = 20_000
"""Requests written out per run; a run that sends more starts over (only the "new date" runs care)."""


def _day(i: int) -> str:
    """A new date for request ``i`` (so its answer cannot be one the server kept)."""
    return (dt.date(2000, 1, 1) + dt.timedelta(days=i % 9000)).isoformat()


def _scenario(on: str, pair: tuple[str, str]) -> str:
    return json.dumps({"on": on, "mode": "strict", "acts": [{"attacker": pair[0], "target": pair[1]}]})


def endpoints():
    """(name, make) pairs; ``make(i)`` gives request ``i`` of a run as (method, path, JSON body or None).

    The "repeated" runs cycle through a dozen questions on one date, as users of a
    shared server ask the same ones, so after the first round they are answered
    from the answers the server keeps; the "new date" runs ask every request on
    another date, so each is computed (on the cached knowledge base).
    """
    return [
        ("state profile, repeated",
         lambda i: ("GET", f"/api/v1/states/{STATES[i % len(STATES)]}/profile?on={DAY}", None)),
        ("state profile, new date",
         lambda i: ("GET", f"/api/v1/states/{STATES[i % len(STATES)]}/profile?on={_day(i)}", None)),
        ("strict scenario, repeated", lambda i: ("POST", "/api/v1/scenario", _scenario(DAY, PAIRS[i % len(PAIRS)]))),
        ("strict scenario, new date",
         lambda i: ("POST", "/api/v1/scenario", _scenario(_day(i + 3000), PAIRS[i % len(PAIRS)]))),
        ("exposure page", lambda i: ("GET", f"/api/v1/exposure?on={DAY}&limit=100&offset={(i * 100) % 30000}", None)),
    ]


# -- the server ------------------------------------------------------------------------


@dataclass
class Server:
    label: str
    process: subprocess.Popen
    base: str

    def cpu_seconds(self) -> float:
        """User and system CPU time of the server process so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=30)
        if self.process.poll() is None:
            self.process.kill()


def start_server(python: str, store: Path, label: str) -> Server:
    environment = {**os.environ, "CASUS_TOKEN": "bench-token", "CASUS_DB": str(store)}
    process = subprocess.Popen(
        # No per-client rate limit: every client here is 127.0.0.1, one "client" to the limiter,
        # and the benchmark measures what the server can answer, not what the limiter lets through.
        [python, "-m", "casus.cli.main", "serve", "--host", HOST, "--port", "0", "--db", str(store),
         "--reads-per-second", "0", "--writes-per-second", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment,
    )
    line = process.stdout.readline()
    match = re.search(rf"http://{re.escape(HOST)}:\d+", line)
    if not match:
        process.kill()
        raise RuntimeError(f"casus serve ({python}) did not start: {line}{process.stdout.read()}")
    return Server(label, process, match.group(0))


# -- the load --------------------------------------------------------------------------


@dataclass
class Outcome:
    requests: int
    errors: int
    wall: float
    p50: float
    p99: float
    client_cpu: float
    server_cpu: float


def _lua_string(text: str) -> str:
    level = "=" * 3
    assert f"]{level}]" not in text
    return f"[{level}[{text}]{level}]"


def wrk_script(make, count: int) -> str:
    """A wrk script sending ``make(0..count-1)`` in turn and printing the outcome as JSON.

    No ``response`` callback: with one, wrk hands every body (up to 0.4 MB) to Lua.
    wrk stops at the run's time; ``MAX_REQUESTS`` bounds the Python client.
    """
    rows = []
    for i in range(count):
        method, path, body = make(i)
        rows.append(f"{{{_lua_string(method)},{_lua_string(path)},{_lua_string(body) if body else 'nil'}}}")
    return "\n".join([
        "local reqs = {", ",\n".join(rows), "}",
        # as a browser or httpx does: a server may answer gzipped
        'local get_headers = {["Accept-Encoding"] = "gzip"}',
        'local json_headers = {["Content-Type"] = "application/json", ["Accept-Encoding"] = "gzip"}',
        "local i = 0",
        "request = function()",
        "  i = i % #reqs + 1",
        "  local r = reqs[i]",
        "  if r[3] then return wrk.format(r[1], r[2], json_headers, r[3]) end",
        "  return wrk.format(r[1], r[2], get_headers)",
        "end",
        "done = function(summary, latency, requests)",
        "  local e = summary.errors",
        '  io.write(string.format(\'CASUS {"requests": %d, "micros": %d, "errors": %d, "p50": %d, "p99": %d}\\n\',',
        "    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,",
        "    latency:percentile(50), latency:percentile(99)))",
        "end",
    ])


def run_wrk(base: str, make, seconds: float, clients: int, folder: Path) -> dict:
    script = folder / "load.lua"
    script.write_text(wrk_script(make, DISTINCT))
    result = subprocess.run(["wrk", "-t1", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "30s",
                             "-s", str(script), base], capture_output=True, text=True, timeout=seconds + 120)
    line = next((x for x in result.stdout.splitlines() if x.startswith("CASUS ")), None)
    if line is None:
        raise RuntimeError(f"wrk failed: {result.stdout}{result.stderr}")
    out = json.loads(line.removeprefix("CASUS "))
    return {"requests": out["requests"], "errors": out["errors"], "wall": out["micros"] / 1e6,
            "p50": out["p50"] / 1000, "p99": out["p99"] / 1000}


def run_python_client(base: str, name: str, seconds: float, clients: int) -> dict:
    result = subprocess.run([sys.executable, __file__, "--client", base, name, str(seconds), str(clients)],
                            capture_output=True, text=True, timeout=seconds + 120)
    if result.returncode != 0:
        raise RuntimeError(f"the load client failed: {result.stderr}")
    return json.loads(result.stdout.splitlines()[-1])


def load(server: Server, name: str, make, seconds: float, clients: int, folder: Path) -> Outcome:
    children = os.times()
    server_before = server.cpu_seconds()
    if shutil.which("wrk"):
        out = run_wrk(server.base, make, seconds, clients, folder)
    else:
        out = run_python_client(server.base, name, seconds, clients)
    after = os.times()
    client_cpu = (after.children_user - children.children_user) + (after.children_system - children.children_system)
    return Outcome(out["requests"], out["errors"], out["wall"], out["p50"], out["p99"],
                   client_cpu / out["wall"], (server.cpu_seconds() - server_before) / out["wall"])


async def _python_load(base: str, make, seconds: float, clients: int) -> dict:
    """The fallback client: ``clients`` asyncio tasks on one httpx2 client (run in its own process)."""
    import httpx2

    latencies: list[float] = []
    errors = sent = 0
    limits = httpx2.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx2.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        deadline = time.perf_counter() + seconds

        async def one_client():
            nonlocal errors, sent
            while time.perf_counter() < deadline and sent < MAX_REQUESTS:
                method, path, body = make(sent % DISTINCT)
                sent += 1
                start = time.perf_counter()
                response = await client.request(method, path, content=body,
                                                headers={"Content-Type": "application/json"} if body else None)
                latencies.append((time.perf_counter() - start) * 1000)
                errors += response.status_code != 200

        began = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        wall = time.perf_counter() - began
    ordered = sorted(latencies)
    return {"requests": len(ordered), "errors": errors, "wall": wall,
            "p50": ordered[len(ordered) // 2], "p99": ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]}


def _warm(server: Server, make) -> None:
    """One request first: the first exposure of a day is computed here, not inside the timed run."""
    import urllib.request

    method, path, body = make(0)
    request = urllib.request.Request(server.base + path, data=body.encode() if body else None, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=300) as response:
        response.read()


# -- the report ------------------------------------------------------------------------


def run(seconds: float = SECONDS, compare: str | None = None) -> list[str]:
    client = "wrk (one thread)" if shutil.which("wrk") else "httpx2 (asyncio, in a child process)"
    servers_text = "this checkout" if compare is None else f"this checkout (after) and `{compare}` (before), in turn"
    lines = [
        "## HTTP API under load (loopback)",
        "",
        f"`casus serve` (one process) on {HOST}, built-in store, knowledge base cached: {servers_text}. "
        f"Load from {client} in its own process, keep-alive, accepting gzip as browsers and httpx do: "
        f"per endpoint one client alone for "
        f"{min(seconds, ALONE_SECONDS):.0f} s (the cost of a request without queueing), then {CLIENTS} "
        f"concurrent clients for {seconds:.0f} s; date {DAY}. "
        "CPU: cores' worth busy during the run (1.0 = one core).",
        "",
        "| endpoint | server | clients | requests | errors | requests/s | p50 | p99 | target p99 | server CPU "
        "| client CPU |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        servers: list[Server] = []
        try:
            servers.append(start_server(sys.executable, folder / "after.sqlite", "after" if compare else "this"))
            if compare:
                servers.append(start_server(compare, folder / "before.sqlite", "before"))
            for name, make in endpoints():
                for server in servers:
                    _warm(server, make)
                for clients, span in ((1, min(seconds, ALONE_SECONDS)), (CLIENTS, seconds)):
                    # before first, then after: each pair of rows sees the same minutes of machine load
                    for server in reversed(servers):
                        out = load(server, name, make, span, clients, folder)
                        target = next((t for k, t in TARGETS.items() if name.startswith(k)), None) \
                            if clients == CLIENTS else None
                        verdict = "" if target is None else \
                            f"{target:.0f} ms ({'met' if out.p99 <= target else 'missed'})"
                        lines.append(f"| {name} | {server.label} | {clients} | {out.requests:,} | {out.errors} | "
                                     f"{out.requests / out.wall:,.0f} | {out.p50:.1f} ms | {out.p99:.1f} ms | "
                                     f"{verdict} | {out.server_cpu:.2f} | {out.client_cpu:.2f} |")
                        print(lines[-1], flush=True)
        finally:
            for server in servers:
                server.stop()
    load_average = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines += ["", f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; load average after the run {load_average} "
              f"on {os.cpu_count()} cores (on a shared machine other work competes with the server and the clients).",
              ""]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seconds", nargs="?", type=float, default=SECONDS)
    parser.add_argument("--compare", metavar="PYTHON", help="also load a server run by this interpreter (before)")
    parser.add_argument("--client", nargs=4, metavar=("BASE", "ENDPOINT", "SECONDS", "CLIENTS"),
                        help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.client:
        base, name, seconds, clients = options.client
        make = dict(endpoints())[name]
        print(json.dumps(asyncio.run(_python_load(base, make, float(seconds), int(clients)))))
        return
    sys.path.insert(0, str(Path(__file__).parent))
    from common import RESULTS, machine

    report = [f"Machine: {machine()}.", "", *run(options.seconds, options.compare)]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "api.md").write_text("\n".join(report))
    print("\n".join(report))


if __name__ == "__main__":
    main()
