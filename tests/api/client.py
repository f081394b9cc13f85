"""What the API tests share: the write token and how an error answer looks."""

from __future__ import annotations

TOKEN = "test-token-not-a-secret"
WRITE = {"Authorization": f"Bearer {TOKEN}"}


def error_of(response, status: int) -> dict:
    """The error body of ``response``, after checking its status and shape."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] and error["kind"] and error["message"]
    return error
