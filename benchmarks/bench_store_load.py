"""Load on ``casus serve`` over loopback: reads, and writes under contention, on SQLite and PostgreSQL.

Bounded in count and time: ``CLIENTS`` threads, each with its own keep-alive
connection, send a fixed number of requests (and stop at ``TIME_CAP`` seconds
whatever happens). Writes are contended on purpose: every client tries to
accept every one of the same proposals, so each proposal sees ``CLIENTS``
simultaneous accepts; exactly one may succeed (200) and the others must get
409. An error is anything else: a 5xx, a dropped connection, "database is
locked". PostgreSQL runs when ``CASUS_TEST_POSTGRES_URL`` names a server
(``.ci/with-postgres python benchmarks/bench_store_load.py``).

Usage: python benchmarks/bench_store_load.py   (writes benchmarks/results/store-load.md)
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from common import RESULTS, machine

CLIENTS = 8
READS_PER_CLIENT = 100
PROPOSALS = 40
TIME_CAP = 120.0
TOKEN = "bench-token"
READS = ["/api/v1/treaties/nato", "/api/v1/states/FRA/profile?on=2024-06-01", "/api/v1/proposals",
         "/api/v1/treaties?state=USA", "/api/v1/sources"]


def _serve(url: str):
    env = {**os.environ, "CASUS_TOKEN": TOKEN}
    command = [sys.executable, "-m", "casus.cli.main", "serve", "--port", "0", "--db", url,
               "--reads-per-second", "0", "--writes-per-second", "0"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 120
    for line in server.stdout:
        if "serving on" in line:
            address = line.split("serving on ", 1)[1].split()[0]
            host, port = address.removeprefix("http://").rsplit(":", 1)
            return server, host, int(port)
        if time.monotonic() > deadline:
            break
    server.kill()
    raise RuntimeError(f"casus serve did not start: {server.stdout.read() if server.stdout else ''}")


def _clients(host, port, work) -> tuple[list[float], dict[int | str, int], float]:
    """Run ``work(connection, record)`` in CLIENTS threads; latencies, status counts and elapsed seconds."""
    latencies: list[float] = []
    statuses: dict[int | str, int] = {}
    lock = threading.Lock()
    stop_at = time.monotonic() + TIME_CAP
    barrier = threading.Barrier(CLIENTS)

    def record(status, seconds):
        with lock:
            latencies.append(seconds)
            statuses[status] = statuses.get(status, 0) + 1

    def client(n):
        connection = http.client.HTTPConnection(host, port, timeout=60)
        barrier.wait()
        try:
            work(n, connection, record, stop_at)
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses, time.perf_counter() - started


def _request(connection, record, method, path, headers=None):
    started = time.perf_counter()
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        record(response.status, time.perf_counter() - started)
        return response.status
    except (OSError, http.client.HTTPException) as exc:
        record(f"connection error {type(exc).__name__}", time.perf_counter() - started)
        connection.close()
        return None


def _reads(n, connection, record, stop_at):
    for i in range(READS_PER_CLIENT):
        if time.monotonic() > stop_at:
            return
        _request(connection, record, "GET", READS[(n + i) % len(READS)])


def _writes(ids):
    def work(n, connection, record, stop_at):
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Length": "0"}
        for proposal_id in ids:
            if time.monotonic() > stop_at:
                return
            _request(connection, record, "POST", f"/api/v1/proposals/{proposal_id}/accept", headers)
    return work


def _proposals(url: str) -> list[int]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from store.workload import add_proposals

    from casus.store import Store

    store = Store.open(url)
    ids = add_proposals(store, PROPOSALS)
    store.close()
    return ids


def _summary(kind, backend, latencies, statuses, seconds, allowed):
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else float("nan")
    errors = sum(count for status, count in statuses.items() if status not in allowed)
    shown = ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items(), key=str))
    return (f"| {backend} | {kind} | {len(latencies)} | {len(latencies) / seconds:.0f} | "
            f"{statistics.median(ordered) * 1000:.1f} | {p99 * 1000:.1f} | {errors} | {shown} |"), errors


def _backends():
    folder = Path(tempfile.mkdtemp(prefix="casus-bench-"))
    yield "SQLite", f"sqlite:///{folder / 'bench.sqlite'}", None
    admin = os.environ.get("CASUS_TEST_POSTGRES_URL")
    if admin:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        name = f"casus_bench_{uuid.uuid4().hex[:8]}"
        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield "PostgreSQL", make_url(admin).set(database=name).render_as_string(hide_password=False), None
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def run() -> list[str]:
    lines = [
        "## Store and API under load (loopback)",
        "",
        f"{CLIENTS} clients with keep-alive connections against one `casus serve` (uvicorn, one process). "
        f"Reads: {READS_PER_CLIENT} GETs per client over {len(READS)} routes. Writes: every client accepts "
        f"each of the same {PROPOSALS} proposals at once ({CLIENTS} simultaneous accepts per proposal; one "
        f"200 and {CLIENTS - 1} × 409 is the only right answer). Capped at {TIME_CAP:.0f} s per phase. "
        "Latencies in milliseconds.",
        "",
        "| store | phase | requests | req/s | p50 | p99 | errors | statuses |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    skipped = []
    total_errors = 0
    for backend, url, _ in _backends():
        ids = _proposals(url)
        server, host, port = _serve(url)
        try:
            line, errors = _summary("reads", backend, *_clients(host, port, _reads), allowed={200})
            lines.append(line)
            total_errors += errors
            latencies, statuses, seconds = _clients(host, port, _writes(ids))
            line, errors = _summary("contended accepts", backend, latencies, statuses, seconds, allowed={200, 409})
            lines.append(line)
            total_errors += errors
            if statuses.get(200) != PROPOSALS:
                lines.append(f"| {backend} | **wrong** | | | | | | {statuses.get(200)} accepts for {PROPOSALS} proposals |")
                total_errors += 1
        finally:
            server.terminate()
            server.wait(timeout=30)
    if "CASUS_TEST_POSTGRES_URL" not in os.environ:
        skipped.append("PostgreSQL skipped: CASUS_TEST_POSTGRES_URL not set (run under .ci/with-postgres)")
    lines += ["", *skipped, f"Errors in all phases: {total_errors}.", ""]
    return lines


def main() -> None:
    lines = ["# Store load benchmark", "", f"Run on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; machine: "
             f"{machine()} (shared with other jobs: absolute figures are noisy).", "", *run()]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "store-load.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
