"""A synthetic news archive for the batch tests, made at test time.

The stories come from the benchmark's template generator (``benchmarks/news_mix.py``,
sentences written for casus); this adds ids, publication dates, repeats of one story
under another id, and bad records at known lines.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _news_mix():
    spec = importlib.util.spec_from_file_location("news_mix", ROOT / "benchmarks" / "news_mix.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stories(count: int, treaty_share: float = 0.1, seed: int = 5) -> list[dict]:
    """``count`` records: mostly ordinary news, some treaty stories, each with an id and a date."""
    mix = _news_mix()
    treaties = mix.treaty_articles(max(1, round(count * treaty_share)), seed=seed)
    ordinary = mix.ordinary_articles(count - len(treaties), seed=seed + 1)
    rng = random.Random(seed)
    texts = treaties + ordinary
    rng.shuffle(texts)
    start = dt.date(2024, 1, 1)
    return [
        {"id": f"story-{n:05d}", "published": (start + dt.timedelta(days=n % 700)).isoformat(), "text": text}
        for n, text in enumerate(texts)
    ]


BAD_LINES = {
    "corrupt": b'{"id": "broken", "text": "an unfinished',
    "not utf-8": b'{"id": "latin", "text": "Caf\xe9 owners signed a lease in the old town on Friday morning."}',
    "empty text": b'{"id": "blank", "text": "   "}',
}


def write_archive(path: Path, records: list[dict], *, bad_every: int = 0, oversize_at: int | None = None) -> dict:
    """Write ``records`` as JSONL; every ``bad_every`` lines a bad record. Returns {line: kind} of the bad ones."""
    bad: dict[int, str] = {}
    kinds = list(BAD_LINES)
    line = 0
    with path.open("wb") as out:
        for index, record in enumerate(records):
            if bad_every and index and index % bad_every == 0:
                line += 1
                kind = kinds[(index // bad_every) % len(kinds)]
                out.write(BAD_LINES[kind] + b"\n")
                bad[line] = kind
            if oversize_at is not None and index == oversize_at:
                line += 1
                out.write(b'{"id": "huge", "text": "' + b"word " * (2 * 1024 * 1024 + 10) + b'"}\n')
                bad[line] = "over-size"
            line += 1
            out.write(json.dumps(record).encode() + b"\n")
    return bad
