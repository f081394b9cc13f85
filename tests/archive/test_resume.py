"""A batch killed at any moment resumes to exactly the store an uninterrupted run gives."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from casus.store import Store

from archive.corpus import stories, write_archive

KILLS = 10


def _casus() -> str:
    return shutil.which("casus", path=str(Path(sys.executable).parent)) or "casus"


def _batch(archive: Path, db: Path) -> subprocess.Popen:
    env = {**os.environ, "CASUS_DB": str(db)}
    return subprocess.Popen([_casus(), "read", "--batch", str(archive), "--propose", "--chunk", "4", "--json"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _final_state(db: Path) -> tuple[list, list]:
    store = Store.open(db)
    try:
        readings = sorted(
            (r["content_hash"], r["article"], r["origin"], r["kept"], r["agreements"], r["proposals"],
             repr(r["reading"]))
            for r in store.readings()
        )
        proposals = sorted(
            (p["fact_key"], p["kind"], p["status"], p["article"], p["span_start"], p["span_end"], p["summary"],
             repr(p["payload"]))
            for p in store.proposals()
        )
        return readings, proposals
    finally:
        store.close()


def _readings(db: Path) -> int:
    store = Store.open(db)
    try:
        return len(store.readings())
    finally:
        store.close()


def test_sigkill_at_random_points_then_resume_gives_the_uninterrupted_store(tmp_path):
    archive = tmp_path / "news.jsonl"
    write_archive(archive, stories(160, treaty_share=0.25, seed=21), bad_every=37)
    whole = tmp_path / "whole.sqlite"
    Store.open(whole).close()
    started = time.monotonic()
    assert _batch(archive, whole).wait(timeout=600) == 3  # bad records were reported: exit 3
    full_run = time.monotonic() - started
    expected = _final_state(whole)
    assert len(expected[0]) == 160 and expected[1], "the uninterrupted run read every story and filed proposals"

    killed = tmp_path / "killed.sqlite"
    Store.open(killed).close()
    rng = random.Random(13)
    kills = 0
    for _ in range(KILLS):
        # Kill once the run has filed at least one more job, plus a random moment:
        # a sleep drawn from the uninterrupted run's length overshot the resumed
        # runs, which have less left to read, so most ended before the signal.
        filed = _readings(killed)
        process = _batch(archive, killed)
        deadline = time.monotonic() + full_run + 60
        while process.poll() is None and _readings(killed) == filed and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.25))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
    assert kills >= KILLS // 2, "most runs were killed while reading"
    assert _batch(archive, killed).wait(timeout=600) == 3
    assert _final_state(killed) == expected
