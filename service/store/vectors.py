"""Sentence vectors in the store, keyed by (sentence text hash, encoder)."""

from __future__ import annotations

import numpy as np
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from service.errors import ModelMismatchError
from service.store.database import Database, id_chunks
from service.store.schema import Embedding, Sentence

ENCODER_KEY = "encoder"
MAX_SENTENCE_ID = 2**31 - 1      # sentences.id is an INTEGER column
DIMENSION_KEY = "dimension"


def check_encoder(db: Database, name: str, dimension: int, *, adopt: bool) -> None:
    """Refuse to mix vectors of two encoders; ``adopt`` switches the store over."""
    stored = db.get_meta(ENCODER_KEY)
    if stored is None or stored == name:
        if stored is None:
            db.set_meta(ENCODER_KEY, name)
            db.set_meta(DIMENSION_KEY, str(dimension))
        return
    if not adopt:
        raise ModelMismatchError(
            f"the stored vectors were made by {stored!r} but the configured encoder is {name!r}; "
            f"run `factalign align --reembed` to re-embed every sentence with {name!r}, "
            f"or set FACTALIGN_MODEL={stored}",
            details={"stored": stored, "configured": name},
        )
    db.set_meta(ENCODER_KEY, name)
    db.set_meta(DIMENSION_KEY, str(dimension))


def _has_vector(encoder: str):
    return select(Embedding.id).where(Embedding.text_hash == Sentence.text_hash, Embedding.encoder == encoder).exists()


def missing_texts(session: Session, encoder: str, limit: int, after_id: int = 0) -> tuple[list[tuple[str, str]], int]:
    """Up to ``limit`` (text_hash, text) with no vector from ``encoder`` yet, in sentence order,
    and the id of the last sentence read: a caller that stores these vectors goes on after it.

    The order is fixed so that a run resumed after a kill encodes exactly the
    batches an uninterrupted run would have (an encoder's output can differ
    in the last bits with the company a text keeps in its batch): distinct
    texts by their first sentence. Reading on from ``after_id`` along the
    primary key keeps each call proportional to its batch; grouping every
    sentence still lacking a vector, per batch, made embedding quadratic.
    """
    has_vector = _has_vector(encoder)
    found: dict[str, str] = {}
    last = after_id
    while len(found) < limit:
        rows = session.execute(
            select(Sentence.id, Sentence.text_hash, Sentence.text)
            .where(Sentence.id > last, ~has_vector).order_by(Sentence.id).limit(limit)
        ).all()
        if not rows:
            break
        for sentence_id, text_hash, text in rows:
            if text_hash not in found:
                if len(found) == limit:
                    return list(found.items()), last
                found[text_hash] = text
            last = sentence_id
    return list(found.items()), last


def count_missing(session: Session, encoder: str) -> int:
    """How many distinct sentence texts still need a vector from ``encoder``."""
    return int(session.scalar(select(func.count(func.distinct(Sentence.text_hash))).where(~_has_vector(encoder))))


def store_vectors(session: Session, encoder: str, hashes: list[str], vectors: np.ndarray) -> None:
    """One bulk INSERT (executemany): ORM objects cost the job's process three times the CPU."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if hashes:
        session.execute(insert(Embedding), [dict(text_hash=h, encoder=encoder, dimension=vectors.shape[1],
                                                 vector=v.tobytes()) for h, v in zip(hashes, vectors)])


def vectors_after(session: Session, encoder: str, after_id: int, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """(sentence ids, vectors) for sentences with id > after_id, in id order, up to the first without a vector.

    Callers keep a watermark (the last id they handled), so the answer stops
    short of a sentence still waiting for its vector (ingested while align
    ran, after it embedded): returning a later one would move the watermark
    past it for good. Sentence ids are handed out in commit order (see
    ``articles.add_article``), so everything at or below a watermark is final.
    """
    rows = session.execute(
        select(Sentence.id, Embedding.vector)
        .outerjoin(Embedding, (Embedding.text_hash == Sentence.text_hash) & (Embedding.encoder == encoder))
        .where(Sentence.id > after_id).order_by(Sentence.id).limit(limit)
    ).all()
    gap = next((i for i, row in enumerate(rows) if row[1] is None), None)
    rows = rows[:gap]
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    vectors = np.stack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
    return ids, vectors


def count_embedded(session: Session, encoder: str, up_to_id: int) -> tuple[int, int]:
    """(how many sentences with id <= up_to_id have a vector, the largest such id)."""
    # Sentences drive, each probing the (text_hash, encoder) key: joined the other way,
    # SQLite walked every embedding row, vector blobs included (about 15 s at 270k).
    query = select(func.count(Sentence.id), func.max(Sentence.id)).where(_has_vector(encoder))
    if up_to_id < MAX_SENTENCE_ID:
        # Ids are 32-bit on PostgreSQL: a larger bound ("every sentence") would not even bind.
        query = query.where(Sentence.id <= up_to_id)
    row = session.execute(query).one()
    return int(row[0] or 0), int(row[1] or 0)


def vectors_for(session: Session, encoder: str, sentence_ids: list[int]) -> dict[int, np.ndarray]:
    """The stored vector of each sentence id (those without one are left out)."""
    found: dict[int, np.ndarray] = {}
    for chunk in id_chunks(sentence_ids):
        # An outer join keeps sentences the driving table: with an inner join SQLite
        # would walk every embedding through ix_embeddings_encoder (all rows share
        # one encoder), which cost seconds per call on a few thousand sentences.
        rows = session.execute(
            select(Sentence.id, Embedding.vector)
            .outerjoin(Embedding, (Embedding.text_hash == Sentence.text_hash) & (Embedding.encoder == encoder))
            .where(Sentence.id.in_(chunk))
        ).all()
        found.update((i, np.frombuffer(v, dtype=np.float32)) for i, v in rows if v is not None)
    return found
