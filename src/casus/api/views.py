"""Derived views: the diff between two dates, the exposure of a date, entanglement, the network."""

from __future__ import annotations

import threading
import weakref
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from casus import contracts
from casus.api.deps import ContractResponse, application
from casus.app import App, frame_rows
from casus.contracts.api import ExposurePage, Network
from casus.contracts.base import Day
from casus.vocab import ObligationKind

router = APIRouter(tags=["views"])
On = Annotated[Day | None, Query(description="The date (YYYY-MM-DD or today); default today.")]


@router.get("/diff", summary="Obligations that appeared, ended or changed between two dates")
def diff(
    start: Annotated[Day, Query(alias="from", description="The earlier date (YYYY-MM-DD or today).")],
    end: Annotated[Day, Query(alias="to", description="The later date (YYYY-MM-DD or today).")],
    casus: App = Depends(application),
) -> contracts.Diff:
    """The same payload as `casus diff --from D1 --to D2 --json`."""
    return casus.diff(start, end)


class _Frames:
    """The table of each exposure view the application keeps, computed once.

    ``App.exposure`` caches the view per store generation and date; its table
    (every ordered pair, ~38,000 rows) costs seconds more, and a client paging
    through it must not pay that per page. Keyed weakly on the view, so a table
    goes when the application drops its view (a write, or another date).
    """

    def __init__(self) -> None:
        self._frames: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def of(self, view):
        with self._lock:
            frame = self._frames.get(view)
        if frame is None:
            frame = view.frame()
            with self._lock:
                self._frames[view] = frame
        return frame


FRAMES = _Frames()


@router.get("/exposure", response_model=ExposurePage,
            summary="For every ordered pair (attacker, target) on a date: who defends the target",
            responses={200: {"content": {"text/csv": {}}}})
def exposure(
    on: On = None,
    format: Annotated[Literal["json", "csv"], Query(description="json (paged) or csv (every row).")] = "json",
    # Bounded so that a huge offset is a 400, not an overflow inside polars (a 500).
    offset: Annotated[int, Query(ge=0, le=2**31 - 1, description="Rows to skip (JSON); past the end gives an empty page.")] = 0,
    limit: Annotated[int, Query(ge=1, le=10_000, description="Rows per page (JSON).")] = 1000,
    attacker: Annotated[str | None, Query(description="Only pairs with this attacker.")] = None,
    target: Annotated[str | None, Query(description="Only pairs with this target.")] = None,
    casus: App = Depends(application),
) -> Response:
    """Rows as `casus exposure --on D --format csv` writes them; JSON pages of `limit` rows from `offset`."""
    import polars as pl

    day = casus.day(on)
    frame = FRAMES.of(casus.exposure(day))
    if attacker:
        frame = frame.filter(pl.col("attacker") == casus.lookup(attacker, on=day).id)
    if target:
        frame = frame.filter(pl.col("target") == casus.lookup(target, on=day).id)
    if format == "csv":
        return Response(frame.write_csv(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'inline; filename="exposure-{day.isoformat()}.csv"'})
    return ContractResponse(ExposurePage(on=day, total=frame.height, offset=offset, limit=limit,
                                         pairs=frame_rows(frame.slice(offset, limit))))


@router.get("/entanglement", summary="For each state: how many ordered pairs would bind it to defend")
def entanglement(on: On = None, casus: App = Depends(application)) -> contracts.Entanglement:
    """The same payload as `casus entanglement --on D --json`."""
    return casus.entanglement(on)


@router.get("/network", summary="The obligation network on a date: states, and a directed edge per duty")
def network(
    on: On = None,
    kind: Annotated[ObligationKind | None, Query(description="Only duties of this kind.")] = None,
    source: Annotated[str, Query(description="Which datasets: all, or ids from /sources, comma-separated.")] = "all",
    casus: App = Depends(application),
) -> Network:
    """The nodes and edges `casus export graphml --on D` writes, as JSON; edges go obligor → beneficiary."""
    return casus.network(on, source=source, kind=kind)
