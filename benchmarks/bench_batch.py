"""Reading a news archive: articles per second locally and on Ray, Ray's overhead, memory.

The archive is the synthetic news mix (``news_mix.py``: mostly ordinary news, one story
in ten about a treaty), written as JSONL in a temporary folder. Every run reads into a
fresh store with ``--propose``, as a back-fill would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from news_mix import ordinary_articles, treaty_articles

ARTICLES = 600
SMALL = 50


def write_archive(path: Path, count: int, seed: int = 1) -> Path:
    treaty = treaty_articles(count // 10, seed=seed)
    texts = treaty + ordinary_articles(count - len(treaty), seed=seed + 1)
    with path.open("w") as out:
        for n, text in enumerate(texts):
            out.write(json.dumps({"id": f"a{n}", "published": "2025-03-01", "text": text}) + "\n")
    return path


def read_once(folder: Path, archive: Path, name: str, engine: str = "local", workers: int | None = None):
    """Seconds, summary and worker memory of one batch into a fresh store."""
    from casus.archive import read_archive
    from casus.archive.engines import make_engine
    from casus.store import Store

    store = Store.open(folder / f"{name}.sqlite")
    runner = make_engine(engine, workers=workers)
    started = time.perf_counter()
    if hasattr(runner, "wait_ready"):
        runner.wait_ready()
    warm = time.perf_counter() - started
    started = time.perf_counter()
    summary = read_archive(store, archive, propose=True, engine=runner)
    seconds = time.perf_counter() - started
    memory = runner.worker_memory() if hasattr(runner, "worker_memory") else []
    runner.close()
    store.close()
    return seconds, summary, memory, warm


def peak_rss_of_a_run(archive: Path, db: Path) -> int:
    """Peak resident memory of ``casus read --batch`` in a process of its own."""
    code = (
        "import resource, sys\n"
        "from casus.archive import read_archive\nfrom casus.store import Store\n"
        f"read_archive(Store.open({str(db)!r}), {str(archive)!r}, propose=True)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.strip().splitlines()[-1])


def run() -> list[str]:
    title = "## Batch reading of a news archive (`casus read --batch`)"
    try:
        import ray
    except ImportError:
        return [title, "", "skipped: Ray is not installed (pip install 'casus-foederis[ray]')", ""]
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    lines = [title, "", f"Synthetic news mix, one story in ten about a treaty, read with `--propose` into a "
             f"fresh store. Throughput on {ARTICLES} articles; overhead on {SMALL}.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = write_archive(folder / "big.jsonl", ARTICLES)
        small = write_archive(folder / "small.jsonl", SMALL, seed=7)
        from casus.reader.nlp import load

        load()  # the local engine's model, loaded before the clock starts as the workers' are
        local_s, local, _, _ = read_once(folder, big, "local")
        small_local_s, *_ = read_once(folder, small, "small-local")
        started = time.perf_counter()
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
        cluster_s = time.perf_counter() - started
        try:
            ray1_s, ray1, memory1, _ = read_once(folder, big, "ray1", engine="ray", workers=1)
            ray2_s, ray2, memory2, _ = read_once(folder, big, "ray2", engine="ray", workers=2)
            small_ray_s, _, _, small_warm = read_once(folder, small, "small-ray", engine="ray", workers=1)
        finally:
            ray.shutdown()
        rss_small = peak_rss_of_a_run(small, folder / "rss-small.sqlite")
        rss_big = peak_rss_of_a_run(big, folder / "rss-big.sqlite")
    assert local.read == ray1.read == ray2.read == ARTICLES
    lines += [
        "Workers are started and their model loaded before the clock starts; the first pass and the "
        "writer run in the driver, as they must (one writer).",
        "",
        "| engine | articles/s | kept by the first pass | seconds |",
        "|---|---|---|---|",
        f"| local, one process | {ARTICLES / local_s:,.1f} | {local.kept} | {local_s:.1f} |",
        f"| Ray, 1 worker | {ARTICLES / ray1_s:,.1f} | {ray1.kept} | {ray1_s:.1f} |",
        f"| Ray, 2 workers | {ARTICLES / ray2_s:,.1f} | {ray2.kept} | {ray2_s:.1f} |",
        "",
        f"- Ray, 2 workers against local: ×{local_s / ray2_s:.2f} the throughput (same run).",
        f"- Ray's overhead on a {SMALL}-article batch, cluster up: {small_warm:.1f} s to start a worker and load "
        f"its model, then {small_ray_s - small_local_s:+.1f} s of transfers and scheduling ({small_ray_s:.1f} s "
        f"against {small_local_s:.1f} s locally, model already loaded in both); starting the local cluster "
        f"itself: {cluster_s:.1f} s.",
        f"- Memory per Ray worker (peak resident): {', '.join(f'{m / 2**20:,.0f} MB' for m in memory1 + memory2)}.",
        f"- Memory of a whole local batch as a process (peak resident): {rss_small / 2**20:,.0f} MB for {SMALL} "
        f"articles, {rss_big / 2**20:,.0f} MB for {ARTICLES}: flat in the archive's size.",
        "",
    ]
    return lines


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from common import RESULTS, machine

    text = "\n".join([f"Machine: {machine()}.", "", *run()])
    (RESULTS / "batch.md").write_text(text + "\n")
    print(text)
