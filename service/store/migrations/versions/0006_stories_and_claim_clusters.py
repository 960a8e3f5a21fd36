"""Stories, and claim clusters that cannot chain.

``claim_links.same_claim``: the cluster stage's stricter reading of each
agree edge (the two sentences state the same claim); null until read.
``article_stories``: the story (one event) of each article the cluster
stage has placed. Claim clusters keep their table (``cluster_members``),
but are now built by centroid assignment instead of connected components:
the rows stored before this revision are dropped, with the cluster stage's
watermark, so the next ``factalign align`` rebuilds them all.

Revision ID: 0006_stories_and_claim_clusters
Revises: 0005_tiers_and_furniture
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_stories_and_claim_clusters"
down_revision = "0005_tiers_and_furniture"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claim_links", sa.Column("same_claim", sa.Boolean(), nullable=True))
    op.create_index("ix_claim_links_same_claim", "claim_links", ["same_claim"])
    op.create_table(
        "article_stories",
        sa.Column("article_id", sa.String(128), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("story_id", sa.Integer(), nullable=False),
    )
    op.create_index("ix_article_stories_story_id", "article_stories", ["story_id"])
    op.execute("DELETE FROM cluster_members")           # components of the old links: rebuilt by align
    op.execute("DELETE FROM meta WHERE key = 'clustered_max_id'")


def downgrade() -> None:
    op.drop_index("ix_article_stories_story_id", "article_stories")
    op.drop_table("article_stories")
    op.drop_index("ix_claim_links_same_claim", "claim_links")
    with op.batch_alter_table("claim_links") as table:
        table.drop_column("same_claim")
