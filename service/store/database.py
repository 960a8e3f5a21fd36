"""Opening the database: engine, schema creation and version check."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from service.errors import MissingDependencyError, StoreError
from service.store.schema import SCHEMA_VERSION, Base, Meta


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers (checks, the API) run while the nightly job writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
    except ModuleNotFoundError as exc:
        raise MissingDependencyError(exc.name or "psycopg", extra="postgres", purpose="PostgreSQL") from None
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Database:
    """An engine plus a session factory, with the schema created on open."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._open_schema()

    def _open_schema(self) -> None:
        try:
            Base.metadata.create_all(self.engine)
            with self.session() as session:
                row = session.get(Meta, "schema_version")
                if row is None:
                    session.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
                elif int(row.value) != SCHEMA_VERSION:
                    raise StoreError(
                        f"database schema is version {row.value}, this factalign needs {SCHEMA_VERSION}"
                    )
        except OperationalError as exc:
            raise StoreError(f"cannot open the database {self.safe_url}: {exc.orig}") from None

    @property
    def safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed on success, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def get_meta(self, key: str) -> str | None:
        with self.session() as session:
            return session.scalar(select(Meta.value).where(Meta.key == key))

    def set_meta(self, key: str, value: str) -> None:
        with self.session() as session:
            self.set_meta_in(session, key, value)

    @staticmethod
    def set_meta_in(session: Session, key: str, value: str) -> None:
        """Set a meta value inside a caller's transaction (a watermark commits with its work)."""
        session.merge(Meta(key=key, value=value))

    def close(self) -> None:
        self.engine.dispose()


__all__ = ["Database", "SQLAlchemyError"]
