"""Synthetic knowledge bases N times the size of the built-in one, for growth measurements.

Each treaty in force on the day is copied N-1 times with its parties mapped onto
a random permutation of the states existing that day; articles, strengths and
conditions are kept, so the copies cost the engine what the originals cost.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from casus.kb import KnowledgeBase
from casus.kb.records import MEMBERS


def synthetic(kb: KnowledgeBase, factor: int, day: dt.date, seed: int = 1) -> KnowledgeBase:
    rng = random.Random(seed)
    states = [s.id for s in kb.registry.existing_on(day)]
    treaties = list(kb.treaties.values())
    memberships = [m for ms in kb.memberships.values() for m in ms]
    obligations = [o for os in kb.obligations.values() for o in os]
    suspensions = [s for ss in kb.suspensions.values() for s in ss]
    live = [t for t in kb.treaties.values() if t.in_force_on(day)]
    for copy in range(1, factor):
        for treaty in live:
            shuffled = states[:]
            rng.shuffle(shuffled)
            mapping = dict(zip(states, shuffled, strict=True))
            new_id = f"{treaty.id}~{copy}"
            treaties.append(replace(treaty, id=new_id))
            for m in kb.memberships[treaty.id]:
                if m.bound_on(treaty, day) and m.state_id in mapping:
                    memberships.append(replace(m, key=f"{new_id}/{m.key}", treaty_id=new_id, state_id=mapping[m.state_id],
                                               valid_from=None, valid_to=None))
            for o in kb.obligations.get(treaty.id, []):
                remap = lambda spec: spec if spec == MEMBERS else tuple(mapping.get(s, s) for s in spec)  # noqa: E731
                obligations.append(replace(o, key=f"{new_id}/{o.key}", treaty_id=new_id,
                                           obligors=remap(o.obligors), beneficiaries=remap(o.beneficiaries)))
    return KnowledgeBase(treaties, memberships, obligations, suspensions, registry=kb.registry)
