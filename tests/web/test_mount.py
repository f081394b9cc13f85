"""casus.web.mount: the pages, casus's own assets, the npm assets, and the map's state ids."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from casus.web import PAGES, mount
from casus.web.assets import VENDOR
from casus.web.geo import map_ids


@pytest.fixture(scope="module")
def client():
    app = FastAPI()
    mount(app)
    with TestClient(app) as test_client:
        yield test_client


@pytest.mark.parametrize("path", ["/", "/map", "/network", "/scenario", "/treaties", "/treaties/nato", "/reader"])
def test_every_page_is_the_shell_with_a_policy_that_forbids_inline_scripts(client, path):
    answer = client.get(path)
    assert answer.status_code == 200
    assert '<main id="main"' in answer.text
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_the_pages_listed_are_the_pages_served():
    assert len(PAGES) == 7


def test_the_scripts_and_styles_are_served(client):
    for name in ("app.js", "common.js", "map.js", "network.js", "scenario.js", "treaty.js", "reader.js",
                 "worldmap.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200, name


def test_the_npm_assets_are_served_from_node_modules(client):
    for name in VENDOR:
        answer = client.get(f"/static/vendor/{name}")
        assert answer.status_code == 200, name
        assert len(answer.content) > 5_000


def test_only_the_listed_npm_files_are_served(client):
    assert client.get("/static/vendor/package.json").status_code == 404
    assert client.get("/static/vendor/..%2Fpackage.json").status_code == 404


def test_missing_npm_assets_are_a_503_that_says_to_run_make(monkeypatch, tmp_path):
    monkeypatch.setenv("CASUS_WEB_ASSETS", str(tmp_path))
    app = FastAPI()
    mount(app)
    with TestClient(app) as bare:
        answer = bare.get("/static/vendor/d3.min.js")
    assert answer.status_code == 503
    error = answer.json()["error"]
    assert error["code"] == "web_assets_missing"
    assert "npm ci" in error["message"]
    assert error["field"] == "d3.min.js"


def test_map_shapes_are_tied_to_casus_states_by_iso_numeric_code():
    ids = map_ids()
    assert ids["n:408"] == {"state": "PRK"}
    assert ids["n:643"] == {"state": "RUS"}
    assert ids["n:470"] == {"state": "MLT"}
    assert ids["n:250"] == {"state": "FRA"}  # Natural Earth lacks France's number; ISO has it


def test_dependent_territories_take_their_sovereigns_colour_and_say_so():
    ids = map_ids()
    assert ids["n:304"] == {"state": "DNK", "territory": "Greenland"}
    assert ids["n:540"] == {"state": "FRA", "territory": "New Caledonia"}


def test_shapes_without_a_number_are_found_by_name_and_disputed_ones_are_not_given_away():
    ids = map_ids()
    assert ids["name:Kosovo"] == {"state": "XKX"}
    assert "n:275" not in ids  # Palestine: Natural Earth's "Indeterminate", no casus state
    assert "name:Somaliland" not in ids
    assert "name:N. Cyprus" not in ids


def test_the_map_ids_are_served_as_json(client):
    assert client.get("/static/geo-ids.json").json()["n:408"] == {"state": "PRK"}
