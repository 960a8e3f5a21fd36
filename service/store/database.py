"""Opening the database: engine, sessions, and the schema check (see ``migrate.py``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from service.errors import MissingDependencyError, StoreError
from service.store.migrate import check_schema
from service.store.schema import Meta

# Ids per ``IN (...)`` list: SQLite allows 32,766 bound values per statement
# and psycopg 65,535, and a whole store's worth of ids would exceed both.
ID_CHUNK = 4096


def id_chunks(ids: Iterable[int], size: int = ID_CHUNK) -> Iterator[list[int]]:
    """``ids`` in lists for one ``IN (...)`` each, every list padded with its first id to a power of two.

    Each length of an IN list is another statement to the driver, and
    sqlite3 keeps the last 128 statements of a connection prepared: align's
    look-ups of a few thousand ids, nearly every one of another length, held
    hundreds of megabytes of them (on full SaudiNewsNet the pair stage's
    driver grew by 365 MB). Repeating an id changes no result of an IN, and
    the padded lengths are a dozen statements in all.
    """
    ids = list(ids)
    for start in range(0, len(ids), size):
        chunk = ids[start:start + size]
        yield chunk + chunk[:1] * ((1 << (len(chunk) - 1).bit_length()) - len(chunk))


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


def open_error(url: str, exc: OperationalError) -> StoreError:
    return StoreError(f"cannot open the database {url}: {str(exc.orig).strip()}")


class Database:
    """An engine plus a session factory; opening checks the schema is the one this code needs.

    An empty database gets the schema; any other one not at the head
    revision raises StoreError telling the user to run `factalign db upgrade`.
    """

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            check_schema(self.engine, self.safe_url)
        except OperationalError as exc:
            self.engine.dispose()
            raise open_error(self.safe_url, exc) from None
        except StoreError:
            self.engine.dispose()
            raise

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
