"""The nightly job as cron runs it, for the kill -9 test: `factalign ingest PATHS...` then `factalign align`.

Run as ``python nightly_driver.py HOME PATH...`` with the database in
FACTALIGN_DATABASE_URL. Two settings make every checkpoint visible, so the
test can kill the process at chosen points: one log line per checkpoint
(stderr is not a terminal, so progress goes to the log), and slot-reading
and judging chunks of FACTALIGN_TEST_PAIR_CHUNK sentences (the real
default is 2,000).
"""

from __future__ import annotations

import os
import sys

from service.cli import cli
from service.jobs import pairing, progress, slots_stage


def main(home: str, paths: list[str]) -> None:
    progress.LOG_EVERY = 0.0
    pairing.CHUNK = int(os.environ.get("FACTALIGN_TEST_PAIR_CHUNK", pairing.CHUNK))
    slots_stage.BATCH = pairing.CHUNK
    print("event=ingest", file=sys.stderr, flush=True)
    cli.main(["--home", home, "ingest", *paths], prog_name="factalign", standalone_mode=False)
    cli.main(["--home", home, "align"], prog_name="factalign", standalone_mode=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
