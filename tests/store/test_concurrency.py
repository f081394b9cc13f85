"""Several processes on one store: no "database is locked", no lost update, no double accept.

The processes are forked (the test's own imports are shared, so starting one
costs milliseconds); each opens its own connection to the store, as separate
CLI processes or API workers do.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time

import pytest
from store.workload import EDITED, add_proposals, batch, edit_done, run_batch, snapshot

from casus.errors import ConflictError
from casus.review.proposals import accept
from casus.store import Store
from casus.store.checks import check_store
from casus.store.tables import obligations

FORK = multiprocessing.get_context("fork")
RACES = 100
KILLS = 20


def _racer(url, name, barrier, jobs, results):
    store = Store.open(url)
    while (proposal_id := jobs.get()) is not None:
        barrier.wait()
        try:
            accept(store, proposal_id, by=name)
            results.put((proposal_id, "accepted"))
        except ConflictError:
            results.put((proposal_id, "conflict"))
        except Exception as exc:  # reported to the test, which fails on it
            results.put((proposal_id, f"error: {type(exc).__name__}: {exc}"))
    store.close()


def test_two_processes_accepting_the_same_proposal_at_once_accept_it_exactly_once(backend_store, store_url):
    ids = add_proposals(backend_store, RACES)
    backend_store.close()  # no connection crosses the fork
    barrier, results = FORK.Barrier(2), FORK.Queue()
    queues = [FORK.Queue(), FORK.Queue()]
    workers = [FORK.Process(target=_racer, args=(store_url, f"racer{n}", barrier, queues[n], results))
               for n in range(2)]
    for worker in workers:
        worker.start()
    outcomes: dict[int, list[str]] = {}
    for proposal_id in ids:
        for queue in queues:
            queue.put(proposal_id)
        for _ in range(2):
            got_id, outcome = results.get(timeout=60)
            outcomes.setdefault(got_id, []).append(outcome)
    for queue in queues:
        queue.put(None)
    for worker in workers:
        worker.join(timeout=60)
    assert {pid: sorted(o) for pid, o in outcomes.items()} == {pid: ["accepted", "conflict"] for pid in ids}
    store = Store.open(store_url)
    for n in range(RACES):
        assert len(store.history("obligations", f"nato/test-{n}:consultation")) == 1
    assert {p["status"] for p in store.proposals()} == {"accepted"}
    assert check_store(store) == []
    store.close()


def _editor(url, key, rounds, start):
    store = Store.open(url)
    start.wait()
    for n in range(rounds):
        mark = f"[{os.getpid()}:{n}]"

        # A read-modify-write across processes: each mark is appended to what
        # the store holds when the transaction runs, so none is lost.
        def work(tx, mark=mark):
            tx.ensure_dataset("edits", name="edits by users", version="1", kind="edited")
            row = tx.current("memberships", key)
            return tx.put_version("memberships", {**_strip(row), "note": (row["note"] or "") + mark},
                                  dataset_id="edits")

        store.write(work)
    store.close()


def _strip(row):
    return {k: v for k, v in row.items() if k not in ("row_id", "dataset_id", "recorded_from", "recorded_to")}


def test_concurrent_writers_lose_no_update_and_never_see_a_locked_database(backend_store, store_url):
    key, writers, rounds = EDITED[0], 4, 15
    backend_store.close()
    start = FORK.Barrier(writers)
    procs = [FORK.Process(target=_editor, args=(store_url, key, rounds, start)) for _ in range(writers)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=120)
    assert [proc.exitcode for proc in procs] == [0] * writers
    store = Store.open(store_url)
    marks = store.current("memberships", key)["note"].count("[")
    assert marks == writers * rounds
    assert len(store.history("memberships", key)) == 1 + writers * rounds
    assert check_store(store) == []
    store.close()


def _batch_child(url, ops, ready):
    store = Store.open(url)
    ready.set()
    run_batch(store, ops)
    store.close()
    os._exit(0)


@pytest.mark.slow
def test_a_batch_killed_anywhere_leaves_a_sound_store_and_finishing_it_gives_the_uninterrupted_result(tmp_path):
    template = tmp_path / "template.sqlite"
    store = Store.open(template)
    ops = batch(add_proposals(store, 12))
    store.close()

    def copy(name):
        path = tmp_path / name
        path.write_bytes(template.read_bytes())
        return f"sqlite:///{path}"

    reference = copy("reference.sqlite")
    ready = FORK.Event()
    child = FORK.Process(target=_batch_child, args=(reference, ops, ready))
    child.start()
    ready.wait(60)
    started = time.monotonic()
    child.join()
    duration = time.monotonic() - started
    expected = snapshot(Store.open(reference))

    rng = random.Random(11)
    done_at_kill = []
    for run in range(KILLS):
        url = copy(f"run{run}.sqlite")
        ready = FORK.Event()
        child = FORK.Process(target=_batch_child, args=(url, ops, ready))
        child.start()
        ready.wait(60)
        # Within the first two thirds of the reference run: later runs are warmer and faster.
        time.sleep(rng.uniform(0.0, 0.65) * duration)
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        store = Store.open(url)
        assert check_store(store) == [], f"run {run}"
        done_at_kill.append(len(ops) - _remaining(store, ops))
        run_batch(store, ops)
        assert snapshot(store) == expected, f"run {run}"
        store.close()
    # The kills landed across the batch, not all before or after it.
    assert sum(0 < done < len(ops) for done in done_at_kill) >= KILLS // 2, done_at_kill
    print(f"steps done when killed ({len(ops)} in the batch): {sorted(done_at_kill)}")


def _remaining(store, ops):
    remaining = 0
    for step, (op, arg) in enumerate(ops):
        if op == "accept":
            remaining += store.proposal(arg)["status"] == "open"
        else:
            remaining += not edit_done(store, step, arg[0])
    return remaining


def test_the_partial_unique_index_exists_on_both_backends(backend_store):
    from sqlalchemy import inspect

    indexes = {ix["name"]: ix for ix in inspect(backend_store.engine).get_indexes(obligations.name)}
    assert indexes["uq_obligations_current"]["unique"]
