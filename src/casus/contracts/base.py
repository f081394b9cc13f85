"""What every contract shares: the base model, a state, a treaty reference, a source."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from casus.vocab import Instrument, SourceKind


class Contract(BaseModel):
    """A model of JSON that crosses a boundary (CLI ``--json``, the HTTP API).

    Unknown fields are refused, so a payload and its model cannot drift apart
    unnoticed; ``to_json`` gives the documented JSON (docs/json.md).
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_enum_values=True)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


class State(Contract):
    """A state as every output gives it; ``name`` is the name it bore on the date asked about."""

    id: str
    iso3: str | None
    cow: int | None
    name: str
    cow_abb: str | None = None
    gw: int | None = None


class TreatyRef(Contract):
    id: str
    name: str
    short: str | None = None
    """How tables name the treaty ("NATO", "China–DPRK 1961"): curated, else the organisation."""
    # Only for a unilateral pledge (an executive order, a declaration): what it is and that
    # it binds only its maker, wherever the pledge is named.
    instrument: Instrument | None = None
    note: str | None = None


class Source(Contract):
    """Where a record came from; the other fields depend on ``kind`` (DESIGN.md, "Source")."""

    model_config = ConfigDict(extra="allow")

    kind: SourceKind | str


Members = Literal["members"]

def _day(value: Any) -> Any:
    """One message for a bad date, the CLI's, instead of one per member of the union."""
    if isinstance(value, str) and value.strip().lower() == "today":
        return "today"
    if isinstance(value, str):
        try:
            dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a date (expected YYYY-MM-DD or today)") from None
    return value


Day = Annotated[dt.date | Literal["today"], BeforeValidator(_day)]
"""A date as a user gives it everywhere (``casus.dates``): ``YYYY-MM-DD`` or ``today``, which
the application resolves by its clock (an HTTP parameter, a request body, as a CLI flag)."""

ArticleLabel = Annotated[str, Field(description=(
    "How answers name the article beside its id: \"Art. 5\", \"Arts. 17–18\", \"Sec. 2\", a clause known by "
    "what it does (\"mutual assistance clause\", its text not read) or a curated label (\"1661 secret article\")."))]


class Basis(Contract):
    """An uncertain fact a duty rests on, as the data records it."""

    fact: str
    uncertain: str
"""Obligors or beneficiaries given as every party in force on the date."""
