"""SaudiNewsNet at scale: ingest + align wall time, peak memory, and the encoder floor.

Ingests every day but the last into a fresh store and aligns it (the
backfill), then ingests and aligns the last day on top (the nightly
increment). In the same process, the bare encoder then encodes exactly the
texts each stage encoded, so that the pipeline's sentences per second stand
next to the encoder's on the same sentences, on the same machine, at the
same moment: the target is a ratio of at most 1.25.

    python benchmarks/scale.py                         # the whole corpus (~35 min on 2 idle cores)
    python benchmarks/scale.py --limit 2000            # 2,000 articles spread over the days
    python benchmarks/scale.py --days 6                # six whole days (~110k sentences), then the last day
    python benchmarks/scale.py --limit 2000 --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test

The nightly increment alone, a baseline checkout against this code (or
``--new``), on the two homes of ``benchmarks/api_side_by_side.py`` (the
~112k-sentence store: the baseline's own, and the new code's copy of it):
each round copies both homes afresh and runs ``factalign ingest DAY`` and
``factalign align`` from each checkout as subprocesses (what a nightly cron
runs, start-up and model loading included), baseline and new alternately;
DAY is the first SaudiNewsNet day after the store's days unless ``--day``:

    python benchmarks/scale.py --increment-on /tmp/fa-api-sbs --baseline /work/apibase [--new /work/apinew] [--rounds 2]

Results: ``benchmarks/results/scale-increment-side-by-side.json``.

With ``--limit N`` each earlier day gives its first N/17 articles and the
last day as many again, written as JSON Lines (still streamed by ingest).
On PostgreSQL a fresh database is created beside the one in the URL and
dropped at the end. Results go to ``benchmarks/results/scale-<db>-<size>.json``
with the load average of the machine before and after the run.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scale_data import fresh_database, split_days  # the script's folder is on sys.path

from service.config import load_settings
from service.context import Context
from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "saudinewsnet"


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class Descendants:
    """CPU time and peak RSS of this process's descendants, sampled from /proc (Linux).

    Align's workers are children of the forkserver, not of this process, so
    ``os.times()`` and ``RUSAGE_CHILDREN`` never see them; a thread reads
    every descendant's /proc/PID/stat a few times a second instead and keeps
    each one's last CPU time and largest RSS (a worker's last fraction of a
    second before it ends can be missed).
    """

    TICK = os.sysconf("SC_CLK_TCK")
    PAGE = os.sysconf("SC_PAGE_SIZE")

    def __init__(self, every: float = 0.25):
        self.every, self.cpu, self.rss, self.total_rss, self.total_pss = every, {}, {}, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()

    def sample(self) -> None:
        stats = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                # After the command: state, ppid (1), ... utime (11), stime (12), ... rss (21).
                stats[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / self.TICK,
                                     int(fields[21]) * self.PAGE)
        ours, grew = {os.getpid()}, True
        while grew:
            found = {pid for pid, (ppid, _, _) in stats.items() if ppid in ours and pid not in ours}
            ours |= found
            grew = bool(found)
        for pid in ours - {os.getpid()}:
            _, cpu, rss = stats[pid]
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu)
            self.rss[pid] = max(self.rss.get(pid, 0), rss)
        if os.getpid() in stats:
            self.total_rss = max(self.total_rss, sum(stats[pid][2] for pid in ours if pid in stats))
            self.total_pss = max(self.total_pss, sum(map(_pss, ours)))

    def cpu_seconds(self) -> float:
        self.sample()
        return sum(self.cpu.values())

    def peak_rss_mb(self) -> float:
        """The largest peak of any one descendant (each runs beside the driver)."""
        return round(max(self.rss.values(), default=0) / 1024**2, 1)

    def peak_total_rss_mb(self) -> float:
        """The largest sum, at one sample, of this process's RSS and its descendants'.

        Pages the processes share (the forkserver's imports) count once in
        each: an upper bound of the memory the job takes."""
        return round(self.total_rss / 1024**2, 1)

    def peak_total_pss_mb(self) -> float:
        """The largest sum, at one sample, of the processes' PSS: the memory the job takes,
        each shared page split among the processes that share it."""
        return round(self.total_pss / 1024**2, 1)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _pss(pid: int) -> int:
    """A process's proportional set size in bytes (0 once it has ended)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:"))
    except (OSError, StopIteration):
        return 0


def cpu_seconds() -> float:
    """CPU time of this process and of its ended children (not the forkserver's workers: ``Descendants``)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class StageClock:
    """Align's progress listener: when each stage started, hence how long each took."""

    def __init__(self):
        self.starts: list[tuple[str, float]] = []

    def __call__(self, state: dict) -> None:
        if not self.starts or self.starts[-1][0] != state["stage"]:
            self.starts.append((state["stage"], time.perf_counter()))

    def seconds(self, end: float) -> dict[str, float]:
        marks = self.starts + [("end", end)]
        return {name: round(marks[i + 1][1] - t, 2) for i, (name, t) in enumerate(self.starts)
                if name not in ("start", "done")}


def encoded_texts(ctx: Context, before: set[str]) -> tuple[set[str], list[str]]:
    """(every stored text hash, the texts whose hash is not in ``before``): what align encoded."""
    from sqlalchemy import func, select

    from service.store.schema import Sentence

    with ctx.db.session() as session:
        rows = session.execute(select(Sentence.text_hash, func.min(Sentence.text)).group_by(Sentence.text_hash)).all()
    return {h for h, _ in rows}, [t for h, t in rows if h not in before]


def run_stage(ctx: Context, paths: list[Path], before: set[str]) -> tuple[dict, set[str], list[str]]:
    s = ctx.settings
    started, cpu_started, workers = time.perf_counter(), cpu_seconds(), Descendants()
    ingest = ingest_paths(ctx.db, paths, max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    ingested = time.perf_counter()
    clock = StageClock()
    aligned = run_align(ctx.db, s, on_progress=clock)
    finished = time.perf_counter()
    pipeline_cpu = cpu_seconds() - cpu_started + workers.cpu_seconds()
    workers.stop()
    hashes, texts = encoded_texts(ctx, before)
    return {
        "articles": ingest.read, "added": ingest.added, "sentences": ingest.sentences,
        "encoded": aligned.encoded, "judged_pairs": aligned.judged_pairs,
        "contradictions": aligned.contradictions, "links": aligned.links, "clusters": aligned.clusters,
        "ingest_s": round(ingested - started, 2), "align_s": round(finished - ingested, 2),
        "align_stages_s": clock.seconds(finished), "pipeline_s": round(finished - started, 2),
        "pipeline_cpu_s": round(pipeline_cpu, 2), "peak_rss_mb": peak_rss_mb(),
        "peak_worker_rss_mb": workers.peak_rss_mb(), "peak_total_rss_mb": workers.peak_total_rss_mb(),
        "peak_total_pss_mb": workers.peak_total_pss_mb(),
    }, hashes, texts


def with_floor(stage: dict, ctx: Context, texts: list[str]) -> dict:
    """The bare encoder on the texts the stage encoded; the ratio the target is about."""
    ctx.encoder.encode(["warm up"])                    # model loading is not part of the figure
    started, cpu_started = time.perf_counter(), time.process_time()
    for start in range(0, len(texts), ctx.settings.batch_size):
        ctx.encoder.encode(texts[start:start + ctx.settings.batch_size])
    bare, bare_cpu = max(time.perf_counter() - started, 1e-9), time.process_time() - cpu_started
    # CPU seconds are less at the mercy of other work on a shared machine than wall time is.
    return {**stage, "bare_encoder_s": round(bare, 2), "bare_encoder_cpu_s": round(bare_cpu, 2),
            "pipeline_over_bare_cpu": round(stage["pipeline_cpu_s"] / max(bare_cpu, 1e-9), 2),
            "pipeline_texts_per_s": round(len(texts) / stage["pipeline_s"], 1),
            "bare_encoder_texts_per_s": round(len(texts) / bare, 1),
            "pipeline_over_bare": round(stage["pipeline_s"] / bare, 2)}


def copy_home(home: Path, copy: Path) -> None:
    """A copy of a SQLite home while this process holds the store open.

    The database goes through SQLite's backup API: copying its files with
    shutil would open and close them in this process, and closing any
    descriptor of a file drops every POSIX lock the process holds on it, so
    a worker opening the store next would think it the first, reset the
    shared-memory index and crash this process with a bus error.
    """
    import sqlite3
    from contextlib import closing

    shutil.copytree(home, copy, ignore=shutil.ignore_patterns("*.sqlite3*"))
    for source in home.glob("*.sqlite3"):
        with closing(sqlite3.connect(source)) as old, closing(sqlite3.connect(copy / source.name)) as new:
            old.backup(new)


@contextmanager
def work_folder(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True)            # a new folder: a store already there would not be a backfill
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="factalign-scale-") as tmp:
        yield Path(tmp)


def run(args, work: Path, database_url: str | None) -> dict:
    rest, last = split_days(args.data, args.limit, work, args.days)
    ctx = Context(load_settings(home=work / "home", threads=args.threads, database_url=database_url))
    # The bare encoder is loaded after both stages: its model in this process
    # would count in the job's memory, and align's driver holds none.
    backfill, hashes, texts = run_stage(ctx, rest, set())
    if args.keep is not None and database_url is None:
        copy_home(work / "home", work / "backfill-home")   # to re-run the increment on alone
    increment, _, new_texts = run_stage(ctx, [last], hashes)
    result = {"backfill": with_floor(backfill, ctx, texts), "increment": with_floor(increment, ctx, new_texts)}
    ctx.close()
    return result


def print_table(result: dict) -> None:
    rows = ("articles", "sentences", "encoded", "ingest_s", "align_s", "pipeline_s", "bare_encoder_s",
            "pipeline_texts_per_s", "bare_encoder_texts_per_s", "pipeline_over_bare", "pipeline_cpu_s",
            "bare_encoder_cpu_s", "pipeline_over_bare_cpu", "peak_rss_mb", "peak_worker_rss_mb", "peak_total_rss_mb",
            "peak_total_pss_mb", "judged_pairs", "contradictions", "links")
    print(f"{result['database']}, {result['threads']} encoder threads, {result['cpus']} CPUs, load average "
          f"{result['load_average_before'][0]} before / {result['load_average_after'][0]} after")
    print(f"{'':<26}{'backfill':>12}{'increment':>12}")
    for key in rows:
        print(f"{key:<26}{result['backfill'][key]:>12}{result['increment'][key]:>12}")
    for name in ("backfill", "increment"):
        stages = ", ".join(f"{k} {v}s" for k, v in result[name]["align_stages_s"].items())
        print(f"align stages ({name}): {stages}")


def timed_increment(checkout: Path, home: Path, day: Path) -> dict:
    """``factalign ingest DAY`` then ``factalign align`` from ``checkout`` on ``home``: seconds, stages, memory."""
    from align_side_by_side import stage_seconds
    from api_side_by_side import factalign

    workers = Descendants()
    try:
        ingest_s, _ = factalign(checkout, home, "ingest", str(day))
        align_s, out = factalign(checkout, home, "align", "--json")
        cpu = workers.cpu_seconds()
    finally:
        workers.stop()
    report = json.loads(out.stdout[out.stdout.index("{"):])
    return {"ingest_s": round(ingest_s, 2), "align_s": round(align_s, 2), "total_s": round(ingest_s + align_s, 2),
            "align_stages_s": stage_seconds(out.stderr), "cpu_s": round(cpu, 1),
            "peak_process_rss_mb": workers.peak_rss_mb(), "peak_total_rss_mb": workers.peak_total_rss_mb(),
            "peak_total_pss_mb": workers.peak_total_pss_mb(),
            **{k: report.get(k) for k in ("encoded", "judged_pairs", "contradictions", "links", "clusters")}}


def increment_side_by_side(args) -> None:
    from api_side_by_side import homes

    checkouts = {"baseline": args.baseline.resolve(), "new": args.new.resolve()}
    built = homes(args.increment_on, checkouts["baseline"], checkouts["new"], args.sentences)
    days = sorted(args.data.glob("*.zip"))
    day = args.data / args.day if args.day else next(d for d in days if d.name not in built["baseline"][1]["days"]
                                                       and d.name > max(built["baseline"][1]["days"], default=""))
    load_before, runs = os.getloadavg(), {"baseline": [], "new": []}
    for round_ in range(args.rounds):
        for name in ("baseline", "new") if round_ % 2 == 0 else ("new", "baseline"):
            copy = args.increment_on / f"increment-{name}"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(built[name][0], copy)
            runs[name].append(timed_increment(checkouts[name], copy, day))
            shutil.rmtree(copy)
            print(name, runs[name][-1], flush=True)
    best = {name: min(rs, key=lambda r: r["total_s"]) for name, rs in runs.items()}
    ratio = round(best["new"]["total_s"] / best["baseline"]["total_s"], 2)
    print(f"increment of {day.name} on {built['new'][1]['sentences']:,} sentences, best of {args.rounds}, load average "
          f"{load_before[0]:.2f} before / {os.getloadavg()[0]:.2f} after")
    print("| code | ingest s | align s | total s | align stages s | peak RSS MB (largest process / all) |\n|---|---|---|---|---|---|")
    for name, r in best.items():
        print(f"| {name} | {r['ingest_s']} | {r['align_s']} | {r['total_s']} | {r['align_stages_s']} "
              f"| {r['peak_process_rss_mb']} / {r['peak_total_rss_mb']} |")
    print(f"total new / baseline: {ratio}")
    out = REPO / "benchmarks" / "results" / "scale-increment-side-by-side.json"
    out.write_text(json.dumps({"day": day.name, "store": str(args.increment_on),
                               "builds": {k: v[1] for k, v in built.items()},
                               "checkouts": {k: str(v) for k, v in checkouts.items()}, "runs": runs,
                               "best_total_s": {k: v["total_s"] for k, v in best.items()}, "ratio": ratio,
                               "cpus": os.cpu_count(), "load_average_before": [round(x, 2) for x in load_before],
                               "load_average_after": [round(x, 2) for x in os.getloadavg()], "note": args.note},
                              indent=2) + "\n", encoding="utf-8")
    print(f"written to {out.relative_to(REPO)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--increment-on", type=Path, help="a store folder of api_side_by_side.py: time the nightly "
                        "increment there, --baseline against --new, and nothing else")
    parser.add_argument("--baseline", type=Path, help="with --increment-on: the baseline checkout")
    parser.add_argument("--new", type=Path, default=REPO, help="with --increment-on: the new checkout (default: this one)")
    parser.add_argument("--day", help="with --increment-on: the day's zip name (default: the first after the store's)")
    parser.add_argument("--rounds", type=int, default=1, help="with --increment-on: rounds, sides alternating")
    parser.add_argument("--sentences", type=int, default=100_000, help="with --increment-on: the store's size if built")
    parser.add_argument("--limit", type=int, help="articles in the backfill (default: all of SaudiNewsNet)")
    parser.add_argument("--database-url", help="a PostgreSQL server URL; a fresh database is made and dropped")
    parser.add_argument("--days", type=int, help="backfill with the first N whole days only (the increment stays the last day)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--note", default="", help="what else ran on the machine, for the record")
    parser.add_argument("--keep", type=Path, help="build the store in this (new) folder and keep it, to profile later "
                        "(on SQLite with a copy of it after the backfill, in backfill-home/)")
    args = parser.parse_args()
    if args.increment_on:
        return increment_side_by_side(args)
    # Whether align's index stage appended or rebuilt, and why (the increment's index stage was slow once).
    logging.basicConfig(format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("service.retrieval.index_file").setLevel(logging.INFO)
    load_before, started = os.getloadavg(), time.time()
    with work_folder(args.keep) as work, fresh_database(args.database_url) as database_url:
        result = run(args, work, database_url)
    db = "postgresql" if args.database_url else "sqlite"
    result = {"database": db, "limit": args.limit, "days": args.days, "threads": args.threads, "cpus": os.cpu_count(),
              "load_average_before": [round(x, 2) for x in load_before],
              "load_average_after": [round(x, 2) for x in os.getloadavg()],
              "wall_s": round(time.time() - started, 1), "note": args.note, **result}
    print_table(result)
    size = args.limit or (f"{args.days}days" if args.days else "full")
    out = REPO / "benchmarks" / "results" / f"scale-{db}-{size}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
