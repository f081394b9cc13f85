"""Where the reader runs on a batch: in this process, or on a Ray cluster.

Both take an iterator of jobs (lists of articles that passed the first pass) and
yield each job's readings *in the order the jobs came*, so the single writer
downstream sees the same sequence whatever the engine, and the output of a Ray
run equals a local run's. Neither holds more than a few jobs at once: memory
stays flat however long the archive.

Ray rather than home-made multiprocessing: it already schedules work over
processes and machines, restarts dead workers and streams results back; what
casus adds is loading the spaCy model once per worker (an actor) and keeping
the window of jobs in flight bounded.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any, Protocol, TypeVar

from casus.errors import InvalidArgumentError, StoreError
from casus.reader.inputs import Article

J = TypeVar("J")


def read_payloads(articles: list[Article], nlp=None) -> list[dict[str, Any]]:
    """The reader's JSON for each article, without the article text (the batch stores no text)."""
    from casus.reader.extract import read_many
    from casus.reader.nlp import load

    # One nlp.pipe over the job: the first pass has already run in the driver.
    return [reading.to_json() for reading in read_many(articles, nlp=nlp or load())]


class Engine(Protocol):
    name: str
    workers: int

    def map(self, jobs: Iterable[tuple[J, list[Article]]]) -> Iterator[tuple[J, list[dict[str, Any]]]]: ...

    def close(self) -> None: ...


class LocalEngine:
    """The reader in this process: the model loaded once, jobs read one after another."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        if workers not in (None, 1):
            raise InvalidArgumentError(
                f"workers: the local engine reads in one process (asked for {workers}); "
                "use the ray engine for more workers"
            )
        self.workers = 1
        self._nlp = None

    def map(self, jobs):
        for job, articles in jobs:
            if articles and self._nlp is None:
                from casus.reader.nlp import load

                self._nlp = load()
            yield job, read_payloads(articles, self._nlp) if articles else []

    def close(self) -> None:
        pass


class RayEngine:
    """The reader on Ray: one actor per worker, each loading the model once.

    ``address`` joins an existing cluster (``ray://…`` or ``host:port``); without it
    a local cluster is started for the batch and shut down after. At most
    ``2 × workers`` jobs are in flight, and results are taken in submission order.
    """

    name = "ray"

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no phoning home from a batch job
        try:
            import ray
            from ray.util import ActorPool
        except ImportError:
            raise StoreError(
                "the ray engine needs Ray: pip install 'casus-foederis[ray]'"
            ) from None
        if workers is not None and workers < 1:
            raise InvalidArgumentError(f"workers: must be at least 1, not {workers}")
        self._ray = ray
        self._started = False
        if not ray.is_initialized():
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                       "configure_logging": False}
            if address:
                ray.init(address=address, **options)
            else:
                ray.init(num_cpus=max(workers or os.cpu_count() or 1, 1), **options)
            self._started = True
        self.workers = workers or max(int(ray.available_resources().get("CPU", 1)), 1)
        actor = ray.remote(num_cpus=1)(_ReaderActor)
        self._actors = [actor.remote() for _ in range(self.workers)]
        self._pool = ActorPool(self._actors)

    def map(self, jobs):
        window = 2 * self.workers
        waiting: list[Any] = []  # jobs submitted, in order, awaiting their readings
        for job, articles in jobs:
            if len(waiting) >= window:
                yield waiting.pop(0), self._pool.get_next()
            self._pool.submit(lambda actor, batch: actor.read.remote(batch), articles)
            waiting.append(job)
        while waiting:
            yield waiting.pop(0), self._pool.get_next()

    def wait_ready(self) -> None:
        """Block until every worker has loaded its model (benchmarks time the reading alone)."""
        self._ray.get([actor.ready.remote() for actor in self._actors])

    def worker_memory(self) -> list[int]:
        """Each worker's peak resident memory in bytes."""
        return self._ray.get([actor.peak_memory.remote() for actor in self._actors])

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started:
            self._ray.shutdown()


class _ReaderActor:
    """A Ray worker: the spaCy model is loaded once, when the actor starts."""

    def __init__(self) -> None:
        from casus.reader.nlp import load

        self._nlp = load()

    def read(self, articles: list[Article]) -> list[dict[str, Any]]:
        return read_payloads(articles, self._nlp) if articles else []

    def ready(self) -> bool:
        return True

    def peak_memory(self) -> int:
        """This worker's peak resident memory in bytes (Linux reports kilobytes)."""
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def make_engine(name: str, *, workers: int | None = None, address: str | None = None) -> Engine:
    if name == "local":
        if address:
            raise InvalidArgumentError("address: only the ray engine joins a cluster")
        return LocalEngine(workers)
    if name == "ray":
        return RayEngine(workers, address)
    raise InvalidArgumentError(f"engine: {name!r} is not an engine; choose local or ray")
