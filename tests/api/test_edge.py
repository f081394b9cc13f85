"""The app's edge: limits, errors as JSON, the OpenAPI document and docs page, the web UI hook."""

from __future__ import annotations

import sys
import types

from fastapi.testclient import TestClient

from api.client import TOKEN, WRITE, error_of
from casus.api import create_app
from casus.api.app import mount_web
from casus.app import App, FixedClock

API = "/api/v1"


def test_a_body_over_the_limit_is_413_before_the_route_reads_it(builtin_path):
    application = App.open(builtin_path, clock=FixedClock("2025-01-01"))
    small = TestClient(create_app(application, token=TOKEN, max_body=1000, web=False))
    big = {"text": "word " * 400, "published": "2030-03-05"}
    error = error_of(small.post(f"{API}/read", json=big), 413)
    assert error["code"] == "E611" and "1,000 bytes" in error["message"]

    def chunks():  # no Content-Length: the body is counted as it arrives
        for _ in range(5):
            yield b"x" * 400

    error = error_of(small.post(f"{API}/read", content=chunks(), headers={"Content-Type": "application/json"}), 413)
    assert error["code"] == "E611"
    assert small.post(f"{API}/scenario", json={"on": "2025-01-01", "acts": ["RUS attacks EST"]}).status_code == 200
    application.close()


def test_unknown_routes_and_methods_answer_json(client):
    assert error_of(client.get(f"{API}/nothing-here"), 404)["code"] == "E612"
    assert error_of(client.delete(f"{API}/states/PRK"), 405)["code"] == "E613"


def test_the_openapi_document_lists_every_route_and_marks_the_writes(client):
    document = client.get("/openapi.json").json()
    paths = document["paths"]
    for path in ("/states", "/states/{name}", "/states/{name}/profile", "/treaties", "/treaties/{treaty_id}",
                 "/scenario", "/diff", "/exposure", "/entanglement", "/network", "/read", "/proposals",
                 "/proposals/{proposal_id}", "/proposals/{proposal_id}/accept", "/proposals/{proposal_id}/reject",
                 "/sources"):
        assert API + path in paths, path
    assert paths[f"{API}/proposals/{{proposal_id}}/accept"]["post"]["security"] == [{"HTTPBearer": []}]
    assert "security" not in paths[f"{API}/states/{{name}}/profile"]["get"]


def test_the_docs_page_is_served_from_the_installed_wheel_not_a_cdn(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "/docs/assets/swagger-ui-bundle.js" in page.text
    assert "cdn." not in page.text and "https://" not in page.text.split("<body>")[0]
    script = client.get("/docs/assets/swagger-ui-bundle.js")
    assert script.status_code == 200 and len(script.content) > 100_000


def test_every_answer_says_nosniff(client):
    for response in (client.get(f"{API}/sources"), client.get(f"{API}/states/Atlantis"), client.get("/docs")):
        assert response.headers["x-content-type-options"] == "nosniff"


def test_sources_are_the_clis_json(client, cli_json):
    api, cli = client.get(f"{API}/sources").json(), cli_json("sources")
    for row in cli["sources"]:  # the CLI writes a time as str() gives it; JSON over HTTP in ISO 8601
        row["loaded_at"] = row["loaded_at"].replace(" ", "T")
    assert api == cli and [s["id"] for s in api["sources"]] == ["builtin"]


def test_health_says_whether_the_server_takes_writes(client):
    assert client.get(f"{API}/health").json() == {"status": "ok", "version": "0.1.0", "writes": True}


def test_a_server_without_a_token_takes_no_writes(builtin_path, monkeypatch):
    monkeypatch.delenv("CASUS_TOKEN", raising=False)
    application = App.open(builtin_path, clock=FixedClock("2025-01-01"))
    read_only = TestClient(create_app(application, web=False))
    assert error_of(read_only.post(f"{API}/proposals/1/accept", headers=WRITE), 403)["code"] == "E603"
    assert read_only.get(f"{API}/health").json()["writes"] is False
    monkeypatch.setenv("CASUS_TOKEN", "from-the-environment")
    configured = TestClient(create_app(application, web=False))
    answer = configured.post(f"{API}/proposals/1/accept", headers={"Authorization": "Bearer from-the-environment"})
    assert error_of(answer, 404)["kind"] == "not_found"  # past the token, to the library
    application.close()


def test_the_web_ui_is_mounted_when_casus_web_provides_mount(monkeypatch, client):
    calls = []
    monkeypatch.setitem(sys.modules, "casus.web", types.SimpleNamespace(mount=calls.append))
    app = client.app
    assert mount_web(app) is True and calls == [app]
    monkeypatch.setitem(sys.modules, "casus.web", types.SimpleNamespace())
    assert mount_web(app) is False


def test_every_error_answer_is_documented_and_fits_its_contract(client):
    from casus.contracts.api import ErrorResponse

    document = client.get("/openapi.json").json()
    accept = document["paths"][f"{API}/proposals/{{proposal_id}}/accept"]["post"]["responses"]
    assert {"400", "401", "403", "404", "409"} <= set(accept)
    for response in (client.get(f"{API}/states/Atlantis"), client.get(f"{API}/states/PRK/profile?on=x"),
                     client.post(f"{API}/proposals/1/accept"), client.get(f"{API}/nowhere")):
        ErrorResponse.model_validate(response.json())
