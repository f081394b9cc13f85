"""States over HTTP: lookup by any name or code, the list on a date, a state's profile."""

from __future__ import annotations

import datetime as dt

from api.client import error_of

API = "/api/v1"


def defenders(profile):
    return [duty["state"]["id"] for duty in profile["defended_by"]]


def test_a_state_is_found_by_name_code_or_number(client):
    for name in ("North Korea", "PRK", "731", "Pyongyang"):
        response = client.get(f"{API}/states/{name}")
        assert response.status_code == 200, name
        assert response.json()["id"] == "PRK"


def test_an_unknown_state_is_404_with_the_query(client):
    error = error_of(client.get(f"{API}/states/Atlantis"), 404)
    assert error["kind"] == "not_found" and error["query"] == "Atlantis"
    error_of(client.get(f"{API}/states/Atlantis/profile", params={"on": "2025-01-01"}), 404)


def test_the_list_of_states_on_a_date_is_the_registry(client):
    body = client.get(f"{API}/states", params={"on": "1990-06-01"}).json()
    ids = {state["id"] for state in body["states"]}
    assert body["on"] == "1990-06-01"
    assert {"DDR", "GFR", "RUS"} <= ids  # East Germany; the USSR is COW 365 (RUS) throughout
    assert "EST" not in ids and "DEU" not in ids


def test_north_korea_on_2025_01_01_is_defended_by_china_and_russia_each_with_its_article(client):
    profile = client.get(f"{API}/states/North Korea/profile", params={"on": "2025-01-01"}).json()
    duties = {d["state"]["id"]: (d["treaty"]["id"], d["article"]) for d in profile["defended_by"]}
    assert duties == {"CHN": ("china-dprk-1961", "II"), "CUB": ("cuba-dprk-1986", "mutual-assistance"),
                      "RUS": ("russia-dprk-2024", "4")}


def test_on_2024_06_01_russia_does_not_defend_north_korea(client):
    profile = client.get(f"{API}/states/PRK/profile", params={"on": "2024-06-01"}).json()
    assert defenders(profile) == ["CHN", "CUB"]


def test_after_the_signing_and_before_entry_into_force_the_treaty_is_pending(client):
    profile = client.get(f"{API}/states/PRK/profile", params={"on": "2024-07-01"}).json()
    assert defenders(profile) == ["CHN", "CUB"]
    (pending,) = profile["pending"]
    assert pending["treaty"]["id"] == "russia-dprk-2024"
    assert (pending["status"], pending["signed"], pending["binds_from"]) == ("signed", "2024-06-19", "2024-12-04")


def test_the_profile_is_the_clis_json(client, cli_json):
    for name, day in (("PRK", "2025-01-01"), ("Estonia", "2025-01-01"), ("Japan", "1970-01-01")):
        api = client.get(f"{API}/states/{name}/profile", params={"on": day}).json()
        assert api == cli_json("state", name, "--on", day)


def test_known_at_answers_as_the_store_knew_it(client):
    before = client.get(f"{API}/states/PRK/profile",
                        params={"on": "2025-01-01", "known_at": "2000-01-01T00:00:00"}).json()
    assert before["defended_by"] == []
    now = client.get(f"{API}/states/PRK/profile", params={"on": "2025-01-01",
                                                         "known_at": dt.datetime.now(dt.UTC).isoformat()})
    assert defenders(now.json()) == ["CHN", "CUB", "RUS"]


def test_a_date_that_is_not_a_date_is_400_naming_the_field(client):
    error = error_of(client.get(f"{API}/states/PRK/profile", params={"on": "2025-13-01"}), 400)
    assert error["kind"] == "bad_input" and error["field"] == "on"
    error = error_of(client.get(f"{API}/states/PRK/profile", params={"known_at": "yesterday"}), 400)
    assert error["field"] == "known_at"


def test_an_ambiguous_name_is_400_with_the_candidates(client):
    error = error_of(client.get(f"{API}/states/Korea", params={"on": "2025-01-01"}), 400)
    assert error["kind"] == "bad_input" and error["query"] == "Korea"
    assert [s.split(" ")[0] for s in error["suggestions"]] == ["PRK", "KOR"]
