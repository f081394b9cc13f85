"""Treaties over HTTP: the filtered list and one treaty, as the CLI gives them."""

from __future__ import annotations

from api.client import error_of

API = "/api/v1"


def test_the_list_and_its_filters_are_the_clis_json(client, cli_json):
    assert client.get(f"{API}/treaties").json() == cli_json("treaties")
    params = {"state": "North Korea", "on": "2025-01-01", "kind": "defense"}
    api = client.get(f"{API}/treaties", params=params).json()
    assert api == cli_json("treaties", "--state", "North Korea", "--on", "2025-01-01", "--kind", "defense")
    assert [t["id"] for t in api["treaties"]] == ["china-dprk-1961", "cuba-dprk-1986", "russia-dprk-2024"]


def test_a_treaty_by_id_or_organisation_is_the_clis_json(client, cli_json):
    nato = client.get(f"{API}/treaties/NATO", params={"on": "2025-01-01"}).json()
    assert nato == cli_json("treaty", "NATO", "--on", "2025-01-01")
    assert nato["id"] == "nato" and {o["article"] for o in nato["obligations"]} == {"1", "4", "5"}


def test_an_unknown_kind_is_400_naming_the_field(client):
    error = error_of(client.get(f"{API}/treaties", params={"kind": "friendship"}), 400)
    assert error["field"] == "kind" and "defense" in error["message"]


def test_an_unknown_treaty_or_party_is_404(client):
    assert error_of(client.get(f"{API}/treaties/no-such-pact"), 404)["query"] == "no-such-pact"
    error_of(client.get(f"{API}/treaties", params={"state": "Atlantis"}), 404)
    error_of(client.get(f"{API}/treaties/no-such-pact/evidence"), 404)


def test_a_curated_treaty_has_no_news_evidence(client):
    assert client.get(f"{API}/treaties/nato/evidence").json() == {"treaty": "nato", "evidence": []}
