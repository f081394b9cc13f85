"""A mapping that forgets its oldest entries past a size: the one bound every cache of casus uses.

Plain look-ups (``in``, ``[]``, ``get``) leave the order alone, so a hot path pays
nothing on a hit and the first stored goes first; ``get_fresh`` also marks the entry
as just used, for caches where that matters (least recently used goes first).
Hand-written rather than ``cachetools``: ten lines over ``OrderedDict`` do not
earn a dependency.
"""

from __future__ import annotations

from collections import OrderedDict


class Bounded(OrderedDict):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        while len(self) > self.size:
            self.popitem(last=False)

    def get_fresh(self, key):
        """The value for ``key`` (None if absent), marked as just used."""
        if key in self:
            self.move_to_end(key)
            return self[key]
        return None

    def put(self, key, value) -> None:
        """Store ``value`` as the most recently used."""
        self[key] = value
        self.move_to_end(key)
