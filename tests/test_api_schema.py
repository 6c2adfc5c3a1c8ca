"""The running server against its own OpenAPI description (schemathesis): whatever a client sends
within or outside the schema, no answer is a 500, and every answer conforms to the description
(documented status codes, schema-valid bodies), and what the description forbids is refused.

One check is left out: schemathesis' "schema-valid request accepted". Two rules of the API are
beyond what OpenAPI can say about query parameters (a dyad names two *different* actors; impact
needs a date or an event id), so a request the description allows can rightly get a 422.

The operations are walked inside one test (schemathesis' lazy pytest fixture loader does not run
under this pytest); each is tested with hypothesis, and every failing operation is reported."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance
from test_api import TOKEN, build_synthetic, start_server, stop_server

EXAMPLES = 40


def test_every_route_keeps_its_contract(tmp_path_factory: pytest.TempPathFactory) -> None:
    db = build_synthetic(tmp_path_factory.mktemp("schema") / "schema.duckdb").path
    server = start_server(db, db.with_suffix(".log"), token=TOKEN)
    failures: dict[str, str] = {}
    tried = 0
    try:
        schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
        for result in schema.get_all_operations():
            operation = result.ok()
            tried += 1

            @given(case=operation.as_strategy())
            @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                      database=None)
            def check(case: schemathesis.Case) -> None:
                case.call_and_validate(timeout=120, excluded_checks=[positive_data_acceptance],
                                      headers={"Authorization": f"Bearer {TOKEN}"})

            try:
                check()
            except Exception as exc:  # noqa: BLE001 - collect every operation's failure, then report
                failures[operation.label] = str(exc)[:1500]
    finally:
        stop_server(server)
    assert tried >= 10
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
