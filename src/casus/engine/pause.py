"""Pause Python's cyclic garbage collector while the engine builds an answer.

An escalation on a large base allocates a few hundred thousand small objects
(duties, reasons, checks, their JSON) that all stay alive until the answer is
given. Each time the young generations fill up, the collector walks them again,
and every full collection walks everything alive: on the 10x synthetic base this
more than doubled the run (benchmarks/bench_escalation.py). Reference counting
still frees everything that is dropped; the collector is switched back on after,
and runs at its usual pace from then on (what the pause kept young is handed
to the oldest generation, see below). Hand-written because the standard
library has the switch (``gc.disable``) but no nesting- and thread-safe pause.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off; nested or concurrent pauses share one."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                # Everything allocated meanwhile waits in the youngest generation, and the
                # first collection after ``enable`` would walk all of it at once. Freezing
                # and unfreezing moves it, unscanned, to the oldest generation instead
                # (the counts start again from zero): cycles among it are still freed, by
                # the next full collection.
                gc.freeze()
                gc.unfreeze()
                gc.enable()
