"""One align at a time: the lock names its holder, and a dead or silent holder's lock is taken over."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from service.cli import cli
from service.errors import BusyError, StoreError
from service.jobs.align import run_align
from service.store.jobs import create_job, get_job, list_jobs, record_job
from service.store.locks import HOST, acquire, job_lock
from service.store.schema import JobLock, JobRun, utcnow


def _dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _plant(db, *, host: str, pid: int, silent_for: float, job_id: int | None = None) -> None:
    """A lock row as another process would have left it."""
    beat = utcnow() - dt.timedelta(seconds=silent_for)
    with db.session() as session:
        session.add(JobLock(name="align", owner="someone-else", job_id=job_id, host=host, pid=pid,
                            acquired_at=beat, heartbeat_at=beat))


def test_a_second_holder_is_refused_with_the_holders_name(make_context):
    db = make_context().db
    with job_lock(db, "align", stale_seconds=3600), \
            pytest.raises(BusyError, match=rf"another align job is running \(pid \d+ on {HOST}"):
        acquire(db, "align", stale_seconds=3600)
    with job_lock(db, "align", stale_seconds=3600):      # released: free again
        pass
    with db.session() as session:
        assert session.scalars(select(JobLock)).all() == []


def test_a_job_id_beyond_the_id_column_is_no_job_not_an_overflow(make_context):
    db = make_context().db
    with record_job(db, "align") as job:
        pass
    assert get_job(db, job.id)["id"] == job.id
    for job_id in (0, -1, 2**31, 2**63, 10**30):
        assert get_job(db, job_id) is None


def test_a_holder_whose_process_is_gone_is_taken_over_and_its_run_marked_failed(make_context):
    db = make_context().db
    with record_job(db, "align") as job:
        pass
    with db.session() as session:                         # a run killed while running
        session.get(JobRun, job.id).state = "running"
    _plant(db, host=HOST, pid=_dead_pid(), silent_for=1, job_id=job.id)
    held = acquire(db, "align", stale_seconds=3600)
    abandoned = get_job(db, job.id)
    assert abandoned["state"] == "failed" and "no longer exists" in abandoned["error"]
    held.release()


def test_a_holder_on_another_host_is_taken_over_only_when_stale(make_context):
    db = make_context().db
    _plant(db, host="elsewhere.example", pid=1, silent_for=120)
    with pytest.raises(BusyError, match="pid 1 on elsewhere.example"):
        acquire(db, "align", stale_seconds=600)
    acquire(db, "align", stale_seconds=60).release()


def test_a_holder_that_lost_its_lock_stops_at_its_next_checkpoint(make_context):
    db = make_context().db
    held = acquire(db, "align", stale_seconds=3600)
    with db.session() as session:                         # as if another run judged us dead
        session.get(JobLock, "align").owner = "the-successor"
    with pytest.raises(StoreError, match="taken over"), db.session() as session:
        held.beat(session)


def test_align_while_another_runs_fails_clearly_and_leaves_no_record(make_context):
    ctx = make_context(model="hashing")
    with job_lock(ctx.db, "align", stale_seconds=3600):
        with pytest.raises(BusyError):
            run_align(ctx.db, ctx.settings)
        url = ctx.settings.resolved_database_url
        result = CliRunner().invoke(cli, ["--home", str(ctx.settings.home), "--database-url", url,
                                          "--model", "hashing", "align"])
    assert result.exit_code == 2
    assert "another align job is running" in result.output and f"on {HOST}" in result.output
    assert list_jobs(ctx.db) == []


def test_a_queued_run_is_adopted_and_shows_its_progress(make_context):
    ctx = make_context(model="hashing")
    job_id = create_job(ctx.db, "align")
    assert get_job(ctx.db, job_id)["state"] == "queued"
    run_align(ctx.db, ctx.settings, job_id=job_id)
    job = get_job(ctx.db, job_id)
    assert job["state"] == "succeeded" and job["progress"]["stage"] == "done"
    assert {"id", "kind", "state", "started_at", "finished_at", "counts", "error", "updated_at"} <= set(job)
    assert [j["id"] for j in list_jobs(ctx.db)] == [job_id]
