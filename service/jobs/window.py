"""``factalign align --since DATE``: judge the articles of a period, whatever was judged before.

The window is every article published on or after DATE; an article with no
publication date counts by the day it was ingested. Its sentences are
judged against the whole index (so a week can be re-checked against a
corpus that has grown since), pairs already stored are skipped and never
duplicated, and the watermark of the plain nightly run is left alone:
sentences outside the window that are new still wait for the next plain
run, nothing is skipped for good. Embedding and the index are not narrowed:
every stored sentence gets its vector and its place in the index, or the
window's sentences would have no neighbours to be judged against.

Progress is committed per chunk with a checkpoint (the date and the last
sentence id done), so a killed ``--since`` run given the same date again
goes on from there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
from sqlalchemy import and_, or_, select

from service.jobs import pairing
from service.store.database import Database
from service.store.schema import Article, Sentence
from service.store.vectors import vectors_for

CHECKPOINT = "align_since_checkpoint"


def window_sentence_ids(db: Database, since: dt.date) -> list[int]:
    """Ids of the sentences of articles published on or after ``since`` (undated: ingested), in id order."""
    undated_since = dt.datetime.combine(since, dt.time())
    in_window = or_(Article.published_at >= since,
                    and_(Article.published_at.is_(None), Article.ingested_at >= undated_since))
    with db.session() as session:
        return list(session.scalars(
            select(Sentence.id).join(Article, Sentence.article_id == Article.id).where(in_window)
            .order_by(Sentence.id)))


def _resume_after(db: Database, since: dt.date) -> int:
    """The last sentence id an interrupted run for the same date committed, else 0."""
    stamp = (db.get_meta(CHECKPOINT) or "").partition("|")
    return int(stamp[2]) if stamp[0] == since.isoformat() and stamp[2] else 0


def _submit_chunk(db: Database, index, encoder: str, chunk: list[int], since: dt.date,
                  judging: pairing.PairJudging) -> None:
    with db.session() as session:
        vectors = vectors_for(session, encoder, chunk)
    ready = [i for i in chunk if i in vectors]    # one ingested since embedding waits for a plain run
    pairs = {}
    if ready:
        scores, neighbours = index.search(np.stack([vectors[i] for i in ready]), pairing.NEIGHBOURS + 1)
        pairs = pairing.candidate_pairs(np.asarray(ready, dtype=np.int64), scores, neighbours)
    judging.submit(pairs, (CHECKPOINT, f"{since.isoformat()}|{chunk[-1]}"), len(chunk))


def pair_window(db: Database, index, encoder: str, since: dt.date, *, nli=None, engine=None,
                stage: Callable[[str, int], None] | None = None,
                progress: Callable[[int], None] | None = None) -> pairing.PairingReport:
    judging = pairing.PairJudging(db, engine, encoder, nli, progress)
    after = _resume_after(db, since)
    ids = [i for i in window_sentence_ids(db, since) if i > after]
    if stage:
        stage("pair", len(ids))
    size = pairing.CHUNK
    for start in range(0, len(ids), size):
        _submit_chunk(db, index, encoder, ids[start:start + size], since, judging)
    report = judging.finish()
    db.set_meta(CHECKPOINT, "")
    return report
