"""Load the built-in store and answer `casus state` for every state existing on one date."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import timed

DAY = dt.date(2025, 1, 1)


def run() -> list[str]:
    from casus.kb import state_profile
    from casus.states import default_registry
    from casus.store import Store

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        create, _ = timed(lambda: Store.open(path).close(), repeat=1)  # first use: migrate + fill
        store = Store.open(path)
        open_existing, _ = timed(lambda: Store.open(path).close())
        load, _ = timed(lambda: store.knowledge_base())
        kb = store.knowledge_base()
        states = default_registry().existing_on(DAY)

        def every_profile():
            for state in states:
                state_profile(kb, state.id, DAY).to_json(kb)

        answer, best = timed(every_profile)
        store.close()
        command = [sys.executable, "-m", "casus.cli.main", "state", "PRK", "--on", DAY.isoformat(), "--json"]
        environment = {**os.environ, "CASUS_DB": str(path)}
        cold, _ = timed(lambda: subprocess.run(command, env=environment, check=True, capture_output=True), repeat=3)
    total = open_existing + load + answer
    return [
        "## Load + `casus state` for every state on one date",
        "",
        f"Built-in store, {len(states)} states existing on {DAY}, {len(kb.treaties)} treaties.",
        "",
        "| step | median |",
        "|---|---|",
        f"| create + migrate + fill a new store (first use) | {create * 1000:.1f} ms |",
        f"| open an existing store | {open_existing * 1000:.1f} ms |",
        f"| read the knowledge base | {load * 1000:.1f} ms |",
        f"| answer all {len(states)} profiles (JSON payloads) | {answer * 1000:.1f} ms (best {best * 1000:.1f} ms) |",
        f"| per state | {answer / len(states) * 1e6:.0f} µs |",
        f"| load + answer all | {total * 1000:.1f} ms |",
        f"| one `casus state PRK --json` as a process (interpreter start and imports included) | "
        f"{cold * 1000:.0f} ms |",
        "",
    ]
