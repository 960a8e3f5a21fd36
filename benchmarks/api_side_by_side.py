"""``POST /v1/claims/check`` over loopback, a baseline checkout against this code, in one run.

Two ``factalign serve`` processes run at once, one from each checkout's
source (``align_side_by_side.checkout_cli``: one interpreter, the checkout
first on the path and on PYTHONPATH), each on its own copy of the same
store content. The requests alternate between them: at 1 client, claim by
claim (A then B, B then A for the next claim); at 8 clients, bursts of
``--burst`` requests, in alternating order. Both sides get exactly the same
claims, so every percentile is of the same claims on both sides. The
claims are those of ``benchmarks/api.py``: *cold* (sentences of the latest
SaudiNewsNet days that are not in the store, each sent once per side) and
*warm* (the 18 dev claims, cycled). p50/p95/p99 per side and the ratio
this/baseline; the RSS of each server after its warm-up and after the run.

How the store is built (``--store DIR``, kept and reused by later runs):

- ``DIR/baseline/``: a home the *baseline* code builds: the seeds, then
  whole SaudiNewsNet days in date order until it holds ``--sentences``
  (100,000: the seeds and 2015-07-21..26, 111,855 sentences with the
  baseline 783ee74; ``results/api.json`` had 111,864), then ``factalign
  align``. Built once (about 20 minutes on a busy 2-core machine).
- ``DIR/new-<rev>/``, ``rev`` being the new checkout's last commit that
  changed ``service/``, ``embeddings/`` or ``pyproject.toml``: a copy of
  ``baseline/`` with every judgement taken out (``align_side_by_side.RESET``:
  slots, furniture, pairs, links, clusters, contradictions), then
  ``factalign db upgrade`` and ``align`` with the *new* checkout (``--new``,
  default this one). So both sides hold the same articles, sentences and
  vectors (embedded once, by the baseline), and each side's judgements,
  clusters and schema are its own code's. Built once per product revision
  (one re-judging, 10-15 minutes), then reused.

    git worktree add --detach /work/apibase 783ee74     # main before the issue-22/21/ANS merges
    python benchmarks/api_side_by_side.py --store /tmp/fa-api-sbs --baseline /work/apibase
    # on a later main: a worktree of it as --new (its store copy is built on first use)
    git worktree add --detach /work/apinew main
    python benchmarks/api_side_by_side.py --store /tmp/fa-api-sbs --baseline /work/apibase --new /work/apinew

Both servers and the client share the machine's cores (2 here) with
whatever else runs: read the ratios, not the milliseconds. Results:
``benchmarks/results/api_side_by_side.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

import httpx
from align_side_by_side import RESET, checkout_cli, stage_seconds  # the script's folder is on sys.path
from api import KEY, SHARED, claims, client, cold_claims, free_port, percentiles, timed_requests, wait_ready

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "api_side_by_side.json"
DAYS = SHARED / "data" / "saudinewsnet"
DB = "factalign.sqlite3"


def revision(checkout: Path) -> str:
    out = subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True)
    return out.stdout.strip() or checkout.name


def code_revision(checkout: Path) -> str:
    """The last commit that changed the product (not the benchmarks): what a new side's home is built for."""
    out = subprocess.run(["git", "-C", str(checkout), "log", "-1", "--format=%H", "--", "service", "embeddings",
                          "pyproject.toml"], capture_output=True, text=True)
    return out.stdout.strip() or revision(checkout)


def factalign(checkout: Path, home: Path, *args: str) -> tuple[float, subprocess.CompletedProcess]:
    prefix, env = checkout_cli(checkout, home)
    started = time.perf_counter()
    out = subprocess.run(prefix + list(args), env={**env, "HF_HUB_OFFLINE": "1"}, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"factalign {' '.join(args)} ({checkout}) failed:\n{out.stderr[-3000:]}")
    return time.perf_counter() - started, out


def stored_sentences(home: Path) -> int:
    with closing(sqlite3.connect(home / DB)) as db:
        return db.execute("SELECT count(*) FROM sentences").fetchone()[0]


def stored_texts(home: Path) -> set[str]:
    with closing(sqlite3.connect(home / DB)) as db:
        return {text for (text,) in db.execute("SELECT text FROM sentences")}


def aligned(checkout: Path, home: Path) -> dict:
    wall, out = factalign(checkout, home, "align", "--json")
    return {"align_s": round(wall, 1), "align_stages_s": stage_seconds(out.stderr)}


def build_baseline(checkout: Path, home: Path, sentences: int) -> dict:
    """The seeds, then whole days in date order until ``sentences`` are stored; then align."""
    home.mkdir(parents=True)
    factalign(checkout, home, "ingest", str(checkout / "seeds"))
    days = []
    for day in sorted(DAYS.glob("*.zip")):
        if stored_sentences(home) >= sentences:
            break
        factalign(checkout, home, "ingest", str(day))
        days.append(day.name)
    return {"revision": revision(checkout), "days": days, "sentences": stored_sentences(home),
            **aligned(checkout, home)}


def build_new(baseline_home: Path, checkout: Path, home: Path) -> dict:
    """The baseline's store with its judgements out, upgraded and aligned by ``checkout``."""
    shutil.copytree(baseline_home, home, ignore=shutil.ignore_patterns("build.json"))
    with closing(sqlite3.connect(home / DB)) as db:
        db.executescript(RESET)
    factalign(checkout, home, "db", "upgrade")
    return {"revision": revision(checkout), "code_revision": code_revision(checkout), "from": str(baseline_home), "sentences": stored_sentences(home),
            **aligned(checkout, home)}


def ensure(home: Path, build) -> dict:
    """``home``'s build record, building it first (into a temporary folder, renamed when done)."""
    record = home / "build.json"
    if not record.exists():
        partial = home.with_name(home.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        info = build(partial)
        (partial / "build.json").write_text(json.dumps(info, indent=2) + "\n")
        partial.rename(home)
        print(f"built {home}: {info}", flush=True)
    return json.loads(record.read_text())


def homes(store: Path, baseline: Path, new: Path, sentences: int) -> dict[str, tuple[Path, dict]]:
    """{"baseline": (home, build record), "new": (home, build record)}, built as the docstring says."""
    base_home = store / "baseline"
    base = ensure(base_home, lambda h: build_baseline(baseline, h, sentences))
    new_home = store / f"new-{code_revision(new)[:12]}"
    return {"baseline": (base_home, base), "new": (new_home, ensure(new_home, lambda h: build_new(base_home, new, h)))}



def tree_memory_mb(pid: int) -> dict:
    """VmRSS and VmHWM (peak RSS) of a process and its children, from /proc (Linux)."""
    pids, found = {pid}, True
    while found:
        found = {int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _ppid(p) in pids} - pids
        pids |= found
    fields = {"VmRSS": 0, "VmHWM": 0}
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                key = line.split(":")[0]
                if key in fields:
                    fields[key] += int(line.split()[1])
        except OSError:
            continue
    return {"rss_mb": round(fields["VmRSS"] / 1024, 1), "peak_rss_mb": round(fields["VmHWM"] / 1024, 1),
            "processes": len(pids)}


def _ppid(proc: Path) -> int:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


class Side:
    """One checkout's server on its home, with a client of its own and the samples taken so far."""

    def __init__(self, name: str, checkout: Path, home: Path):
        self.name, self.checkout, self.home = name, checkout, home
        self.base = f"http://127.0.0.1:{free_port()}"
        prefix, env = checkout_cli(checkout, home)
        self.process = subprocess.Popen(
            prefix + ["serve", "--port", self.base.rsplit(":", 1)[1], "--log-level", "warning"],
            env={**env, "FACTALIGN_API_KEYS": KEY, "HF_HUB_OFFLINE": "1"},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def ready(self, warm_claim: str) -> dict:
        """Waits for /readyz, checks one claim, says what runs: the memory and whether it serves by_article."""
        wait_ready(self.process, self.base)
        httpx.post(f"{self.base}/v1/claims/check", json={"claim": warm_claim}, timeout=120,
                   headers={"Authorization": f"Bearer {KEY}"}).raise_for_status()
        openapi = httpx.get(f"{self.base}/openapi.json", timeout=30).text
        return {"checkout": str(self.checkout), "revision": revision(self.checkout), "home": str(self.home),
                "serves_by_article": "by_article" in openapi, "memory_after_warm_up": tree_memory_mb(self.process.pid)}

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


async def side_by_side(sides: list[Side], texts: list[str], clients: int, burst: int) -> dict:
    """``texts`` to every side, in bursts of ``burst`` (1 at one client), the side first in turn alternating."""
    burst = 1 if clients == 1 else burst
    got = {side.name: {"samples": [], "errors": 0, "wall": 0.0} for side in sides}
    https = {side.name: client(side.base) for side in sides}
    try:
        for i in range(0, len(texts), burst):
            order = sides if (i // burst) % 2 == 0 else sides[::-1]
            for side in order:
                samples, errors, wall = await timed_requests(https[side.name], texts[i:i + burst], clients)
                got[side.name]["samples"] += samples
                got[side.name]["errors"] += errors
                got[side.name]["wall"] += wall
    finally:
        for http in https.values():
            await http.aclose()
    row = {"clients": clients, "requests": len(texts), "burst": burst}
    for name, g in got.items():
        row[name] = {**percentiles(g["samples"]), "errors": g["errors"],
                     "requests_per_s": round(len(texts) / g["wall"], 1)}
    row["new_over_baseline"] = {q: round(row["new"][q] / row["baseline"][q], 2)
                                for q in ("p50_ms", "p95_ms", "p99_ms", "mean_ms")}
    return row


def measure(sides: list[Side], cold: list[list[str]], warm: list[str], levels: list[int], burst: int) -> list[dict]:
    rows = [{"claims": "cold", **asyncio.run(side_by_side(sides, texts, n, burst))} for n, texts in zip(levels, cold)]
    rows.append({"claims": "warm", **asyncio.run(side_by_side(sides, warm, 1, burst))})
    return rows


def print_table(rows: list[dict], info: dict) -> None:
    print(f"check over HTTP, {info['sentences']:,} sentences; load average {info['load_average_before'][0]} "
          f"before, {info['load_average_after'][0]} after")
    print("| claims | clients | requests | baseline p50 / p95 / p99 ms | new p50 / p95 / p99 ms "
          "| new/baseline p50 | p95 | p99 | errors |\n|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        b, n, q = r["baseline"], r["new"], r["new_over_baseline"]
        print(f"| {r['claims']} | {r['clients']} | {r['requests']} | {b['p50_ms']} / {b['p95_ms']} / {b['p99_ms']} "
              f"| {n['p50_ms']} / {n['p95_ms']} / {n['p99_ms']} | {q['p50_ms']} | {q['p95_ms']} | {q['p99_ms']} "
              f"| {b['errors']} / {n['errors']} |")
    for name, server in info["servers"].items():
        print(f"{name}: {server['revision'][:12]} by_article={server['serves_by_article']} "
              f"after warm-up {server['memory_after_warm_up']} at the end {server['memory_at_end']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True, help="folder of the two homes (built on first use)")
    parser.add_argument("--baseline", type=Path, required=True, help="the baseline checkout")
    parser.add_argument("--new", type=Path, default=REPO, help="the new checkout (default: this one)")
    parser.add_argument("--sentences", type=int, default=100_000, help="the baseline store's size when built")
    parser.add_argument("--requests", type=int, default=400, help="cold claims per concurrency level (per side)")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8], help="concurrency levels")
    parser.add_argument("--burst", type=int, default=40, help="requests per turn above one client")
    parser.add_argument("--build-only", action="store_true", help="build the homes, measure nothing")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"results file (default: {RESULTS.name})")
    parser.add_argument("--note", default="", help="what else ran on the machine, for the record")
    args = parser.parse_args()
    built = homes(args.store, args.baseline.resolve(), args.new.resolve(), args.sentences)
    if args.build_only:
        return
    warm = claims()
    pool = cold_claims(built["new"][0], args.requests * len(args.clients), known=stored_texts(built["new"][0]))
    cold = [pool[i * args.requests:(i + 1) * args.requests] for i in range(len(args.clients))]
    checkouts = {"baseline": args.baseline.resolve(), "new": args.new.resolve()}
    load_before = os.getloadavg()
    sides = [Side(name, checkouts[name], built[name][0]) for name in ("baseline", "new")]
    try:
        servers = {side.name: side.ready(warm[0]) for side in sides}
        rows = measure(sides, cold, warm * max(1, args.requests // len(warm)), args.clients, args.burst)
        for side in sides:
            servers[side.name]["memory_at_end"] = tree_memory_mb(side.process.pid)
    finally:
        for side in sides:
            side.stop()
    info = {"sentences": built["new"][1]["sentences"], "builds": {k: v[1] for k, v in built.items()},
            "servers": servers, "cpu_count": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()]}
    print_table(rows, info)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({**info, "note": args.note, "http": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
