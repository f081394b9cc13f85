"""The same archive read in this process and on a local Ray cluster gives the same readings."""

from __future__ import annotations

import importlib.util
import os

import pytest

from casus.archive import read_archive
from casus.store import Store

from archive.corpus import stories, write_archive


def _need_ray() -> None:
    if importlib.util.find_spec("ray") is None:
        message = "Ray is not installed: pip install 'casus-foederis[ray]'"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (under CI this test must run: make test installs the [ray] extra)")
        pytest.skip(message)


def _readings(store) -> list:
    return sorted((r["content_hash"], r["article"], r["kept"], r["agreements"], r["proposals"], repr(r["reading"]))
                  for r in store.readings())


def _proposals(store) -> list:
    return sorted((p["fact_key"], p["kind"], p["summary"], repr(p["payload"])) for p in store.proposals())


def test_two_thousand_articles_read_locally_and_on_two_ray_workers_give_the_same_readings(tmp_path):
    _need_ray()
    archive = tmp_path / "news.jsonl"
    bad = write_archive(archive, stories(2000, treaty_share=0.05, seed=3), bad_every=250, oversize_at=1000)
    local = Store.open(tmp_path / "local.sqlite")
    on_ray = Store.open(tmp_path / "ray.sqlite")

    by_local = read_archive(local, archive, propose=True)
    by_ray = read_archive(on_ray, archive, propose=True, engine="ray", workers=2)

    assert (by_local.read, by_local.error_count) == (2000, len(bad)) == (by_ray.read, by_ray.error_count)
    assert [(e.line, e.message) for e in by_ray.errors] == [(e.line, e.message) for e in by_local.errors]
    assert sorted(e.line for e in by_local.errors) == sorted(bad)
    assert (by_ray.engine, by_ray.workers, by_ray.kept) == ("ray", 2, by_local.kept)
    assert 100 <= by_local.kept < 2000 and by_local.agreements > 0
    assert _readings(on_ray) == _readings(local)
    assert _proposals(on_ray) == _proposals(local)
