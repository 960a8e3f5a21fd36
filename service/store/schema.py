"""The database schema: the store is the truth, the vector index a cache.

One schema for SQLite (default) and PostgreSQL (production). Vectors are
kept per distinct sentence text (``text_hash``) and encoder, so an exact
duplicate sentence (wire copy, a repeated line) is encoded once.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# The Alembic revision these models describe (service/store/migrations/versions);
# a store at any other revision is upgraded with `factalign db upgrade`.
SCHEMA_REVISION = "0006_stories_and_claim_clusters"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about the store: encoder, dimension, align watermarks."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Article(Base):
    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    outlet: Mapped[str] = mapped_column(String(256), index=True)
    language: Mapped[str] = mapped_column(String(16))
    published_at: Mapped[dt.date | None] = mapped_column(Date, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    sentences: Mapped[list[Sentence]] = relationship(back_populates="article", order_by="Sentence.position")
    # Ingest looks a URL up once per article. A hash index on PostgreSQL: equality is
    # all it needs, and a B-tree refuses entries over ~2.7 kB (a long URL would not insert).
    __table_args__ = (Index("ix_articles_url", "url", postgresql_using="hash"),)


class Sentence(Base):
    __tablename__ = "sentences"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    # The sentence's claim slots as align's slots stage read them (service/claims/slot_codec.py):
    # a cache of what the text says, so that judging and check need not read it again.
    slots: Mapped[str | None] = mapped_column(Text, deferred=True)
    furniture: Mapped[bool | None] = mapped_column(Boolean)
    article: Mapped[Article] = relationship(back_populates="sentences")
    __table_args__ = (UniqueConstraint("article_id", "position"),)


class Embedding(Base):
    __tablename__ = "embeddings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    encoder: Mapped[str] = mapped_column(String(256))
    dimension: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    __table_args__ = (UniqueConstraint("text_hash", "encoder"), Index("ix_embeddings_encoder", "encoder"))


class ClaimLink(Base):
    """Two sentences the judge found agreeing (an agree edge: a candidate for one claim cluster).

    ``same_claim`` is the cluster stage's stricter reading of the edge
    (``service/jobs/link_bar.py``): true when the two state the same claim.
    Those are what the audit, the counts and the README call links. Null
    until the cluster stage has read the edge.
    """

    __tablename__ = "claim_links"
    a_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), primary_key=True)
    b_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), primary_key=True)
    score: Mapped[float] = mapped_column(Float)
    same_claim: Mapped[bool | None] = mapped_column(Boolean, index=True)


class ClusterMember(Base):
    """Claim clusters of two or more sentences (``service/jobs/claim_clusters.py``).

    A cluster's id is the id of its first sentence, so it stays put as the
    cluster gains members; a sentence in no row is a cluster of its own.
    """

    __tablename__ = "cluster_members"
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), primary_key=True)
    cluster_id: Mapped[int] = mapped_column(Integer, index=True)


class ArticleStory(Base):
    """The story (one event across days and outlets) each clustered article belongs to.

    A story's id is the first sentence id of its first article; a claim
    cluster's story is the story of its first sentence's article.
    """

    __tablename__ = "article_stories"
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    story_id: Mapped[int] = mapped_column(Integer, index=True)


class Contradiction(Base):
    __tablename__ = "contradictions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    a_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), index=True)
    b_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list] = mapped_column(JSON)
    tier: Mapped[str] = mapped_column(String(16), index=True, default="confirmed", server_default="confirmed")
    probability: Mapped[float | None] = mapped_column(Float)
    found_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (UniqueConstraint("a_id", "b_id"),)


class JobRun(Base):
    __tablename__ = "job_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    error: Mapped[str | None] = mapped_column(Text)
    # {"stage", "done", "total"} at the last checkpoint, so a reader sees how far a run got.
    progress: Mapped[dict | None] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class JobLock(Base):
    """One row per job kind being run: who holds it and when it last showed life.

    A row whose holder stopped beating (killed, host gone) for longer than
    the stale timeout, or whose process is gone on this host, is taken over.
    """

    __tablename__ = "job_locks"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner: Mapped[str] = mapped_column(String(64))
    job_id: Mapped[int | None] = mapped_column(Integer)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    acquired_at: Mapped[dt.datetime] = mapped_column(DateTime)
    heartbeat_at: Mapped[dt.datetime] = mapped_column(DateTime)
