"""How far a job got: one progress dict for the terminal, the logs and the run record.

``{"stage": "embed", "done": 1536, "total": 4096}`` goes to the caller's
listener at every step (the CLI draws bars from it), to the run record at
most once a second (what ``GET /v1/jobs/{id}`` and ``factalign jobs`` show),
together with the lock's heartbeat, and to the ``factalign.jobs`` logger as
``key=value`` lines every few seconds (what cron and systemd keep).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from service.store.database import Database
from service.store.jobs import set_progress
from service.store.locks import HeldLock

log = logging.getLogger("factalign.jobs")

Listener = Callable[[dict], None]
WRITE_EVERY = 1.0        # seconds between progress writes (and heartbeats) to the store
LOG_EVERY = 5.0          # seconds between progress log lines within a stage


def log_fields(**fields) -> str:
    """``key=value`` pairs (None left out, values with spaces quoted), for log lines a machine can split."""
    def shown(value) -> str:
        text = "" if value is None else str(value)
        return f'"{text}"' if (" " in text or not text) else text

    return " ".join(f"{key}={shown(value)}" for key, value in fields.items() if value is not None)


class JobProgress:
    """Counts per stage, with checkpoints that renew the lock and record the progress on the run."""

    def __init__(self, db: Database, lock: HeldLock, job_id: int, listener: Listener | None = None):
        self.db, self.lock, self.job_id, self.listener = db, lock, job_id, listener
        self.state: dict = {"stage": "start", "done": 0, "total": None}
        self._written = self._logged = 0.0
        self._stage_started = time.monotonic()

    def stage(self, name: str, total: int | None = None) -> None:
        if self.state["stage"] != "start":
            log.info(log_fields(job=self.job_id, event="stage_done", **self.state,
                                seconds=round(time.monotonic() - self._stage_started, 3)))
        self.state, self._stage_started = {"stage": name, "done": 0, "total": total}, time.monotonic()
        self._emit(force=True)

    def advance(self, n: int) -> None:
        """Called after each committed batch (the stages' ``progress`` callback)."""
        self.state = {**self.state, "done": self.state["done"] + int(n)}
        self._emit(force=False)

    def _emit(self, *, force: bool) -> None:
        if self.listener:
            self.listener(dict(self.state))
        now = time.monotonic()
        if force or now - self._written >= WRITE_EVERY:
            self.checkpoint()
            self._written = now
        if force or now - self._logged >= LOG_EVERY:
            log.info(log_fields(job=self.job_id, event="progress", **self.state))
            self._logged = now

    def checkpoint(self) -> None:
        """Heartbeat and progress in one transaction; StoreError if another run took the lock over."""
        with self.db.session() as session:
            self.lock.beat(session, self.job_id)
            set_progress(session, self.job_id, dict(self.state))
