"""Align jobs started through the API: queued, then run one at a time on a worker thread.

The run record in the store is the job's state (queued, running, succeeded,
failed), so ``GET /v1/jobs/{id}`` and ``factalign jobs`` read the same thing,
and a job started by the CLI shows up too. The database lock taken by
``run_align`` keeps a CLI run and an API run from overlapping.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor

from service.context import Context
from service.errors import FactalignError
from service.jobs.align import run_align
from service.store.jobs import create_job, fail_queued_job

log = logging.getLogger("factalign.api.jobs")


class AlignJobs:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factalign-align")
        self._pending: dict[int, Future] = {}

    def submit(self) -> int:
        job_id = create_job(self.ctx.db, "align")
        self._pending[job_id] = self._pool.submit(self._run, job_id)
        return job_id

    def _run(self, job_id: int) -> None:
        try:
            run_align(self.ctx.db, self.ctx.settings, job_id=job_id)
        except FactalignError as exc:          # recorded on the job as its error
            log.warning("align job %s failed: %s", job_id, exc.message)
            fail_queued_job(self.ctx.db, job_id, exc.message)
        except Exception as exc:
            log.exception("align job %s failed", job_id)
            fail_queued_job(self.ctx.db, job_id, f"{type(exc).__name__}: {exc}")
        finally:
            self._pending.pop(job_id, None)

    def shutdown(self) -> None:
        """Stop taking work; a job still queued is marked failed, not left queued forever."""
        for job_id, future in list(self._pending.items()):
            if future.cancel():
                fail_queued_job(self.ctx.db, job_id, "the server stopped before the job started")
        self._pool.shutdown(wait=True)
