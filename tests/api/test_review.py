"""Reading an article and reviewing its proposals over HTTP: reads are open, writes need the token.

The article is our own made-up sentence about a made-up pact between two real
states, so the empty store has nothing to match it against.
"""

from __future__ import annotations

import pytest

from api.client import WRITE, error_of

API = "/api/v1"
STORY = (
    "Iceland and Portugal signed a mutual defence treaty in Reykjavik on Tuesday. "
    "Under the pact, each side pledges to come to the aid of the other if it is attacked."
)
SCRIPTED = "<script>alert('x')</script> " + STORY


@pytest.fixture
def proposed(empty_client):
    """The story read into the empty store with ``propose``: its one new-treaty proposal."""
    body = empty_client.post(f"{API}/read", json={"text": STORY, "published": "2030-03-05",
                                                   "url": "https://news.example/pact", "propose": True},
                             headers=WRITE).json()
    (proposal,) = body["proposals"]
    return proposal


def test_reading_finds_the_agreement_with_its_exact_evidence(empty_client):
    body = empty_client.post(f"{API}/read", json={"text": STORY, "published": "2030-03-05"}).json()
    (agreement,) = body["agreements"]
    assert [p["id"] for p in agreement["parties"]] == ["ISL", "PRT"]
    assert (agreement["event"], agreement["event_date"], agreement["provisions"]) == ("signed", "2030-03-05",
                                                                                      ["defense"])
    for evidence in agreement["evidence"]:
        assert STORY[evidence["start"]:evidence["end"]] == evidence["text"]
    assert body["article"]["text"] == STORY and body["proposals"] is None


def test_reading_is_the_same_as_the_clis(empty_client, tmp_path, monkeypatch):
    import json

    from typer.testing import CliRunner

    from casus.cli.main import app as cli_app

    monkeypatch.setenv("CASUS_DB", str(tmp_path / "cli.sqlite"))
    (tmp_path / "story.txt").write_text(STORY)
    cli = CliRunner().invoke(cli_app, ["read", str(tmp_path / "story.txt"), "--published", "2030-03-05", "--json"])
    api = empty_client.post(f"{API}/read", json={"text": STORY, "published": "2030-03-05", "id": "story"}).json()
    expected = json.loads(cli.stdout)
    expected["article"].pop("path", None)
    assert api["agreements"] == expected["agreements"] and api["mentions"] == expected["mentions"]


def test_a_script_in_an_article_comes_back_as_plain_text(empty_client):
    response = empty_client.post(f"{API}/read", json={"text": SCRIPTED, "published": "2030-03-05"})
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.json()["article"]["text"] == SCRIPTED


def test_html_is_read_as_its_text(empty_client):
    html = f"<html><head><title>Pact</title></head><body><article><p>{STORY}</p></article></body></html>"
    body = empty_client.post(f"{API}/read", json={"html": html, "published": "2030-03-05"}).json()
    assert "<" not in body["article"]["text"] and STORY in body["article"]["text"]
    assert [p["id"] for p in body["agreements"][0]["parties"]] == ["ISL", "PRT"]


def test_bad_articles_are_400_naming_the_field(empty_client):
    assert error_of(empty_client.post(f"{API}/read", json={"published": "2030-03-05"}), 400)["kind"] == "bad_input"
    both = {"text": STORY, "html": "<p>x</p>", "published": "2030-03-05"}
    error_of(empty_client.post(f"{API}/read", json=both), 400)
    assert error_of(empty_client.post(f"{API}/read", json={"text": STORY, "published": "March"}),
                    400)["field"] == "published"
    assert error_of(empty_client.post(f"{API}/read", json={"text": "   "}), 400)["code"] == "E103"
    german = ("Die Regierung hat am Dienstag in der Hauptstadt einen neuen Vertrag mit dem Nachbarland "
              "unterzeichnet, der eine enge Zusammenarbeit bei der Verteidigung vorsieht.")
    assert "English" in error_of(empty_client.post(f"{API}/read", json={"text": german}), 400)["message"]


def test_filing_proposals_is_a_write(empty_client):
    body = {"text": STORY, "published": "2030-03-05", "propose": True}
    assert error_of(empty_client.post(f"{API}/read", json=body), 401)["code"] == "E601"
    assert error_of(empty_client.post(f"{API}/read", json=body, headers={"Authorization": "Bearer nope"}),
                    403)["code"] == "E602"
    assert empty_client.get(f"{API}/proposals").json() == {"proposals": []}


def test_an_accepted_proposal_appears_on_its_treaty_page_with_its_evidence(empty_client, proposed):
    assert proposed["kind"] == "new_treaty" and proposed["status"] == "open"
    assert empty_client.get(f"{API}/proposals").json()["proposals"] == [proposed]
    assert empty_client.get(f"{API}/proposals/{proposed['id']}").json() == proposed
    accepted = empty_client.post(f"{API}/proposals/{proposed['id']}/accept", json={"by": "ana"}, headers=WRITE)
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert accepted.json()["decided_by"] == "ana"
    treaty = empty_client.get(f"{API}/treaties/{proposed['treaty']}").json()
    assert [m["state"]["id"] for m in treaty["members"]] == ["ISL", "PRT"]
    assert treaty["source"]["kind"] == "read" and treaty["source"]["text"] == STORY.split(". ")[0] + "."
    evidence = empty_client.get(f"{API}/treaties/{proposed['treaty']}/evidence").json()["evidence"]
    assert [e["id"] for e in evidence] == [proposed["id"]]
    assert empty_client.get(f"{API}/proposals").json() == {"proposals": []}
    assert empty_client.get(f"{API}/proposals", params={"status": "accepted"}).json()["proposals"][0]["id"] == \
        proposed["id"]


def test_accepting_a_proposal_twice_is_409(empty_client, proposed):
    url = f"{API}/proposals/{proposed['id']}/accept"
    assert empty_client.post(url, headers=WRITE).status_code == 200
    error = error_of(empty_client.post(url, headers=WRITE), 409)
    assert error["kind"] == "conflict" and "already accepted" in error["message"]
    error_of(empty_client.post(f"{API}/proposals/{proposed['id']}/reject", headers=WRITE), 409)


def test_a_rejected_proposal_writes_nothing_and_keeps_the_reason(empty_client, proposed):
    response = empty_client.post(f"{API}/proposals/{proposed['id']}/reject",
                                 json={"by": "ana", "reason": "made-up pact"}, headers=WRITE)
    assert response.json()["status"] == "rejected" and response.json()["reason"] == "made-up pact"
    assert empty_client.get(f"{API}/treaties").json()["treaties"] == []


def test_deciding_needs_the_right_token(empty_client, proposed):
    url = f"{API}/proposals/{proposed['id']}/accept"
    missing = empty_client.post(url)
    assert error_of(missing, 401)["code"] == "E601" and missing.headers["www-authenticate"] == "Bearer"
    assert error_of(empty_client.post(url, headers={"Authorization": "Bearer wrong"}), 403)["code"] == "E602"
    assert error_of(empty_client.post(url, headers={"Authorization": "Basic dXNlcjpwdw=="}), 401)
    assert empty_client.get(f"{API}/proposals/{proposed['id']}").json()["status"] == "open"


def test_unknown_proposals_are_404_and_bad_ids_400(empty_client):
    error_of(empty_client.get(f"{API}/proposals/999"), 404)
    error_of(empty_client.post(f"{API}/proposals/999/accept", headers=WRITE), 404)
    assert error_of(empty_client.get(f"{API}/proposals/abc"), 400)["field"] == "proposal_id"
    assert error_of(empty_client.get(f"{API}/proposals", params={"status": "maybe"}), 400)["field"] == "status"
    assert error_of(empty_client.post(f"{API}/proposals/1/reject", json={"by": ""}, headers=WRITE),
                    400)["field"] == "by"


def test_a_cached_answer_is_never_served_after_a_write(empty_client, proposed):
    before = empty_client.get(f"{API}/states/ISL/profile", params={"on": "2030-03-10"}).json()
    assert before["pending"] == [] and empty_client.get(f"{API}/states/ISL/profile",
                                                       params={"on": "2030-03-10"}).json() == before
    empty_client.post(f"{API}/proposals/{proposed['id']}/accept", headers=WRITE)
    after = empty_client.get(f"{API}/states/ISL/profile", params={"on": "2030-03-10"}).json()
    assert [p["treaty"]["id"] for p in after["pending"]] == [proposed["treaty"]]
