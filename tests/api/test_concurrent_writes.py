"""Two reviewers accept one proposal at the same instant over HTTP: one 200, one 409, one set of records."""

from __future__ import annotations

import threading

from api.client import WRITE
from api.test_review import STORY

API = "/api/v1"


def test_the_second_of_two_simultaneous_accepts_is_a_409_conflict(empty_client):
    answers = []
    for round_ in range(10):
        body = empty_client.post(f"{API}/read", json={"text": STORY, "published": "2030-03-05",
                                                       "id": f"story-{round_}", "propose": True}, headers=WRITE).json()
        proposal = body["proposals"][0]
        barrier = threading.Barrier(2)
        statuses = []

        def accept(proposal_id=proposal["id"], barrier=barrier, statuses=statuses):
            barrier.wait()
            statuses.append(empty_client.post(f"{API}/proposals/{proposal_id}/accept", headers=WRITE).status_code)

        threads = [threading.Thread(target=accept) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        answers.append(sorted(statuses))
        treaty = empty_client.get(f"{API}/proposals/{proposal['id']}").json()
        assert treaty["status"] == "accepted"
    assert answers == [[200, 409]] * 10
