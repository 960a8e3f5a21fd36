"""Align's slots stage: each new sentence's claim slots read once, and stored with it.

The pair stage and ``check`` then take a stored sentence's numbers, dates,
actors, roles and cues from ``sentences.slots`` instead of reading its text
again (see ``service.claims.slot_codec``). Like embedding, the stage goes
on from a watermark committed with each batch, so a killed run resumes
where it stopped. When the extraction code changes (its fingerprint is not
the one the stored slots were read with), every sentence is read again;
until then judging reads the text of sentences whose payload is stale, so
results never depend on what is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from service.claims.slot_codec import FINGERPRINT
from service.jobs.engines import Engine
from service.store.database import Database
from service.store.schema import Sentence
from service.store.slots import save_slots, sentences_after

WATERMARK = "slots_max_id"
FINGERPRINT_KEY = "slots_fingerprint"
BATCH = 2000            # sentences per transaction


def _watermark(db: Database) -> int:
    """The last sentence whose stored slots this code read: 0 when other code read them."""
    if db.get_meta(FINGERPRINT_KEY) != FINGERPRINT:
        return 0
    return int(db.get_meta(WATERMARK) or 0)


def _start(db: Database) -> int:
    """The watermark to go on from, recording first that this code reads from 0 when it must."""
    if db.get_meta(FINGERPRINT_KEY) != FINGERPRINT:
        with db.session() as session:
            db.set_meta_in(session, FINGERPRINT_KEY, FINGERPRINT)
            db.set_meta_in(session, WATERMARK, "0")
    return _watermark(db)


def to_read(db: Database) -> int:
    """How many sentences the stage has still to read (its progress total)."""
    after = _watermark(db)
    with db.session() as session:
        return int(session.scalar(select(func.count(Sentence.id)).where(Sentence.id > after)))


def store_slots(db: Database, engine: Engine, progress: Callable[[int], None] | None = None) -> int:
    """Read and store the slots of every sentence after the watermark; how many were read."""
    after, done = _start(db), 0
    while True:
        with db.session() as session:
            rows = sentences_after(session, after, BATCH)
            if not rows:
                return done
            save_slots(session, engine.read_slots(rows))
            after = rows[-1][0]
            db.set_meta_in(session, WATERMARK, str(after))
        done += len(rows)
        if progress:
            progress(len(rows))
