"""Diff, exposure and entanglement over HTTP, compared with the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io

from typer.testing import CliRunner

from api.client import error_of
from casus.cli.main import app as cli_app

API = "/api/v1"


def test_the_diff_is_the_clis_json(client, cli_json):
    api = client.get(f"{API}/diff", params={"from": "2024-01-01", "to": "2025-01-01"}).json()
    assert api == cli_json("diff", "--from", "2024-01-01", "--to", "2025-01-01")


def test_the_diff_needs_both_dates(client):
    assert error_of(client.get(f"{API}/diff", params={"from": "2024-01-01"}), 400)["field"] == "to"
    assert error_of(client.get(f"{API}/diff", params={"from": "x", "to": "2025-01-01"}), 400)["field"] == "from"


def test_the_exposure_csv_is_the_clis_csv(client, builtin_path, monkeypatch):
    monkeypatch.setenv("CASUS_DB", str(builtin_path))
    response = client.get(f"{API}/exposure", params={"on": "2025-01-01", "format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    cli = CliRunner().invoke(cli_app, ["exposure", "--on", "2025-01-01", "--format", "csv"])
    assert cli.exit_code == 0 and response.text == cli.stdout


def test_the_exposure_json_comes_in_pages_that_add_up_to_the_whole(client):
    whole = list(csv.DictReader(io.StringIO(client.get(f"{API}/exposure", params={
        "on": "2025-01-01", "format": "csv"}).text)))
    first = client.get(f"{API}/exposure", params={"on": "2025-01-01", "limit": 3}).json()
    second = client.get(f"{API}/exposure", params={"on": "2025-01-01", "limit": 3, "offset": 3}).json()
    assert first["total"] == len(whole) and (first["offset"], first["limit"]) == (0, 3)
    rows = first["pairs"] + second["pairs"]
    expected = [{**row, "n_bound": int(row["n_bound"]), "n_conditional": int(row["n_conditional"])}
                for row in whole[:6]]
    assert rows == expected


def test_the_exposure_of_one_pair(client):
    body = client.get(f"{API}/exposure", params={"on": "2025-01-01", "attacker": "Russia",
                                                 "target": "North Korea"}).json()
    (pair,) = body["pairs"]
    assert (pair["attacker"], pair["target"], pair["bound"]) == ("RUS", "PRK", "CHN;CUB")
    body = client.get(f"{API}/exposure", params={"on": "2025-01-01", "attacker": "USA", "target": "PRK"}).json()
    assert body["pairs"][0]["bound"] == "CHN;CUB;RUS"


def test_bad_exposure_paging_is_400_naming_the_field(client):
    assert error_of(client.get(f"{API}/exposure", params={"limit": 0}), 400)["field"] == "limit"
    assert error_of(client.get(f"{API}/exposure", params={"offset": -1}), 400)["field"] == "offset"
    assert error_of(client.get(f"{API}/exposure", params={"offset": 2**63}), 400)["field"] == "offset"
    assert error_of(client.get(f"{API}/exposure", params={"format": "xlsx"}), 400)["field"] == "format"
    error_of(client.get(f"{API}/exposure", params={"on": "2025-01-01", "target": "Atlantis"}), 404)


def test_entanglement_is_the_clis_json(client, cli_json):
    api = client.get(f"{API}/entanglement", params={"on": "2025-01-01"}).json()
    assert api == cli_json("entanglement", "--on", "2025-01-01")


def test_the_network_is_the_graphml_exports_nodes_and_edges(client, builtin_path):
    from casus.exports import obligation_graph
    from casus.store import Store

    body = client.get(f"{API}/network", params={"on": "2025-01-01", "kind": "defense"}).json()
    with Store.open(builtin_path) as store:
        graph = obligation_graph(store, dt.date(2025, 1, 1))
    assert body["nodes"] == graph.nodes
    assert body["edges"] == [e for e in graph.edges if e["kind"] == "defense"]
    pairs = {(e["obligor"], e["beneficiary"], e["treaty"]) for e in body["edges"]}
    assert ("RUS", "PRK", "russia-dprk-2024") in pairs and ("PRK", "RUS", "russia-dprk-2024") in pairs
    assert any(node["id"] == "DDR" for node in client.get(f"{API}/network", params={"on": "1980-01-01"}).json()[
        "nodes"])


def test_the_network_refuses_an_unknown_kind_or_source(client):
    assert error_of(client.get(f"{API}/network", params={"kind": "love"}), 400)["field"] == "kind"
    assert error_of(client.get(f"{API}/network", params={"source": "nowhere"}), 400)["kind"] == "bad_input"


def test_the_network_of_one_date_after_another_is_drawn_on_the_kept_knowledge_base(client, monkeypatch):
    """The date slider asks for a network per year: none of them rebuilds the base from the store."""
    client.get(f"{API}/network", params={"on": "1990-01-01"})
    store = client.app.state.casus.store
    built = []
    build = store.knowledge_base
    monkeypatch.setattr(store, "knowledge_base", lambda *a, **k: built.append(a) or build(*a, **k))
    for year in (1991, 1992, 1993):
        assert client.get(f"{API}/network", params={"on": f"{year}-01-01"}).status_code == 200
    assert built == []
