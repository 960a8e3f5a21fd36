"""One job of a kind at a time: a lock row in the database, taken over when its holder is gone.

The row names its holder (host, pid, run record) and carries a heartbeat
that the job renews at every checkpoint. A second job meets a BusyError
naming the holder, unless the holder is gone: its process no longer exists
on this host, or (on another host, where we cannot look) its heartbeat is
older than ``FACTALIGN_JOB_LOCK_STALE_SECONDS``. Taking over is a
compare-and-swap on the owner token, so two would-be successors cannot
both win, and the holder's unfinished run record is marked failed.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.errors import BusyError, StoreError
from service.store.database import Database
from service.store.schema import JobLock, JobRun, utcnow

HOST = socket.gethostname()


def process_alive(pid: int) -> bool:
    """Whether ``pid`` is a live process here (a zombie, killed but not yet reaped, is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True                      # someone else's process: alive
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True                      # no /proc (macOS): trust kill(0)
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def describe(row: JobLock) -> str:
    job = f"run #{row.job_id}, " if row.job_id is not None else ""
    return (f"{job}pid {row.pid} on {row.host}, since {row.acquired_at:%Y-%m-%d %H:%M:%S} UTC, "
            f"last heartbeat {row.heartbeat_at:%H:%M:%S} UTC")


def gone_reason(row: JobLock, stale_seconds: float, now: dt.datetime) -> str | None:
    """Why the holder is gone (its lock may be taken over), or None while it may still be working."""
    if row.host == HOST and row.pid != os.getpid() and not process_alive(row.pid):
        return f"its process {row.pid} on {row.host} no longer exists"
    silent = (now - row.heartbeat_at).total_seconds()
    if silent > stale_seconds:
        return f"no heartbeat for {silent:.0f}s (stale after {stale_seconds:.0f}s)"
    return None


class HeldLock:
    """A lock this process holds; ``beat`` inside a checkpoint's transaction proves we still do."""

    def __init__(self, db: Database, name: str, owner: str):
        self.db, self.name, self.owner = db, name, owner

    def _mine(self):
        return (JobLock.name == self.name) & (JobLock.owner == self.owner)

    def beat(self, session: Session, job_id: int | None = None) -> None:
        values = {"heartbeat_at": utcnow()} | ({"job_id": job_id} if job_id is not None else {})
        if session.execute(update(JobLock).where(self._mine()).values(**values)).rowcount != 1:
            raise StoreError(f"the {self.name} lock was taken over by another run (this one was thought "
                             f"dead); stopping without writing more")

    def release(self) -> None:
        with self.db.session() as session:
            session.execute(delete(JobLock).where(self._mine()))


def _insert(db: Database, name: str, owner: str, job_id: int | None) -> bool:
    now = utcnow()
    try:
        with db.session() as session:
            session.add(JobLock(name=name, owner=owner, job_id=job_id, host=HOST, pid=os.getpid(),
                                acquired_at=now, heartbeat_at=now))
    except IntegrityError:
        return False
    return True


def _take_over(db: Database, name: str, owner: str, stale_seconds: float) -> bool:
    """Replace a gone holder's row with ours; BusyError while the holder may be alive."""
    with db.session() as session:
        row = session.get(JobLock, name)
        if row is None:
            return False                 # released meanwhile: try inserting again
        reason = gone_reason(row, stale_seconds, utcnow())
        if reason is None:
            raise BusyError(f"another {name} job is running ({describe(row)}); wait for it to finish, "
                            f"or see `factalign jobs`", details={"holder": describe(row)})
        now, old_owner, old_job = utcnow(), row.owner, row.job_id   # the update below refreshes ``row``
        swapped = session.execute(
            update(JobLock).where((JobLock.name == name) & (JobLock.owner == old_owner))
            .values(owner=owner, job_id=None, host=HOST, pid=os.getpid(), acquired_at=now, heartbeat_at=now)
        ).rowcount == 1
        if swapped and old_job is not None:
            session.execute(
                update(JobRun).where((JobRun.id == old_job) & (JobRun.state == "running"))
                .values(state="failed", finished_at=now, updated_at=now,
                        error=f"abandoned: {reason}; the next run took over and resumed the work"))
        return swapped


def acquire(db: Database, name: str, *, stale_seconds: float) -> HeldLock:
    owner = secrets.token_hex(16)
    for _ in range(3):                   # insert, or take over, racing at most a couple of others
        if _insert(db, name, owner, None) or _take_over(db, name, owner, stale_seconds):
            return HeldLock(db, name, owner)
    raise BusyError(f"could not take the {name} lock: other runs keep taking it; try again")


@contextmanager
def job_lock(db: Database, name: str, *, stale_seconds: float) -> Iterator[HeldLock]:
    """Hold the ``name`` lock for the block; released however the block ends (a kill leaves it stale)."""
    held = acquire(db, name, stale_seconds=stale_seconds)
    try:
        yield held
    finally:
        held.release()
