"""A job's progress on the command line: rich bars on a terminal, log lines elsewhere.

Cron, systemd and CI capture stderr, where bars would be noise: there the
``factalign.jobs`` logger writes ``key=value`` lines instead (the same
progress dicts the run record keeps).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


class StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a line is logged (click's test runner swaps it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter(LOG_FORMAT))

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def log_to_stderr() -> None:
    """Send factalign's job log lines to stderr (INFO and up), once, leaving other loggers alone."""
    logger = logging.getLogger("factalign")
    if not any(isinstance(h, StderrHandler) for h in logger.handlers):
        logger.addHandler(StderrHandler())
    logger.setLevel(logging.INFO)


@contextmanager
def job_progress(*, quiet: bool = False) -> Iterator[Callable[[dict], None] | None]:
    """A listener for ``{"stage", "done", "total"}`` dicts: bars on a terminal, else None and log lines."""
    if not sys.stderr.isatty():
        log_to_stderr()
        yield None
        return
    if quiet:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bars:
        tasks: dict[str, tuple[int, int]] = {}            # stage -> (task id, done)

        def show(state: dict) -> None:
            stage = state["stage"]
            if stage not in tasks:
                for task, done in tasks.values():              # a new stage means the others finished
                    bars.update(task, total=done, completed=done)
                if stage in ("start", "done"):
                    return
                tasks[stage] = (bars.add_task(stage, total=state["total"]), 0)
            tasks[stage] = (tasks[stage][0], state["done"])
            bars.update(tasks[stage][0], completed=state["done"], total=state["total"])

        yield show
