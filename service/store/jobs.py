"""Job run records: what ran, when, with what counts, and how it ended."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from sqlalchemy import select

from service.store.database import Database
from service.store.schema import JobRun, utcnow


@dataclass
class JobHandle:
    id: int
    counts: dict = field(default_factory=dict)


@contextmanager
def record_job(db: Database, kind: str) -> Iterator[JobHandle]:
    """A run record that ends as succeeded, or failed with the error, whatever happens."""
    with db.session() as session:
        run = JobRun(kind=kind, state="running", counts={})
        session.add(run)
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


def list_jobs(db: Database, limit: int = 20) -> list[dict]:
    with db.session() as session:
        runs = session.scalars(select(JobRun).order_by(JobRun.id.desc()).limit(limit)).all()
        return [
            {"id": r.id, "kind": r.kind, "state": r.state,
             "started_at": r.started_at.isoformat(), "finished_at": r.finished_at.isoformat() if r.finished_at else None,
             "counts": r.counts, "error": r.error}
            for r in runs
        ]
