"""Schema migrations: the models and the migrated schema agree, old stores upgrade, newer ones are refused."""

from __future__ import annotations

import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import text

from service.cli import cli
from service.errors import StoreError
from service.store import migrate
from service.store.database import Database, make_engine
from service.store.schema import SCHEMA_REVISION, Base

ARTICLE = ("INSERT INTO articles (id, outlet, language, published_at, content_hash, text, ingested_at) "
           "VALUES ('a1', 'Outlet', 'en', '2017-01-17', 'h1', 'The talks will last two days.', '2017-01-17 10:00:00')")
SENTENCE = ("INSERT INTO sentences (article_id, position, start, \"end\", text, text_hash) "
            "VALUES ('a1', 0, 0, 29, 'The talks will last two days.', 's1')")


def _diffs(engine) -> list:
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)


def _revision(engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _db(home, url, *args):
    return CliRunner().invoke(cli, ["--home", str(home), "--database-url", url, "db", *args])


def _store_at_initial(url: str, *, legacy: bool = False):
    """A store at revision 0001 holding one article; ``legacy``: as made before migrations existed."""
    engine = make_engine(url)
    migrate.upgrade(engine, migrate.INITIAL)
    with engine.begin() as connection:
        connection.execute(text(ARTICLE))
        connection.execute(text(SENTENCE))
        if legacy:
            connection.execute(text("DROP TABLE alembic_version"))
            connection.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', '1')"))
    return engine


def test_the_models_revision_is_the_newest_migration():
    assert migrate.head_revision() == SCHEMA_REVISION


def test_a_new_database_gets_the_schema_of_the_models(new_database_url):
    db = Database(new_database_url())
    try:
        assert _revision(db.engine) == SCHEMA_REVISION
        assert _diffs(db.engine) == []
    finally:
        db.close()


def test_downgrade_to_the_initial_revision_and_back(new_database_url):
    engine = make_engine(new_database_url())
    try:
        migrate.upgrade(engine)
        assert migrate.downgrade(engine, migrate.INITIAL) == migrate.INITIAL
        assert migrate.upgrade(engine) == (migrate.INITIAL, SCHEMA_REVISION)
        assert _diffs(engine) == []
    finally:
        engine.dispose()


def test_a_store_behind_is_refused_until_upgraded_with_its_data(new_database_url, tmp_path):
    url = new_database_url()
    engine = _store_at_initial(url)
    with pytest.raises(StoreError, match=r"revision 0001_initial.*factalign db upgrade"):
        Database(url)
    assert _db(tmp_path, url, "current").exit_code == 1
    result = _db(tmp_path, url, "upgrade")
    assert result.exit_code == 0, result.output
    assert f"upgraded from {migrate.INITIAL} to {SCHEMA_REVISION}" in result.output
    assert "already at" in _db(tmp_path, url, "upgrade").output
    db = Database(url)
    try:
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT text FROM sentences")).scalar() == "The talks will last two days."
        assert _diffs(engine) == []
    finally:
        db.close()
        engine.dispose()


def test_a_store_made_before_migrations_is_recognised_and_upgraded(new_database_url, tmp_path):
    url = new_database_url()
    engine = _store_at_initial(url, legacy=True)
    with pytest.raises(StoreError, match="made before schema migrations.*factalign db upgrade"):
        Database(url)
    assert _db(tmp_path, url, "upgrade").exit_code == 0
    status = json.loads(_db(tmp_path, url, "current", "--json").output)
    assert status["current"] == SCHEMA_REVISION and status["up_to_date"]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM meta WHERE key = 'schema_version'")).scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM articles")).scalar() == 1
    engine.dispose()


def test_a_store_from_a_newer_factalign_is_refused(new_database_url, tmp_path):
    url = new_database_url()
    engine = make_engine(url)
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    with pytest.raises(StoreError, match="newer factalign"):
        Database(url)
    result = _db(tmp_path, url, "upgrade")
    assert result.exit_code == 2 and "newer factalign" in result.output
    engine.dispose()


def test_an_unreachable_database_is_a_store_error(store_backend, tmp_path):
    url = ("postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2" if store_backend == "postgresql"
           else f"sqlite:///{tmp_path / 'a-folder.sqlite3'}")
    (tmp_path / "a-folder.sqlite3").mkdir()
    with pytest.raises(StoreError, match="cannot open the database"):
        Database(url)
