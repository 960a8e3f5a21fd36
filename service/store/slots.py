"""Stored claim slots (``sentences.slots``): which sentences lack them, writing and reading them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from service.store.database import id_chunks
from service.store.schema import Article, Sentence

SlotInput = tuple[int, str, dt.date | None, str]     # (sentence id, text, published_at, language)


def sentences_after(session: Session, after_id: int, limit: int) -> list[SlotInput]:
    """Up to ``limit`` sentences with id > after_id, in id order, with what reading their slots needs."""
    return [tuple(row) for row in session.execute(
        select(Sentence.id, Sentence.text, Article.published_at, Article.language)
        .join(Article, Sentence.article_id == Article.id)
        .where(Sentence.id > after_id).order_by(Sentence.id).limit(limit)
    ).all()]


def save_slots(session: Session, payloads: list[tuple[int, str]]) -> None:
    """Store each (sentence id, payload), in the caller's transaction."""
    if payloads:
        # The ORM's bulk UPDATE by primary key: one executemany, no objects loaded.
        session.execute(update(Sentence), [{"id": i, "slots": p} for i, p in payloads])


def slot_payloads(session: Session, sentence_ids: list[int]) -> dict[int, str]:
    """The stored payload of each sentence id that has one."""
    found: dict[int, str] = {}
    for chunk in id_chunks(sentence_ids):
        rows = session.execute(select(Sentence.id, Sentence.slots)
                               .where(Sentence.id.in_(chunk), Sentence.slots.is_not(None))).all()
        found.update((i, p) for i, p in rows)
    return found
