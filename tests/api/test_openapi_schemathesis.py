"""schemathesis against the app's own OpenAPI schema: every documented operation, bounded examples.

The operations are walked by hand (not ``schema.parametrize``) because the
app needs a fixture (a private seeded store), and schemathesis' lazy fixture
loader does not work with this pytest.
"""

from __future__ import annotations

import traceback

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.conftest import AUTH

pytestmark = pytest.mark.slow
EXAMPLES = 12
# A schema-valid article can still be unusable: HTML with no article text in
# it, or text that splits into no sentence. JSON Schema cannot say "this page
# has prose"; such articles get a 422 that says why (tested in test_routes).
# Nor can it say that a report's start date comes before its end date (422, tested in test_routes).
EXCLUDED = {"POST /v1/articles": [positive_data_acceptance], "GET /v1/report": [positive_data_acceptance]}


def run_operation(operation) -> None:
    excluded = EXCLUDED.get(operation.label, [])

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def conforms(case):
        case.call_and_validate(headers=AUTH, excluded_checks=excluded)

    conforms()


def test_every_operation_conforms_to_the_schema(client):
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11
    failures = []
    for operation in operations:
        try:
            run_operation(operation)
        except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001  every operation's failures, then one assert
            failures.append(f"{operation.label}: {''.join(traceback.format_exception(exc))}")
    assert not failures, "\n\n".join(failures)
