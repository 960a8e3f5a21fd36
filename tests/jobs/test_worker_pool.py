"""The judge pool's worker processes do not outlive an align killed with SIGKILL.

(That the pool's rows are those of one process is checked with the fast
path's equivalence, in ``test_pairing_speed_equivalence.py``.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service.jobs.worker_pool import DRIVER_POLL_SECONDS, WorkerPool

# A driver that starts its workers, says their pids, then waits to be killed.
DRIVER = """
import os, sys, time
from service.jobs.worker_pool import WorkerPool
pool = WorkerPool(2)
futures = [pool._pool().submit(time.sleep, 0.5) for _ in range(2)]
for f in futures:
    f.result()
print(" ".join(str(pid) for pid in pool._pool()._processes), flush=True)
time.sleep(600)
"""


def running(pid: int) -> bool:
    """Whether the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
def test_workers_leave_when_the_driver_is_killed():
    with subprocess.Popen([sys.executable, "-c", DRIVER], stdout=subprocess.PIPE, text=True,
                          cwd=Path(__file__).resolve().parents[2]) as driver:
        workers = [int(pid) for pid in driver.stdout.readline().split()]
        assert len(workers) == 2 and all(map(running, workers))
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait()
        deadline = time.monotonic() + 10 * DRIVER_POLL_SECONDS + 5
        while any(map(running, workers)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(map(running, workers)), "workers outlived their driver"


def test_a_pool_needs_two_workers():
    with pytest.raises(ValueError, match="at least 2"):
        WorkerPool(1)
