"""Align's furniture stage: mark the store's furniture, and drop what was found about it.

Runs before judging, over the whole store (a line becomes furniture once
its outlet has repeated it often enough, which a night's articles alone
cannot show): ``service.pipeline.furniture`` decides, this writes the
``sentences.furniture`` column where the decision changed, in one
transaction with the removal of the contradictions and links of sentences
that became furniture (found before their line had repeated enough). The
judging stage never pairs a furniture sentence; check never shows one.
"""

from __future__ import annotations

from sqlalchemy import delete, or_, select, update

from service.pipeline.furniture import Line, furniture_ids
from service.store.database import Database, id_chunks
from service.store.schema import Article, ClaimLink, Contradiction, Sentence


def mark_furniture(db: Database) -> int:
    """Bring ``sentences.furniture`` up to date; returns how many sentences are furniture now."""
    with db.session() as session:
        rows = session.execute(select(Sentence.id, Sentence.article_id, Article.outlet, Article.published_at,
                                      Sentence.text, Sentence.furniture)
                               .join(Article, Sentence.article_id == Article.id))
        stored, lines = {}, []
        for sentence_id, article_id, outlet, day, text, flag in rows:
            stored[sentence_id] = flag
            lines.append(Line(sentence_id, article_id, outlet, day.isoformat() if day else None, text))
        found = furniture_ids(lines)
        became = sorted(i for i in found if stored[i] is not True)
        plain = sorted(i for i, flag in stored.items() if flag is not False and i not in found)
        for ids, value in ((became, True), (plain, False)):
            for chunk in id_chunks(ids):
                session.execute(update(Sentence).where(Sentence.id.in_(chunk)).values(furniture=value))
        for chunk in id_chunks(became):
            for table in (Contradiction, ClaimLink):
                session.execute(delete(table).where(or_(table.a_id.in_(chunk), table.b_id.in_(chunk))))
    return len(found)


def furniture_set(db: Database) -> frozenset[int]:
    """The ids of the sentences marked as furniture (a few per cent of the store)."""
    with db.session() as session:
        return frozenset(session.scalars(select(Sentence.id).where(Sentence.furniture.is_(True))))
