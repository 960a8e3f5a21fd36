"""Shared fixtures: a data home per test, the seeds, the shared eval files, the databases.

Store and job tests run on SQLite and, when ``FACTALIGN_TEST_DATABASE_URL``
names a PostgreSQL database (``.ci/run`` sets it), on PostgreSQL too: the
``store_backend`` fixture is parametrised in ``tests/store`` and
``tests/jobs``. Every PostgreSQL store lives in a schema of its own, named
after this test session, so parallel runs never meet; all are dropped at
the end of the session.
"""

from __future__ import annotations

import itertools
import json
import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from service.config import load_settings
from service.context import Context

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
# The project's shared data (eval files, SaudiNewsNet days, ANS, STS) is not in the repository: it
# sits beside it as ../shared, or wherever FACTALIGN_TEST_SHARED points. Tests that need it skip without it.
SHARED = Path(os.environ.get("FACTALIGN_TEST_SHARED") or REPO.parent / "shared")
TEST_DATABASE_URL = os.environ.get("FACTALIGN_TEST_DATABASE_URL") or None
BACKENDS = ["sqlite"] + (["postgresql"] if TEST_DATABASE_URL else [])


class PostgresSchemas:
    """Throwaway schemas in the test database, one per store, all named after this session."""

    def __init__(self, url: str):
        self.url = make_url(url)
        self.prefix = f"factalign_test_{os.getpid()}_{secrets.token_hex(3)}"
        self.engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.made: list[str] = []

    def new_url(self) -> str:
        """A URL whose connections see only a new, empty schema (``search_path``)."""
        name = f"{self.prefix}_{len(self.made)}"
        with self.engine.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
        self.made.append(name)
        return self.url.update_query_dict({"options": f"-csearch_path={name}"}).render_as_string(
            hide_password=False)

    def drop_all(self) -> None:
        with self.engine.connect() as connection:
            for name in self.made:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        self.engine.dispose()


@pytest.fixture(scope="session")
def pg_schemas():
    if TEST_DATABASE_URL is None:
        yield None
        return
    schemas = PostgresSchemas(TEST_DATABASE_URL)
    yield schemas
    schemas.drop_all()


@pytest.fixture
def store_backend() -> str:
    """The database under test; tests/store and tests/jobs parametrise it over BACKENDS."""
    return "sqlite"


@pytest.fixture
def new_database_url(store_backend, pg_schemas, tmp_path):
    """A factory of URLs of new, empty databases of the backend under test."""
    numbers = itertools.count()

    def make() -> str:
        if store_backend == "postgresql":
            return pg_schemas.new_url()
        return f"sqlite:///{tmp_path / f'store{next(numbers)}.sqlite3'}"

    return make


def shared_path(*parts: str) -> Path:
    """A file or folder of the shared data, or a skip that names what is missing and where it comes from."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path}: the shared data directory beside the repository (../shared, or "
                    f"FACTALIGN_TEST_SHARED), which a bare clone does not have; see README, Tests")
    return path


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def make_context(tmp_path, store_backend, pg_schemas):
    made = []

    def make(**overrides) -> Context:
        if store_backend == "postgresql" and "database_url" not in overrides:
            overrides["database_url"] = pg_schemas.new_url()
        settings = load_settings(home=tmp_path / f"home{len(made)}", **overrides)
        ctx = Context(settings)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@contextmanager
def opened(home: Path) -> Iterator[Context]:
    """A Context on the store at home, closed after."""
    ctx = Context(load_settings(home=home))
    try:
        yield ctx
    finally:
        ctx.close()


def ingest_and_align(home: Path, paths: list[Path]):
    """The paths ingested into the store at home, then aligned; the ingest report."""
    from service.jobs.align import run_align
    from service.jobs.ingest import ingest_paths

    with opened(home) as ctx:
        s = ctx.settings
        report = ingest_paths(ctx.db, paths, max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
        run_align(ctx.db, s)
    return report


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory):
    """A home with the seeds ingested and aligned once for the whole session."""
    home = tmp_path_factory.mktemp("seeded")
    ingest_and_align(home, [SEEDS])
    return home


@pytest.fixture
def seeded(seeded_home):
    with opened(seeded_home) as ctx:
        yield ctx
