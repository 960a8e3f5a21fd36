"""``sentences.slots``: each sentence's claim slots, read once by align and kept.

Judging a night's sentences against their stored neighbours read the
neighbours' numbers, dates, actors and cues from their text again every
night (most of a one-day increment), and so did every check against the
reports it retrieved. Empty for the sentences already stored: the next
``factalign align`` fills it.

Revision ID: 0004_sentence_slots
Revises: 0003_article_url_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_sentence_slots"
down_revision = "0003_article_url_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sentences", sa.Column("slots", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("sentences", "slots")
