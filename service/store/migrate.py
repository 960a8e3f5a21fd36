"""Schema migrations: Alembic configured in code, the start-up check, the upgrade.

Alembic is driven programmatically (no alembic.ini), with the revisions
shipped as modules of ``service.store.migrations.versions``, so
``factalign db upgrade`` works the same from a source checkout and from an
installed wheel.

Rules at start-up (``check_schema``, called whenever a store is opened):

- at the head revision: open;
- empty (no factalign table, no revision): the schema is created, so a new
  home or a fresh PostgreSQL database just works;
- anything else (an older revision, a store made before migrations existed,
  a revision this version does not know): a StoreError that says what to do.
  A store holding data is never changed behind the user's back.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from service.errors import StoreError
from service.store import migrations
from service.store.schema import Base

INITIAL = "0001_initial"
# meta.schema_version of stores made by create_all before migrations; its tables are revision INITIAL.
LEGACY_VERSION = "1"
UPGRADE_HINT = "run `factalign db upgrade` (after a backup of the database)"
# PostgreSQL advisory lock held while the schema changes: two processes opening
# an empty database at once must not both create the tables.
_SCHEMA_LOCK = zlib.crc32(b"factalign:schema")


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None          # the store's revision; None when it has no alembic_version
    head: str                    # the revision this factalign needs
    empty: bool                  # no factalign table at all
    legacy: bool                 # factalign tables made before migrations existed
    known: bool                  # ``current`` is a revision of this factalign (or None)

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    def to_json(self) -> dict:
        return {"current": self.current, "head": self.head, "up_to_date": self.up_to_date,
                "empty": self.empty, "legacy": self.legacy}


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return _scripts().get_current_head()


def _is_known(revision: str | None) -> bool:
    try:
        return revision is None or _scripts().get_revision(revision) is not None
    except CommandError:
        return False


def schema_status(connection: Connection) -> SchemaStatus:
    ours = set(inspect(connection).get_table_names()) & set(Base.metadata.tables)
    current = MigrationContext.configure(connection).get_current_revision()
    return SchemaStatus(current=current, head=head_revision(), empty=not ours and current is None,
                        legacy=bool(ours) and current is None, known=_is_known(current))


def describe_problem(status: SchemaStatus, where: str) -> str:
    """What is wrong with a store that is not at the head revision, and what to do."""
    if not status.known:
        return (f"the database {where} is at schema revision {status.current}, which this factalign does not "
                f"know (it needs {status.head}): it was upgraded by a newer factalign; upgrade factalign")
    found = "made before schema migrations" if status.legacy else f"at schema revision {status.current}"
    return f"the database {where} is {found}; this factalign needs {status.head}: {UPGRADE_HINT}"


def check_schema(engine: Engine, where: str) -> None:
    """Start-up check: StoreError unless the store is at head; an empty database gets the schema."""
    with engine.connect() as connection:
        status = schema_status(connection)
    if status.up_to_date:
        return
    if not status.empty:
        raise StoreError(describe_problem(status, where), details=status.to_json())
    try:
        upgrade(engine)
    except SQLAlchemyError:
        # Another process may have created the schema at the same moment (SQLite has no advisory lock).
        with engine.connect() as connection:
            if not schema_status(connection).up_to_date:
                raise


def _lock_schema(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})


def _adopt_legacy(connection: Connection, config: Config) -> None:
    """Mark a pre-migration store as revision INITIAL (its tables are exactly those)."""
    version = connection.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar()
    if version != LEGACY_VERSION:
        raise StoreError(f"the database holds factalign tables of an unknown layout (schema_version {version!r}); "
                         f"restore it from a backup or start a new one")
    command.stamp(config, INITIAL)


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Apply the migrations up to ``revision`` in one transaction; (revision before, revision after)."""
    with engine.begin() as connection:
        _lock_schema(connection)
        status = schema_status(connection)
        if not status.known:
            raise StoreError(describe_problem(status, _where(engine)), details=status.to_json())
        config = alembic_config(connection)
        if status.legacy:
            _adopt_legacy(connection, config)
        try:
            command.upgrade(config, revision)
        except CommandError as exc:
            raise StoreError(f"cannot upgrade to revision {revision!r}: {exc}") from None
        return status.current, MigrationContext.configure(connection).get_current_revision()


def downgrade(engine: Engine, revision: str) -> str | None:
    """Undo migrations down to ``revision`` (tests and rollbacks); the revision after."""
    with engine.begin() as connection:
        _lock_schema(connection)
        command.downgrade(alembic_config(connection), revision)
        return MigrationContext.configure(connection).get_current_revision()


def _where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
