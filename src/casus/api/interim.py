"""A stand-in for the application object until branch ``app`` lands (then removed).

One store opened at start; the knowledge base built once and rebuilt after a write.
"""

from __future__ import annotations

import datetime as dt
import threading

from casus.store import Store


class Application:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._kb = None
        self._lock = threading.Lock()

    @classmethod
    def open(cls, url=None, *, seed: bool = True) -> Application:
        return cls(Store.open(url, seed=seed))

    def knowledge_base(self, known_at=None):
        if known_at is not None:
            return self.store.knowledge_base(known_at=known_at)
        with self._lock:
            if self._kb is None:
                self._kb = self.store.knowledge_base()
            return self._kb

    def changed(self) -> None:
        with self._lock:
            self._kb = None

    def today(self) -> dt.date:
        return dt.date.today()

    def close(self) -> None:
        self.store.close()
