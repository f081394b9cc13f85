"""Every record key the store holds is built here, and only here.

A key names one logical record across its versions, so it must depend on what
the record *is*, never on where it sits in a file: reordering a YAML list must
not close one record and open another. Keys are plain text, readable in a
history listing (``nato/SWE/1``, ``anzus/suspension/USA>NZL/1986-09-17``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def treaty_key(treaty_id: str) -> str:
    return treaty_id


def membership_key(treaty: str, state: str, span: int) -> str:
    """The ``span``-th membership of ``state`` in ``treaty`` (1 for the first).

    A state that left and came back holds two memberships; they are numbered
    by date of joining, not by file order (see ``casus.store.rows``).
    """
    return f"{treaty}/{state}/{span}"


def obligation_key(treaty: str, local: str) -> str:
    """``local`` is the obligation's own key in the treaty file (``art5:defense``)."""
    return f"{treaty}/{local}"


def atop_treaty_key(atopid: int) -> str:
    return f"atop-{atopid}"


def atop_membership_key(treaty: str, state: str, phase: int, repeat: int = 1) -> str:
    """A state's membership in one phase of an ATOP alliance (``repeat``: its n-th span in that phase)."""
    return f"{treaty}/{state}/p{phase}" + (f"-{repeat}" if repeat > 1 else "")


def atop_obligation_key(treaty: str, phase: int, kind: str) -> str:
    return obligation_key(treaty, f"p{phase}:{kind}")


def read_obligation_key(treaty: str, kind: str, article: str = "?") -> str:
    """An obligation read from the news, whose article number is not known yet."""
    return obligation_key(treaty, f"art{article}:{kind}")


def _side(side: str | Iterable[str]) -> str:
    return side if isinstance(side, str) else "+".join(sorted(side))


def suspension_key(treaty: str, obligors: str | Iterable[str], beneficiaries: str | Iterable[str],
                   valid_from: dt.date | str) -> str:
    """A suspension is who stops owing whom, from when: that is its identity."""
    start = valid_from.isoformat() if isinstance(valid_from, dt.date) else str(valid_from)
    return f"{treaty}/suspension/{_side(obligors)}>{_side(beneficiaries)}/{start}"


def participant_key(war: int, state: str, side: int) -> str:
    """One state on one side of one COW war (a state that changed sides has two)."""
    return f"{war}/{state}/side{side}"
