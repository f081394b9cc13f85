"""The write token is kept hashed, compared in constant time and never logged; clients are rate-limited."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from api.client import TOKEN, WRITE, error_of
from casus.api import create_app
from casus.app import App, FixedClock
from casus.api.ratelimit import RateLimit
from casus.api.security import TokenHash, configured_token
from casus.errors import InvalidArgumentError

API = "/api/v1"


def test_the_server_keeps_a_salted_scrypt_hash_of_the_token_never_the_token(client):
    held = client.app.state.token
    assert isinstance(held, TokenHash)
    assert TOKEN not in repr(vars(client.app.state)) and TOKEN not in str(held) and TOKEN not in repr(held)
    assert held.matches(TOKEN) and not held.matches(TOKEN + "x") and not held.matches("")
    assert TokenHash.of(TOKEN).salt != TokenHash.of(TOKEN).salt  # salted: two hashes of one token differ


def test_a_server_can_be_given_only_the_hash(monkeypatch):
    monkeypatch.delenv("CASUS_TOKEN", raising=False)
    monkeypatch.setenv("CASUS_TOKEN_HASH", str(TokenHash.of("from-a-hash")))
    assert configured_token(None).matches("from-a-hash")
    monkeypatch.setenv("CASUS_TOKEN_HASH", "md5$abc")
    with pytest.raises(InvalidArgumentError, match="CASUS_TOKEN_HASH: not a token hash"):
        configured_token(None)


def test_the_token_is_never_logged_even_on_a_failed_write(empty_client, caplog):
    caplog.set_level(logging.DEBUG)
    empty_client.post(f"{API}/proposals/1/accept", headers=WRITE)
    error_of(empty_client.post(f"{API}/proposals/1/accept", headers={"Authorization": "Bearer wrong-" + TOKEN}), 403)
    assert TOKEN not in caplog.text


def test_a_client_over_the_rate_limit_gets_429_with_retry_after_and_writes_have_their_own_bucket(tmp_path):
    application = App.open(tmp_path / "rate.sqlite", seed=False, clock=FixedClock("2030-03-10"))
    limit = RateLimit(reads_per_second=0.001, read_burst=3, writes_per_second=0.001, write_burst=1)
    with TestClient(create_app(application, token=TOKEN, web=False, rate_limit=limit)) as limited:
        assert [limited.get(f"{API}/health").status_code for _ in range(3)] == [200, 200, 200]
        answer = limited.get(f"{API}/health")
        error = error_of(answer, 429)
        assert int(answer.headers["retry-after"]) >= 1 and "rate limit" in error["message"]
        # Reads spent, one write still goes through; the next does not.
        assert limited.post(f"{API}/proposals/1/reject", headers=WRITE).status_code == 404
        error_of(limited.post(f"{API}/proposals/1/reject", headers=WRITE), 429)
    application.close()


def test_sql_in_a_path_or_query_is_only_ever_a_value(client):
    evil = "nato'; DROP TABLE treaties; --"
    assert client.get(f"{API}/treaties/{evil}").status_code == 404
    assert client.get(f"{API}/proposals", params={"status": evil}).status_code in (200, 400)
    assert client.get(f"{API}/treaties/nato").status_code == 200


def test_article_html_comes_back_as_json_text_never_as_html(empty_client):
    story = ("<script>alert('x')</script> Iceland and Portugal signed a mutual defence treaty in Reykjavik on "
             "Tuesday; each side pledges to come to the aid of the other if it is attacked.")
    answer = empty_client.post(f"{API}/read", json={"text": story, "published": "2030-03-05", "propose": True},
                               headers=WRITE)
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.headers["x-content-type-options"] == "nosniff"
    for proposal in answer.json()["proposals"]:
        shown = empty_client.get(f"{API}/proposals/{proposal['id']}")
        assert shown.headers["content-type"].startswith("application/json")
        assert "text/html" not in shown.headers["content-type"]
