"""Schemathesis against the OpenAPI document: every endpoint, generated requests, no 500, no partial write.

Requests carry the write token, so writes really run. After each case the
store's invariants hold (``check_store``), and a write answered with an error
left every table exactly as it was.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from sqlalchemy import func, select

from api.client import TOKEN, WRITE
from casus.api import create_app
from casus.app import App, FixedClock
from casus.store.checks import check_store
from casus.store.tables import metadata


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    application = App.open(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite", clock=FixedClock("2030-03-10"))
    app = create_app(application, token=TOKEN, web=False)
    yield application, app
    application.close()


def _counts(store) -> dict[str, int]:
    with store.transaction() as connection:
        return {t.name: connection.execute(select(func.count()).select_from(t)).scalar() for t in metadata.sorted_tables}


EXAMPLES = 12


def _fuzz(operation, application, tried):
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case):
        before = _counts(application.store)
        response = case.call_and_validate(headers=WRITE, checks=[not_a_server_error])
        if case.method.upper() != "GET" and response.status_code >= 400:
            assert _counts(application.store) == before, (case.method, case.path, response.status_code)
        tried[operation.label] = tried.get(operation.label, 0) + 1

    return run


def test_a_proposal_id_too_large_for_any_database_is_not_found(empty_client):
    from api.client import error_of

    error_of(empty_client.get(f"/api/v1/proposals/{2**70}"), 404)
    error_of(empty_client.post(f"/api/v1/proposals/{2**40}/accept", headers=WRITE), 404)


@pytest.mark.slow
def test_no_request_to_any_endpoint_crashes_the_server_or_half_writes(fuzzed):
    application, app = fuzzed
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    tried: dict[str, int] = {}
    for result in schema.get_all_operations():
        _fuzz(result.ok(), application, tried)()
    assert check_store(application.store) == []
    assert len(tried) >= 18, sorted(tried)
    print(f"schemathesis: {sum(tried.values())} requests over {len(tried)} operations")
