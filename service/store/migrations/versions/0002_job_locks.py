"""The resumable nightly job: a lock row per job kind, progress on run records.

Also retires ``meta.schema_version``: the ``alembic_version`` table is now
the one record of the schema a store is at.

Revision ID: 0002_job_locks
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_job_locks"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))


def upgrade() -> None:
    op.create_table(
        "job_locks",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("acquired_at", sa.DateTime(), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    with op.batch_alter_table("job_runs") as batch:
        batch.add_column(sa.Column("progress", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
    op.execute(meta.delete().where(meta.c.key == "schema_version"))


def downgrade() -> None:
    with op.batch_alter_table("job_runs") as batch:
        batch.drop_column("updated_at")
        batch.drop_column("progress")
    op.drop_table("job_locks")
    # The code of revision 0001 checks this row on open.
    op.execute(meta.insert().values(key="schema_version", value="1"))
