"""Kept answers: a repeated question is answered from memory, and never with what a write made stale."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.client import TOKEN, WRITE
from api.test_review import STORY
from casus.api import create_app
from casus.api.cache import Answers, Kept
from casus.app import App, FixedClock

API = "/api/v1"


def test_a_repeated_profile_is_answered_from_memory_with_the_same_bytes(client):
    answers = client.app.state.answers
    first = client.get(f"{API}/states/EST/profile?on=2024-02-29")
    hits = answers.hits
    again = client.get(f"{API}/states/EST/profile?on=2024-02-29")
    assert answers.hits == hits + 1
    assert again.content == first.content and again.headers["content-type"] == "application/json"
    assert again.headers["x-content-type-options"] == "nosniff"
    assert "USA" in {d["state"]["id"] for d in again.json()["defended_by"]}


def test_a_repeated_scenario_is_answered_from_memory(client):
    answers = client.app.state.answers
    question = {"on": "2024-02-29", "mode": "strict", "acts": [{"attacker": "RUS", "target": "EST"}]}
    first = client.post(f"{API}/scenario", json=question)
    hits = answers.hits
    assert client.post(f"{API}/scenario", json=question).content == first.content
    assert answers.hits == hits + 1
    other = client.post(f"{API}/scenario", json={**question, "acts": [{"attacker": "RUS", "target": "FIN"}]})
    assert answers.hits == hits + 1 and other.content != first.content


def test_errors_and_the_review_queue_are_never_kept(client):
    answers = client.app.state.answers
    kept = len(answers)
    assert client.get(f"{API}/states/Atlantis/profile?on=2025-01-01").status_code == 404
    assert client.get(f"{API}/states/Atlantis/profile?on=2025-01-01").status_code == 404
    client.get(f"{API}/proposals")
    client.get(f"{API}/proposals")
    assert len(answers) == kept


def test_a_treaty_accepted_over_http_is_in_the_next_answer(empty_client):
    """Iceland has no treaty in the empty store; once the made-up pact is accepted, its profile lists it."""
    profile = f"{API}/states/ISL/profile?on=2030-03-09"
    assert empty_client.get(profile).json()["pending"] == []
    assert empty_client.get(profile).json()["pending"] == []  # now kept
    reading = empty_client.post(f"{API}/read", json={"text": STORY, "published": "2030-03-05", "propose": True},
                                headers=WRITE).json()
    (proposal,) = reading["proposals"]
    assert empty_client.post(f"{API}/proposals/{proposal['id']}/accept", headers=WRITE).status_code == 200
    assert [p["treaty"]["id"] for p in empty_client.get(profile).json()["pending"]] == [proposal["treaty"]]


def test_a_write_by_another_process_is_in_the_next_answer(tmp_path):
    """Two apps on one store file stand for two processes: the server's kept answer goes with the other's write."""
    path = tmp_path / "shared.sqlite"
    server_side = App.open(path, seed=False, clock=FixedClock("2030-03-10"))
    other = App.open(path, seed=False, clock=FixedClock("2030-03-10"))
    try:
        with TestClient(create_app(server_side, token=TOKEN, web=False)) as http:
            treaties = f"{API}/treaties?state=ISL"
            assert http.get(treaties).json()["treaties"] == []
            assert http.get(treaties).json()["treaties"] == []  # now kept
            (proposal,) = other.read_text(STORY, published="2030-03-05", propose=True).proposals
            other.review_accept(proposal.id, by="another process")
            assert [t["id"] for t in http.get(treaties).json()["treaties"]] == [proposal.treaty]
    finally:
        server_side.close()
        other.close()


def test_today_is_part_of_the_question(tmp_path):
    """Without a date, a profile is of today: the next day's question is not answered with yesterday's."""
    clock = FixedClock("2030-03-10")
    application = App.open(tmp_path / "empty.sqlite", seed=False, clock=clock)
    try:
        with TestClient(create_app(application, token=TOKEN, web=False)) as http:
            assert http.get(f"{API}/states/ISL/profile").json()["on"] == "2030-03-10"
            clock.day = clock.day.replace(day=11)
            assert http.get(f"{API}/states/ISL/profile").json()["on"] == "2030-03-11"
    finally:
        application.close()


def _kept(generation: int, size: int) -> Kept:
    return Kept(generation, {"type": "http.response.start", "status": 200, "headers": []}, b"x" * size)


def test_kept_answers_are_bounded_in_count_and_in_bytes():
    answers = Answers(entries=3, max_bytes=1000, max_entry=600)  # answers under 1 KB are never gzipped
    for name in "abcd":
        answers.put(name, _kept(1, 10))
    assert len(answers) == 3 and answers.get("a", 1) is None and answers.get("d", 1) is not None
    answers.put("big", _kept(1, 500))
    answers.put("bigger", _kept(1, 550))
    assert answers.size <= 1000 and answers.get("bigger", 1) is not None and answers.get("big", 1) is None
    answers.put("huge", _kept(1, 601))
    assert answers.get("huge", 1) is None


def test_an_answer_from_before_a_write_is_never_kept_or_served():
    answers = Answers()
    answers.put("q", _kept(5, 10))
    assert answers.get("q", 6) is None  # the store moved on
    answers.put("r", _kept(6, 10))
    assert len(answers) == 1  # generation 5's answers went with the write
    answers.put("late", _kept(5, 10))  # computed before the write, finished after
    assert answers.get("late", 5) is None and answers.get("late", 6) is None


def test_a_kept_answer_goes_gzipped_to_a_client_that_accepts_it(client):
    """A NATO member's profile is ~0.4 MB of JSON; a browser, which accepts gzip, gets a fraction of it."""
    url = f"{API}/states/USA/profile?on=2023-04-04"
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert plain.headers["vary"] == "accept-encoding" and "content-encoding" not in plain.headers
    packed = client.get(url, headers={"Accept-Encoding": "br, gzip;q=0.8"})
    assert packed.headers["content-encoding"] == "gzip" and packed.headers["vary"] == "accept-encoding"
    assert int(packed.headers["content-length"]) < len(plain.content) / 5
    assert packed.content == plain.content  # the client unpacked it
    refused = client.get(url, headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers and refused.content == plain.content
