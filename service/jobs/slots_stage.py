"""Align's slots stage: each new sentence's claim slots read once, and stored with it.

The pair stage and ``check`` then take a stored sentence's numbers, dates,
actors, roles and cues from ``sentences.slots`` instead of reading its text
again (see ``service.claims.slot_codec``). Like embedding, the stage goes
on from a watermark committed with each batch, so a killed run resumes
where it stopped. When the extraction code changes (its fingerprint is not
the one the stored slots were read with), every sentence is read again;
until then judging reads the text of sentences whose payload is stale, so
results never depend on what is stored.

The batches are read on the engine's workers a few at a time, the next ones
while the driver saves one (``SlotReading``), and the first of them while
the index stage runs; each is saved in id order with the watermark.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from sqlalchemy import func, select

from service.claims.slot_codec import FINGERPRINT
from service.jobs.engines import Engine, Pending
from service.store.database import Database
from service.store.schema import Sentence
from service.store.slots import save_slots, sentences_after

WATERMARK = "slots_max_id"
FINGERPRINT_KEY = "slots_fingerprint"
BATCH = 2000            # sentences per transaction
# Batches out on the workers at once, the one the driver waits for included:
# they read the next while it writes. Each holds its texts and, read, their payloads.
IN_FLIGHT = 3


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


class SlotReading:
    """The stage's batches, IN_FLIGHT at a time on the engine, saved in id order, each with the watermark.

    ``submit`` starts the workers on the first batches (align calls it
    before its index stage, so that they start while the index is written);
    ``run`` saves every batch, submitting the next ones as it goes, so the
    workers read while the driver writes.
    """

    def __init__(self, db: Database, engine: Engine):
        self.db, self.engine = db, engine
        self.read = 0
        self._submitted_to, self._exhausted = _start(db), False          # from the watermark on
        self._in_flight: deque[tuple[int, int, Pending]] = deque()      # (last id, sentences, payloads)

    def submit(self) -> None:
        """Hand the engine batches until IN_FLIGHT are out or no sentence is left."""
        while not self._exhausted and len(self._in_flight) < IN_FLIGHT:
            with self.db.session() as session:
                rows = sentences_after(session, self._submitted_to, BATCH)
            if not rows:
                self._exhausted = True
                return
            self._in_flight.append((rows[-1][0], len(rows), self.engine.submit_slots(rows)))
            self._submitted_to = rows[-1][0]

    def run(self, progress: Callable[[int], None] | None = None) -> int:
        """Save every batch in order; how many sentences were read."""
        while saved := self._save_next():
            if progress:
                progress(saved)
        return self.read

    def _save_next(self) -> int:
        """Save the oldest batch (the next ones submitted first); its size, 0 when none is left."""
        self.submit()
        if not self._in_flight:
            return 0
        last_id, count, pending = self._in_flight.popleft()
        payloads = pending.result()
        with self.db.session() as session:
            save_slots(session, payloads)
            self.db.set_meta_in(session, WATERMARK, str(last_id))
        self.read += count
        return count


def store_slots(db: Database, engine: Engine, progress: Callable[[int], None] | None = None) -> int:
    """Read and store the slots of every sentence after the watermark; how many were read."""
    return SlotReading(db, engine).run(progress)
