"""Read a news archive: stream its records, read them, file what they say, resumably.

The pipeline, one stage after another, each holding a bounded amount:

1. ``iter_archive`` streams records; a bad one becomes an error that is reported
   and skipped.
2. Records are grouped into jobs of ``chunk`` articles. Articles the store has
   read already (by content hash) are left out when ``resume`` is on; the cheap
   first pass (``worth_reading``) runs here, before any NLP, and only what it
   keeps goes to the engine.
3. The engine (in this process, or on Ray) reads the kept articles and gives the
   jobs back in order.
4. One writer files each job in one transaction: a reading row per article and,
   with ``propose``, its proposals. A batch killed at any moment has written
   whole jobs only; run again, it skips them and ends with exactly the facts an
   uninterrupted run gives.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.archive.engines import Engine, make_engine
from casus.archive.records import Item, RecordError, iter_archive
from casus.reader.inputs import worth_reading
from casus.store.store import utcnow

CHUNK = 32
MAX_REPORTED_ERRORS = 1000  # the summary keeps the first errors; the count is always exact


@dataclass
class BatchSummary:
    """What a batch did: counts as it goes (for a progress bar) and at the end."""

    archive: str
    engine: str
    workers: int
    records: int = 0  # records met in the archive, good or bad
    read: int = 0  # articles read and filed in this run
    already_read: int = 0  # left out: the store had read them (resume)
    duplicates: int = 0  # the same content met again in this run
    kept: int = 0  # kept by the first pass and run through the reader
    agreements: int = 0  # agreement facts found
    proposals: int = 0  # proposals filed
    error_count: int = 0
    errors: list[RecordError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.records / self.seconds if self.seconds > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "archive": self.archive, "engine": self.engine, "workers": self.workers, "records": self.records,
            "read": self.read, "already_read": self.already_read, "duplicates": self.duplicates, "kept": self.kept,
            "skipped_by_first_pass": self.read - self.kept, "agreements": self.agreements,
            "proposals": self.proposals, "error_count": self.error_count,
            "errors": [e.to_json() for e in self.errors], "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.per_second, 1),
        }


@dataclass
class _Job:
    items: list[Item]  # new articles, in archive order
    kept: list[bool]  # which passed the first pass


def read_archive(
    store,
    path: str | Path,
    *,
    engine: str | Engine = "local",
    workers: int | None = None,
    address: str | None = None,
    propose: bool = False,
    resume: bool = True,
    published: dt.date | None = None,
    chunk: int = CHUNK,
    on_progress: Callable[[BatchSummary], None] | None = None,
    on_error: Callable[[RecordError], None] | None = None,
) -> BatchSummary:
    """Read every article of the archive at ``path`` into ``store``; see the module notes.

    ``engine`` is ``"local"``, ``"ray"`` or an engine object (``casus.archive.engines``)
    that the caller keeps and closes.

    Raises ``InputError`` only if the archive cannot be opened at all; record
    errors are counted, kept in the summary and passed to ``on_error``.
    """
    from casus.review.proposals import file_proposals, plan_proposals

    owned = isinstance(engine, str)  # an engine handed in stays open for its owner
    runner = make_engine(engine, workers=workers, address=address) if owned else engine
    summary = BatchSummary(str(path), runner.name, runner.workers)
    started = time.monotonic()
    run_started = utcnow()
    kb = store.knowledge_base() if propose else None

    def tick() -> None:
        summary.seconds = time.monotonic() - started
        if on_progress is not None:
            on_progress(summary)

    def jobs() -> Iterator[tuple[_Job, list]]:
        pending: list[Item] = []
        for record in iter_archive(path, published):
            summary.records += 1
            if isinstance(record, RecordError):
                summary.error_count += 1
                if len(summary.errors) < MAX_REPORTED_ERRORS:
                    summary.errors.append(record)
                if on_error is not None:
                    on_error(record)
                continue
            pending.append(record)
            if len(pending) >= chunk:
                yield _job(pending)
                pending = []
        if pending:
            yield _job(pending)

    def _job(items: list[Item]) -> tuple[_Job, list]:
        this_run, before = _split(store.reading_times(i.content_hash for i in items), run_started)
        known = before if resume else set()
        fresh: list[Item] = []
        seen: set[str] = set(this_run)
        for item in items:
            if item.content_hash in seen:
                summary.duplicates += 1
            elif item.content_hash in known:
                summary.already_read += 1
            else:
                seen.add(item.content_hash)
                fresh.append(item)
        kept = [worth_reading(item.article.text) for item in fresh]
        tick()
        return _Job(fresh, kept), [item.article for item, keep in zip(fresh, kept, strict=True) if keep]

    try:
        for job, payloads in runner.map(jobs()):
            readings = iter(payloads)
            rows = []
            for item, keep in zip(job.items, job.kept, strict=True):
                payload = next(readings) if keep else _skipped(item)
                planned = plan_proposals(kb, _with_identity(payload, item)) if propose and keep else None
                rows.append((item, keep, payload, planned))
            written = store.write(lambda tx, rows=rows: _write_job(tx, rows, resume, run_started, file_proposals))
            for item, keep, payload, _ in rows:
                if item.content_hash in written["duplicates"]:
                    summary.duplicates += 1
                    continue
                summary.read += 1
                summary.kept += keep
                summary.agreements += len(payload.get("agreements", []))
            summary.proposals += written["proposals"]
            tick()
    finally:
        if owned:
            runner.close()
    tick()
    return summary


def _split(times: dict[str, dt.datetime], run_started: dt.datetime) -> tuple[set[str], set[str]]:
    """Hashes read by this run (recorded since it started), and hashes read by an earlier one."""
    this_run = {digest for digest, at in times.items() if at >= run_started}
    return this_run, set(times) - this_run


def _article_key(item: Item) -> str:
    """The article's name in proposals: its own id or URL if the record gave one, else its hash."""
    return item.article.id or item.article.url or item.content_hash


def _with_identity(payload: dict[str, Any], item: Item) -> dict[str, Any]:
    article = dict(payload.get("article") or {})
    article["id"] = _article_key(item)
    return {**payload, "article": article}


def _skipped(item: Item) -> dict[str, Any]:
    published = item.article.published.isoformat() if item.article.published else None
    return {"article": {"id": item.article.id, "url": item.article.url, "published": published, "skipped": True},
            "agreements": [], "mentions": [], "quotes": [], "visits": []}


def _write_job(tx, rows, resume: bool, run_started: dt.datetime, file_proposals) -> dict[str, Any]:
    """One job, one transaction: every reading of the job and the proposals they make.

    An article already filed by this run (the same content in two jobs in flight) is
    a duplicate. One filed by an earlier run is left alone with ``resume``, and read
    again (its reading replaced; its proposals are idempotent) without.
    """
    this_run, before = _split(tx.reading_times(item.content_hash for item, *_ in rows), run_started)
    duplicates: set[str] = set()
    filed = 0
    for item, keep, payload, planned in rows:
        digest = item.content_hash
        if digest in this_run or (resume and digest in before):
            duplicates.add(digest)
            continue
        earlier = tx.forget_reading(digest) if digest in before else 0
        made = file_proposals(tx, planned) if planned is not None else []
        filed += len(made)
        tx.add_reading({
            "content_hash": digest,
            "article": _article_key(item),
            "origin": item.origin,
            "url": item.article.url,
            "published": item.article.published,
            "kept": keep,
            "agreements": len(payload.get("agreements", [])),
            "proposals": earlier + len(made),  # all this article's proposals, from any run
            "reader_version": payload.get("reader_version"),
            "reading": payload,
        })
        this_run.add(digest)
    return {"duplicates": duplicates, "proposals": filed}
