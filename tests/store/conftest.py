"""The store/job tests run on every database under test (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import pytest

from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def store_backend(request) -> str:
    return request.param
