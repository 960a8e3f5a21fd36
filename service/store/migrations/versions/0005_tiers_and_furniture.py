"""Contradiction tiers and probabilities; sentences marked as furniture.

``contradictions.tier`` is ``confirmed`` (what the report and the API show
by default) or ``possible`` (behind a flag); ``probability`` is the judge's
calibrated P(conflict). ``sentences.furniture`` marks lines an outlet
repeats across its articles (footers, link lines) and markup: kept for
display, never judged, linked or clustered. Null until align decides.
Rows stored before this revision are ``confirmed`` with no probability.

Revision ID: 0005_tiers_and_furniture
Revises: 0004_sentence_slots
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_tiers_and_furniture"
down_revision = "0004_sentence_slots"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contradictions") as table:
        table.add_column(sa.Column("tier", sa.String(16), nullable=False, server_default="confirmed"))
        table.add_column(sa.Column("probability", sa.Float(), nullable=True))
        table.create_index("ix_contradictions_tier", ["tier"])
    op.add_column("sentences", sa.Column("furniture", sa.Boolean(), nullable=True))


def downgrade() -> None:
    op.drop_column("sentences", "furniture")
    with op.batch_alter_table("contradictions") as table:
        table.drop_index("ix_contradictions_tier")
        table.drop_column("probability")
        table.drop_column("tier")
