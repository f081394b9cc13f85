"""Read an article: text or HTML with its date in, facts with exact evidence out.

The article's text comes back as text (HTML is reduced to its text by the
reader); the API never returns an article as HTML.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, ConfigDict, Field, model_validator

from casus.api.deps import application
from casus.api.security import bearer, require_token

router = APIRouter(tags=["reader"])


class ArticleIn(BaseModel):
    """One article: ``text`` or ``html`` (not both), with its publication date."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The article as plain text.")
    html: str | None = Field(None, description="The article as an HTML page (its text is extracted).")
    published: dt.date | None = Field(None, description="Publication date: relative dates resolve against it.")
    url: str | None = None
    id: str | None = Field(None, description="The article's id (default: its URL, else `article`).")
    propose: bool = Field(False, description="Also file the facts as proposals for review (a write: needs the token).")

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give the article as 'text' or as 'html', exactly one of them")
        return self


@router.post("/read", summary="Read an article: agreements, parties, dates, provisions, with evidence")
def read(
    article: ArticleIn,
    request: Request,
    credentials: HTTPAuthorizationCredentials | None = Depends(bearer),
    casus=Depends(application),
) -> dict[str, Any]:
    """The same payload as `casus read FILE --published D --json`; with `propose`, also the new proposals."""
    from casus.reader.extract import read_article
    from casus.reader.inputs import _from_record

    if article.propose:
        require_token(request, credentials)
    record = article.model_dump(exclude={"propose"}, exclude_none=True)
    record.setdefault("id", article.url or "article")
    loaded = _from_record(record, "article", None, "article", None)
    payload = read_article(loaded, first_pass=True).to_json()
    payload["article"]["text"] = loaded.text
    if article.propose:
        from casus.review import propose

        payload["proposals"] = [p.to_json() for p in propose(casus.store, payload)]
        casus.changed()
    return payload
