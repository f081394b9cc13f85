"""Treaties as users browse them: a filtered list, and one treaty in full."""

from __future__ import annotations

import datetime as dt
from typing import Any

from casus.errors import InvalidArgumentError
from casus.kb.knowledge_base import KnowledgeBase
from casus.kb.profile import iso
from casus.kb.records import MEMBERS, TreatyRecord
from casus.vocab import ObligationKind, values

KINDS = values(ObligationKind)


def _states_json(kb: KnowledgeBase, ids, on: dt.date | None) -> list[dict[str, Any]]:
    states = [kb.registry.get(i) for i in set(ids)]
    states.sort(key=lambda s: (s.cow if s.cow is not None else 10**6, s.id))
    return [s.to_json(on=on) for s in states]


def treaty_summary(kb: KnowledgeBase, treaty: TreatyRecord, on: dt.date | None) -> dict[str, Any]:
    if on is None:
        parties = {m.state_id for m in kb.memberships[treaty.id]}
    else:
        parties = kb.parties_on(treaty.id, on)
    kinds = sorted({o.kind for o in kb.obligations.get(treaty.id, [])}, key=KINDS.index)
    return {
        "id": treaty.id,
        "name": treaty.name,
        "organisation": treaty.organisation,
        "short": treaty.short_name,
        "instrument": treaty.instrument,
        "signed": iso(treaty.signed),
        "in_force": iso(treaty.in_force),
        "ended": iso(treaty.ended),
        "end_reason": treaty.end_reason,
        "status": treaty.status_on(on) if on else None,
        "kinds": kinds,
        "parties": _states_json(kb, parties, on),
        "source": treaty.source,
        "known_to": iso(kb.known_to(treaty)) if kb.coverage_note(treaty, on) else None,
    }


def list_treaties(
    kb: KnowledgeBase, *, state: str | None = None, on: dt.date | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    """Treaties, optionally only those in force on ``on``, with ``state`` a party, with an article of ``kind``.

    With both ``state`` and ``on``, the state must be a party on that date; with
    ``state`` alone, at any time.
    """
    if kind is not None and kind not in KINDS:
        raise InvalidArgumentError(f"{kind!r} is not one of {', '.join(KINDS)}", field="kind")
    chosen = []
    for treaty in kb.treaties.values():
        if treaty.id in kb.shadowed:
            continue  # the curated treaty that names this ATOP alliance stands for it
        if on is not None and not treaty.in_force_on(on):
            continue
        if state is not None:
            memberships = [m for m in kb.memberships[treaty.id] if m.state_id == state]
            if not memberships or (on is not None and not any(m.bound_on(treaty, on) for m in memberships)):
                continue
        if kind is not None:
            obligations = kb.obligations.get(treaty.id, [])
            if not any(o.kind == kind and (on is None or o.in_force_on(treaty, on)) for o in obligations):
                continue
        chosen.append(treaty)
    chosen.sort(key=lambda t: (t.signed or t.in_force or dt.date.min, t.id))
    return [treaty_summary(kb, t, on) for t in chosen]


def treaty_detail(kb: KnowledgeBase, query: str, on: dt.date | None = None) -> dict[str, Any]:
    """One treaty with its members over time, its obligations and suspensions."""
    treaty = kb.treaty(query)
    summary = treaty_summary(kb, treaty, on)
    members = sorted(
        kb.memberships[treaty.id], key=lambda m: (m.start(treaty) or m.signed or dt.date.max, m.state_id)
    )
    summary.update(
        aliases=list(treaty.aliases),
        atop_id=treaty.atop_id,
        notes=treaty.notes,
        uncertain=treaty.uncertain,
        members=[
            {
                "state": kb.registry.get(m.state_id).to_json(on=on),
                "signed": iso(m.signed),
                "from": iso(m.start(treaty)),
                "to": iso(m.end(treaty)),
                "left_reason": m.left_reason,
                "bound_on_date": m.bound_on(treaty, on) if on else None,
                "note": m.note,
                "uncertain": m.uncertain,
                "source": m.source,
            }
            for m in members
        ],
        obligations=[
            {
                "article": o.article,
                "label": o.article_label,
                "kind": o.kind,
                "strength": o.strength,
                "obligors": o.obligors if o.obligors == MEMBERS else list(o.obligors),
                "beneficiaries": o.beneficiaries if o.beneficiaries == MEMBERS else list(o.beneficiaries),
                "conditions": o.conditions,
                "summary": o.summary,
                "from": iso(o.valid_from or treaty.in_force),
                "to": iso(o.valid_to or treaty.ended),
                "note": o.note,
                "uncertain": o.uncertain,
                "source": o.source,
            }
            for o in sorted(kb.obligations.get(treaty.id, []), key=lambda o: (o.article, o.kind))
        ],
        suspensions=[
            {
                "obligors": s.obligors if s.obligors == MEMBERS else list(s.obligors),
                "beneficiaries": s.beneficiaries if s.beneficiaries == MEMBERS else list(s.beneficiaries),
                "from": iso(s.valid_from),
                "to": iso(s.valid_to),
                "legal_effect": s.legal_effect,
                "summary": s.summary,
                "source": s.source,
            }
            for s in kb.suspensions.get(treaty.id, [])
        ],
    )
    return summary
