"""Align's judging stages, this code against a baseline checkout, on one embedded store, in one run.

    python benchmarks/align_side_by_side.py --store FILE.sqlite3 --baseline /path/to/old/checkout

FILE is a SQLite store that a baseline align ingested and embedded (for the
figures in ``benchmarks/results/align_side_by_side.json``: 17 of the 18
SaudiNewsNet days, 250,695 sentences, about 91 % of the corpus). Each run
gets its own copy with every judgement taken out (slots, furniture, pairs,
links, clusters, contradictions), so both do the same work from the same
vectors: slots, furniture, pair and cluster stages, the index loaded from
the stored vectors. Embedding is left out: both versions run the same
encoder, and it costs the same (``benchmarks/scale.py`` measures it against
the bare encoder). Runs alternate baseline, this, ``--rounds`` times; the
best wall time of each is compared. Prints a table and writes the JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
RESET = """
DELETE FROM contradictions; DELETE FROM claim_links; DELETE FROM cluster_members;
DELETE FROM meta WHERE key IN ('slots_max_id', 'slots_fingerprint', 'paired_max_id');
UPDATE sentences SET slots = NULL, furniture = NULL;
"""


def fresh_home(store: Path, work: Path, name: str) -> Path:
    home = work / name
    home.mkdir()
    shutil.copy(store, home / "factalign.sqlite3")
    with sqlite3.connect(home / "factalign.sqlite3") as db:
        db.executescript(RESET)
    return home


def checkout_cli(checkout: Path, home: Path) -> tuple[list[str], dict]:
    """The command line and environment that run ``factalign --home HOME`` from ``checkout``'s source.

    The checkout goes first on the path (and on PYTHONPATH, for align's
    workers and serve's), ahead of whatever version is installed, so two
    checkouts run their own code with one interpreter."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    prefix = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(checkout)!r}); "
                                    "from service.cli import main; main()", "--home", str(home)]
    return prefix, env


def stage_seconds(stderr: str) -> dict[str, float]:
    """Align's ``event=stage_done`` log lines: seconds per stage."""
    stages = {}
    for line in stderr.splitlines():
        if "event=stage_done" in line:
            fields = dict(part.split("=", 1) for part in line.split() if "=" in part)
            stages[fields["stage"]] = float(fields["seconds"])
    return stages


def run_align(checkout: Path, home: Path) -> dict:
    prefix, env = checkout_cli(checkout, home)
    upgrade = subprocess.run(prefix + ["db", "upgrade"], env=env, capture_output=True, text=True)
    if upgrade.returncode not in (0, 2):            # 2: an older checkout without the db command
        raise SystemExit(upgrade.stderr)
    start = time.perf_counter()
    out = subprocess.run(prefix + ["align", "--json"], env=env, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    stages = stage_seconds(out.stderr)
    report = json.loads(out.stdout[out.stdout.index("{"):])
    return {"wall_s": round(wall, 1), "stages_s": stages,
            **{k: report.get(k) for k in ("judged_pairs", "contradictions", "links", "clusters", "stories")}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {"baseline": [], "this": []}
    with tempfile.TemporaryDirectory(dir=args.store.parent) as tmp:
        for round_ in range(args.rounds):
            for name, checkout in (("baseline", args.baseline), ("this", REPO)):
                home = fresh_home(args.store, Path(tmp), f"{name}-{round_}")
                runs[name].append(run_align(checkout, home))
                shutil.rmtree(home)
    best = {name: min(r["wall_s"] for r in rs) for name, rs in runs.items()}
    ratio = round(best["this"] / best["baseline"], 3)
    print("| code | wall s | stages s | pairs | contradictions | links | clusters |\n|---|---|---|---|---|---|---|")
    for name, rs in runs.items():
        r = min(rs, key=lambda r: r["wall_s"])
        print(f"| {name} | {r['wall_s']} | {r['stages_s']} | {r['judged_pairs']} | {r['contradictions']} "
              f"| {r['links']} | {r['clusters']} |")
    print(f"\nalign without embedding, this / baseline: {ratio}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "align_side_by_side.json").write_text(json.dumps(
        {"store": str(args.store), "baseline": str(args.baseline), "runs": runs, "best_wall_s": best,
         "ratio": ratio, "load_average_after": os.getloadavg()}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
