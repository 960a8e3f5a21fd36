"""The database schema: the store is the truth, the vector index a cache.

One schema for SQLite (default) and PostgreSQL (production). Vectors are
kept per distinct sentence text (``text_hash``) and encoder, so an exact
duplicate sentence (wire copy, a repeated line) is encoded once.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

SCHEMA_VERSION = 1


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about the store: schema version, encoder, dimension."""

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


class Sentence(Base):
    __tablename__ = "sentences"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
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
    """Two sentences the judge found saying the same thing (an agree edge)."""

    __tablename__ = "claim_links"
    a_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), primary_key=True)
    b_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), primary_key=True)
    score: Mapped[float] = mapped_column(Float)


class ClusterMember(Base):
    """Claim groups: connected agree edges; a cluster's id is its smallest sentence id."""

    __tablename__ = "cluster_members"
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), primary_key=True)
    cluster_id: Mapped[int] = mapped_column(Integer, index=True)


class Contradiction(Base):
    __tablename__ = "contradictions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    a_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), index=True)
    b_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list] = mapped_column(JSON)
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
