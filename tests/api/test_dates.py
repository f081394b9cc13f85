"""HTTP dates are spelled as on the CLI (``casus.dates``): ``YYYY-MM-DD`` or ``today``, which the
server reads by its clock (the test server's clock stands on 2025-01-01)."""

from __future__ import annotations

import pytest

from api.client import error_of

API = "/api/v1"


@pytest.mark.parametrize(("path", "params", "key"), [
    ("/states/PRK/profile", {"on": "today"}, "on"),
    ("/states", {"on": "today"}, "on"),
    ("/treaties", {"on": "Today"}, "on"),
    ("/entanglement", {"on": "today"}, "on"),
    ("/network", {"on": "today"}, "on"),
    ("/exposure", {"on": "today", "limit": 1}, "on"),
    ("/diff", {"from": "2024-01-01", "to": "today"}, "to"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_today_is_the_servers_date_for_every_date_parameter(client, path, params, key):
    response = client.get(f"{API}{path}", params=params)
    assert response.status_code == 200, response.text
    assert response.json()[key] == "2025-01-01"


def test_today_is_the_same_answer_as_the_date_itself(client):
    today = client.get(f"{API}/states/PRK/profile", params={"on": "today"}).json()
    assert today == client.get(f"{API}/states/PRK/profile", params={"on": "2025-01-01"}).json()


def test_a_scenario_and_a_reading_take_today_in_their_body(client):
    scenario = client.post(f"{API}/scenario", json={"on": "today", "acts": ["RUS attacks EST"]})
    assert scenario.status_code == 200, scenario.text
    assert scenario.json()["on"] == "2025-01-01"
    reading = client.post(f"{API}/read", json={"text": "Malta and Iceland signed a defence pact yesterday.",
                                               "published": "today"})
    assert reading.status_code == 200, reading.text
    assert reading.json()["article"]["published"] == "2025-01-01"


def test_a_word_that_is_not_a_date_is_refused_with_the_clis_message(client):
    error = error_of(client.get(f"{API}/states/PRK/profile", params={"on": "yesterday"}), 400)
    assert error["field"] == "on"
    assert error["message"] == "on: 'yesterday' is not a date (expected YYYY-MM-DD or today)"
