"""An index on ``articles.url``: ingest's duplicate check looks every URL up.

Without it each article added scanned the articles table, so a bulk ingest
slowed down with the size of the archive (quadratic over SaudiNewsNet).

Revision ID: 0003_article_url_index
Revises: 0002_job_locks
"""

from __future__ import annotations

from alembic import op

revision = "0003_article_url_index"
down_revision = "0002_job_locks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_url", "articles", ["url"], postgresql_using="hash")


def downgrade() -> None:
    op.drop_index("ix_articles_url", table_name="articles")
