"""Alembic's entry point, called by ``service.store.migrate`` (never by an alembic.ini).

The caller hands over an open connection in ``config.attributes`` so the
migration runs inside its transaction (and, on PostgreSQL, under its
advisory lock); offline SQL generation is not supported.
"""

from __future__ import annotations

from alembic import context

from service.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `factalign db upgrade` (service.store.migrate)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    compare_type=True,
    # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
