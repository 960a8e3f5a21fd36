"""The initial schema: the tables the store created with ``create_all`` before migrations.

A store made by that older code (``meta.schema_version`` = 1, no
``alembic_version`` table) has exactly these tables; ``factalign db upgrade``
stamps it at this revision and upgrades it from here.

Revision ID: 0001_initial
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def _articles_and_sentences() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=128), nullable=False),
        sa.Column("outlet", sa.String(length=256), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("published_at", sa.Date(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published_at", "articles", ["published_at"])
    op.create_table(
        "sentences",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=128), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("article_id", "position"),
    )
    op.create_index("ix_sentences_article_id", "sentences", ["article_id"])
    op.create_index("ix_sentences_text_hash", "sentences", ["text_hash"])


def _vectors_and_meta() -> None:
    op.create_table(
        "embeddings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("encoder", sa.String(length=256), nullable=False),
        sa.Column("dimension", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("text_hash", "encoder"),
    )
    op.create_index("ix_embeddings_encoder", "embeddings", ["encoder"])
    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "job_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def _pair_keys() -> list[sa.ForeignKeyConstraint]:
    # Fresh objects per table: a constraint belongs to exactly one table.
    return [sa.ForeignKeyConstraint([column], ["sentences.id"], ondelete="CASCADE") for column in ("a_id", "b_id")]


def _findings() -> None:
    op.create_table(
        "claim_links",
        sa.Column("a_id", sa.Integer(), nullable=False),
        sa.Column("b_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        *_pair_keys(),
        sa.PrimaryKeyConstraint("a_id", "b_id"),
    )
    op.create_table(
        "cluster_members",
        sa.Column("sentence_id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sentence_id"),
    )
    op.create_index("ix_cluster_members_cluster_id", "cluster_members", ["cluster_id"])
    op.create_table(
        "contradictions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("a_id", sa.Integer(), nullable=False),
        sa.Column("b_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        *_pair_keys(),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("a_id", "b_id"),
    )
    for column in ("a_id", "b_id", "type"):
        op.create_index(f"ix_contradictions_{column}", "contradictions", [column])


def upgrade() -> None:
    _articles_and_sentences()
    _vectors_and_meta()
    _findings()


def downgrade() -> None:
    for table in ("contradictions", "cluster_members", "claim_links", "job_runs", "meta", "embeddings",
                  "sentences", "articles"):
        op.drop_table(table)
