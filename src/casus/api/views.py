"""Derived views: the diff between two dates, the exposure of a date, each state's entanglement."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections import OrderedDict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from casus.api.deps import application, knowledge_base, today

router = APIRouter(tags=["views"])
On = Annotated[dt.date | None, Query(description="The date (YYYY-MM-DD); default today.")]


@router.get("/diff", summary="Obligations that appeared, ended or changed between two dates")
def diff(
    start: Annotated[dt.date, Query(alias="from", description="The earlier date.")],
    end: Annotated[dt.date, Query(alias="to", description="The later date.")],
    kb=Depends(knowledge_base),
) -> dict[str, Any]:
    """The same payload as `casus diff --from D1 --to D2 --json`."""
    from casus.engine.views import diff as diff_view

    return diff_view(kb, start, end)


@router.get("/exposure", summary="For every ordered pair (attacker, target) on a date: who defends the target",
            responses={200: {"content": {"text/csv": {}}}})
def exposure(
    request: Request,
    on: On = None,
    format: Annotated[Literal["json", "csv"], Query(description="json (paged) or csv (every row).")] = "json",
    offset: Annotated[int, Query(ge=0, description="Rows to skip (JSON).")] = 0,
    limit: Annotated[int, Query(ge=1, le=10_000, description="Rows per page (JSON).")] = 1000,
    attacker: Annotated[str | None, Query(description="Only pairs with this attacker.")] = None,
    target: Annotated[str | None, Query(description="Only pairs with this target.")] = None,
    casus=Depends(application),
    now: dt.date = Depends(today),
):
    """Rows as `casus exposure --on D --format csv` writes them; JSON pages of `limit` rows from `offset`."""
    day = on or now
    kb = casus.knowledge_base()
    frame = _exposure(request, day).frame
    import polars as pl

    if attacker:
        frame = frame.filter(pl.col("attacker") == kb.registry.lookup(attacker, on=day).id)
    if target:
        frame = frame.filter(pl.col("target") == kb.registry.lookup(target, on=day).id)
    if format == "csv":
        return Response(frame.write_csv(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'inline; filename="exposure-{day.isoformat()}.csv"'})
    page = frame.slice(offset, limit).with_columns(pl.col("on").cast(pl.String))
    return {"on": day.isoformat(), "total": frame.height, "offset": offset, "limit": limit,
            "pairs": page.to_dicts()}


@router.get("/entanglement", summary="For each state: how many ordered pairs would bind it to defend")
def entanglement(request: Request, on: On = None, now: dt.date = Depends(today)) -> dict[str, Any]:
    """The same payload as `casus entanglement --on D --json`."""
    day = on or now
    return {"on": day.isoformat(), "states": _exposure(request, day).entanglement()}


class CachedExposure:
    """One date's exposure and, once asked for, its table (which costs more than the view)."""

    def __init__(self, view) -> None:
        self.view = view

    @functools.cached_property
    def frame(self):
        return self.view.frame()

    def entanglement(self):
        return self.view.entanglement()


class ExposureCache:
    """The last few exposures computed, by date, for the current knowledge base.

    One exposure costs seconds (every ordered pair of ~200 states); a page of it
    must not. An entry holds the knowledge base it was computed on and is used
    only while the application still serves that same base, so a write (a new
    store generation, a new base) is never answered from the old one.
    """

    def __init__(self, size: int = 8) -> None:
        self.size = size
        self._entries: OrderedDict[dt.date, tuple[object, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, kb, day: dt.date):
        from casus.engine.views import Exposure

        with self._lock:
            entry = self._entries.get(day)
            if entry is not None and entry[0] is kb:
                self._entries.move_to_end(day)
                return entry[1]
        view = CachedExposure(Exposure(kb, day))  # computed outside the lock: other dates stay served meanwhile
        with self._lock:
            self._entries[day] = (kb, view)
            self._entries.move_to_end(day)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return view


def _exposure(request: Request, day: dt.date):
    return request.app.state.exposures.get(request.app.state.casus.knowledge_base(), day)


@router.get("/network", summary="The obligation network on a date: states, and a directed edge per duty")
def network(
    on: On = None,
    kind: Annotated[Literal["defense", "offense", "neutrality", "nonaggression", "consultation"] | None,
                    Query(description="Only duties of this kind.")] = None,
    source: Annotated[str, Query(description="Which datasets: all, or ids from /sources, comma-separated.")] = "all",
    casus=Depends(application),
    now: dt.date = Depends(today),
) -> dict[str, Any]:
    """The nodes and edges `casus export graphml --on D` writes, as JSON; edges go obligor → beneficiary."""
    from casus.exports import obligation_graph

    day = on or now
    graph = obligation_graph(casus.store, day, source=source)
    edges = [edge for edge in graph.edges if kind is None or edge["kind"] == kind]
    return {"on": day.isoformat(), "nodes": graph.nodes, "edges": edges}
