"""Job run records: what ran, when, how far it got, with what counts, and how it ended.

The record is the job's public state (``factalign jobs``, ``GET /v1/jobs/{id}``):
queued (made by the API, not started), running (with ``progress`` renewed
at every checkpoint), succeeded, or failed with the error. A run killed
outside Python (kill -9, power loss) stays "running" until the next run
takes its lock over and marks it failed (see ``locks.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from service.store.database import Database
from service.store.schema import JobRun, utcnow


@dataclass
class JobHandle:
    id: int
    counts: dict = field(default_factory=dict)


def create_job(db: Database, kind: str) -> int:
    """A run record in state 'queued' (the API answers with its id before the job starts)."""
    with db.session() as session:
        run = JobRun(kind=kind, state="queued", counts={})
        session.add(run)
        session.flush()
        return run.id


@contextmanager
def record_job(db: Database, kind: str, job_id: int | None = None) -> Iterator[JobHandle]:
    """A run record that ends as succeeded, or failed with the error, whatever happens.

    ``job_id`` adopts a record made by ``create_job`` (still queued); otherwise a
    new one is made, so a finished run's record is never overwritten.
    """
    with db.session() as session:
        run = session.get(JobRun, job_id) if job_id is not None else None
        if run is None or run.state != "queued":
            run = JobRun(kind=kind, counts={})
            session.add(run)
        run.state, run.started_at = "running", utcnow()
        run.updated_at = run.started_at
        session.flush()
        handle = JobHandle(id=run.id)
    try:
        yield handle
    except BaseException as exc:
        _finish(db, handle, "failed", f"{type(exc).__name__}: {exc}")
        raise
    _finish(db, handle, "succeeded", None)


def _finish(db: Database, handle: JobHandle, state: str, error: str | None) -> None:
    with db.session() as session:
        run = session.get(JobRun, handle.id)
        run.state, run.finished_at, run.counts, run.error = state, utcnow(), handle.counts, error
        run.updated_at = run.finished_at


def set_progress(session: Session, job_id: int, progress: dict) -> None:
    """Record how far a run got, inside the caller's checkpoint transaction."""
    session.execute(update(JobRun).where(JobRun.id == job_id).values(progress=progress, updated_at=utcnow()))


def fail_queued_job(db: Database, job_id: int, error: str) -> None:
    """Mark a job that never started as failed (a running or finished one is left alone)."""
    with db.session() as session:
        run = session.get(JobRun, job_id)
        if run is not None and run.state == "queued":
            run.state, run.finished_at, run.error = "failed", utcnow(), error


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _to_json(run: JobRun) -> dict:
    return {"id": run.id, "kind": run.kind, "state": run.state,
            "started_at": _iso(run.started_at), "finished_at": _iso(run.finished_at),
            "counts": run.counts, "error": run.error,
            "progress": run.progress, "updated_at": _iso(run.updated_at)}


# job_runs.id is an Integer column: 32 bits on PostgreSQL. A larger id names no
# run; asked for as it is, the driver raises an overflow instead of finding nothing.
MAX_JOB_ID = 2**31 - 1


def get_job(db: Database, job_id: int) -> dict | None:
    if not 1 <= job_id <= MAX_JOB_ID:
        return None
    with db.session() as session:
        run = session.get(JobRun, job_id)
        return _to_json(run) if run is not None else None


def list_jobs(db: Database, limit: int = 20) -> list[dict]:
    with db.session() as session:
        runs = session.scalars(select(JobRun).order_by(JobRun.id.desc()).limit(limit)).all()
        return [_to_json(run) for run in runs]
