"""Read an article: text or HTML with its date in, facts with exact evidence out.

The article's text comes back as text (an HTML page is reduced to its text by
the reader); the API never returns an article as HTML, and every answer says
``nosniff``.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials

from casus.api.deps import application
from casus.api.security import WRITE_RESPONSES, bearer, require_token
from casus.app import App
from casus.contracts.api import ArticleReading, ArticleRequest

router = APIRouter(tags=["reader"])


@router.post("/read", responses=WRITE_RESPONSES, summary="Read an article: agreements, parties, dates, provisions, with evidence")
def read(
    article: ArticleRequest,
    request: Request,
    credentials: HTTPAuthorizationCredentials | None = Depends(bearer),
    casus: App = Depends(application),
) -> ArticleReading:
    """The same reading as `casus read FILE --published D --json`; with `propose`, the proposals filed too."""
    if article.propose:
        require_token(request, credentials)
    return casus.read_text(article.text, article.published, html=article.html, url=article.url,
                           article_id=article.id, propose=article.propose)
