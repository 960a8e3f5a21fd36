"""Writing and reading articles and their sentences."""

from __future__ import annotations

import hashlib
import zlib

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from service.errors import InputError, NotFoundError
from service.models import SentenceRecord
from service.pipeline.segment import Segmented, text_hash
from service.store.database import id_chunks
from service.store.schema import Article, Sentence

_INGEST_LOCK = zlib.crc32(b"factalign:ingest")


def find_duplicate(session: Session, seg: Segmented, content_hash: str) -> Article | None:
    """An article already stored with the same id, content or URL.

    One indexed lookup per condition, not one query with OR: an OR across
    three columns makes the database scan the table, and ingest then slows
    down with every article already stored.
    """
    article = seg.article
    if article.id:
        existing = session.get(Article, article.id)
        if existing is not None:
            if existing.content_hash != content_hash:
                raise InputError(f"article id {article.id!r} already exists with different text",
                                 source=article.source)
            return existing
    lookups = [Article.content_hash == content_hash] + ([Article.url == article.url] if article.url else [])
    for condition in lookups:
        existing = session.scalars(select(Article).where(condition).limit(1)).first()
        if existing is not None:
            return existing
    return None


def writers_in_turn(session: Session) -> None:
    """On PostgreSQL, let one transaction at a time add articles, until it commits.

    Sequences hand out ids when rows are inserted, not when they commit, so
    two concurrent ingests could commit ids out of order, and align (which
    keeps "the last sentence id handled" as its watermark) could move past an
    id that becomes visible a moment later. Taken in turn, ids are visible in
    id order, as they always are on SQLite, which has one writer at a time.
    The same turn makes the duplicate check below see a concurrent twin.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _INGEST_LOCK})


def add_article(session: Session, seg: Segmented) -> tuple[str, bool]:
    """Store an article and its sentences; (id, False) when it was already there."""
    writers_in_turn(session)
    content_hash = text_hash(seg.article.text)
    existing = find_duplicate(session, seg, content_hash)
    if existing is not None:
        return existing.id, False
    article = seg.article
    article_id = article.id or hashlib.sha256(content_hash.encode()).hexdigest()[:16]
    # Bulk INSERTs (executemany), not ORM objects: the unit of work cost more per
    # article than cleaning and splitting it, and nothing here needs the objects.
    session.execute(insert(Article), [dict(
        id=article_id, outlet=article.outlet, language=article.language or "und",
        published_at=article.published_at, title=article.title, url=article.url,
        source=article.source, content_hash=content_hash, text=article.text,
    )])
    if seg.sentences:
        session.execute(insert(Sentence), [
            dict(article_id=article_id, position=i, start=s.start, end=s.end, text=s.text, text_hash=text_hash(s.text))
            for i, s in enumerate(seg.sentences)
        ])
    return article_id, True


def sentence_records(session: Session, sentence_ids: list[int], *,
                     with_slots: bool = False) -> dict[int, SentenceRecord]:
    """The records of the stored sentences among ``sentence_ids``; ``with_slots``: with their
    stored slot payloads too, for the judge (``service.claims.slot_codec``)."""
    found: dict[int, SentenceRecord] = {}
    # Plain columns, not ORM objects: align asks for thousands of records per chunk,
    # and loading Article objects would also load every article's full text.
    columns = (Sentence.id, Sentence.text, Article.id, Article.outlet, Article.published_at, Article.language,
               Sentence.start, Sentence.end, Article.title, Article.url) + ((Sentence.slots,) if with_slots else ())
    for chunk in id_chunks(sentence_ids):
        rows = session.execute(
            select(*columns).join(Article, Sentence.article_id == Article.id).where(Sentence.id.in_(chunk))
        ).all()
        found.update((row[0], SentenceRecord(*row)) for row in rows)
    return found


def to_record(sentence: Sentence, article: Article) -> SentenceRecord:
    return SentenceRecord(
        sentence_id=sentence.id, sentence=sentence.text, article_id=article.id,
        outlet=article.outlet, published_at=article.published_at, language=article.language,
        start=sentence.start, end=sentence.end, title=article.title, url=article.url,
    )


def get_article(session: Session, article_id: str) -> dict:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    return {
        "id": article.id, "outlet": article.outlet, "language": article.language,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "title": article.title, "url": article.url, "text": article.text,
        "sentences": [to_record(s, article).to_json() for s in article.sentences],
    }


def furniture_among(session: Session, sentence_ids: list[int]) -> set[int]:
    """The sentences among ``sentence_ids`` that align marked as furniture (never evidence)."""
    found: set[int] = set()
    for chunk in id_chunks(sentence_ids):
        found.update(session.scalars(select(Sentence.id).where(Sentence.id.in_(chunk), Sentence.furniture.is_(True))))
    return found
