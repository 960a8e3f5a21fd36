"""Latency and throughput of ``POST /v1/claims/check`` over loopback, next to in-process ``check``.

A real ``factalign serve`` process answers; this process plays 1, 8 and 32
concurrent clients (httpx, async). The claims are of two kinds:

- **cold**: sentences of a SaudiNewsNet day that is not in the store, each
  sent once, so that nothing about them or their neighbours is cached yet
  (each concurrency level gets claims of its own);
- **warm**: the 18 dev claims, cycled, as an editor re-checking a story.

The same kinds are first timed in process (``check_claim``, after the same
warm-up the server does), so the table shows what HTTP, JSON and
concurrency add. The store must already be aligned: pass an existing home
(e.g. one built by ``benchmarks/scale.py``), or let this script build one
from the seeds plus SaudiNewsNet days up to N sentences.

    python benchmarks/api.py --home /tmp/fa-100k                      # reuse
    python benchmarks/api.py --home /tmp/fa-api --sentences 100000   # build, then measure

Both processes share the machine's 2 cores: the client's own time is in
the figures. Results: benchmarks/results/api.json.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from ann_data import held_out_sentences  # the script's folder is on sys.path
from sqlalchemy import func, select

from service.config import load_settings
from service.context import Context
from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths
from service.retrieval.check import check_claim
from service.store.schema import Sentence

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RESULTS = REPO / "benchmarks" / "results" / "api.json"
KEY = "benchmark-key"


def claims() -> list[str]:
    lines = (SHARED / "eval" / "dev_claims.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["claim"] for line in lines if line.strip()]


def sentence_count(ctx: Context) -> int:
    with ctx.db.session() as session:
        return session.scalar(select(func.count()).select_from(Sentence))


def build(home: Path, sentences: int) -> None:
    """The seeds, then whole SaudiNewsNet days until the store holds ``sentences``; then align."""
    ctx = Context(load_settings(home=home))
    s = ctx.settings
    ingest_paths(ctx.db, [REPO / "seeds"], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    for day in sorted((SHARED / "data" / "saudinewsnet").glob("*.zip")):
        if sentence_count(ctx) >= sentences:
            break
        ingest_paths(ctx.db, [day], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    run_align(ctx.db, s)
    ctx.close()


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000
    return {"p50_ms": round(pick(0.50), 1), "p95_ms": round(pick(0.95), 1), "p99_ms": round(pick(0.99), 1),
            "mean_ms": round(statistics.fmean(samples) * 1000, 1)}


def cold_claims(home: Path, n: int, known: set[str] | None = None) -> list[str]:
    """Claim-worthy sentences of the latest SaudiNewsNet days whose text is not in the store (or in ``known``)."""
    if known is None:
        ctx = Context(load_settings(home=home))
        with ctx.db.session() as session:
            known = set(session.scalars(select(Sentence.text)))
        ctx.close()
    found: list[str] = []
    for day in sorted((SHARED / "data" / "saudinewsnet").glob("*.zip"), reverse=True):
        found += held_out_sentences(day.name, known | set(found), n - len(found))
        if len(found) >= n:
            break
    return found[:n]


def in_process(home: Path, cold: list[str], warm: list[str], rounds: int) -> dict:
    ctx = Context(load_settings(home=home))
    ctx.warm_up()                                               # what the server does before it is ready
    gc.freeze()
    check_claim(ctx, warm[0])
    sentences = sentence_count(ctx)

    def timed(texts: list[str]) -> dict:
        samples = []
        for text in texts:
            started = time.perf_counter()
            check_claim(ctx, text)
            samples.append(time.perf_counter() - started)
        return percentiles(samples)

    result = {"sentences": sentences, "indexed": ctx.indexed_count(),
              "cold": timed(cold), "warm": timed(warm * rounds)}
    ctx.close()
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(home: Path, port: int, command: list[str] | None = None, env: dict | None = None) -> subprocess.Popen:
    """``factalign serve`` on ``home`` (the installed one, or ``command`` with ``env``), once it is ready."""
    command = command or [str(Path(sys.executable).with_name("factalign")), "--home", str(home)]
    env = {**(env or os.environ), "FACTALIGN_API_KEYS": KEY, "HF_HUB_OFFLINE": "1"}
    process = subprocess.Popen(command + ["serve", "--port", str(port), "--log-level", "warning"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_ready(process, f"http://127.0.0.1:{port}")
    return process


def wait_ready(process: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode} before it was ready")
        time.sleep(0.5)
    process.kill()
    raise SystemExit("server did not become ready")


def client(base: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=base, limits=httpx.Limits(max_connections=32), timeout=120,
                             headers={"Authorization": f"Bearer {KEY}"})


async def timed_requests(http: httpx.AsyncClient, texts: list[str], clients: int) -> tuple[list[float], int, float]:
    """``texts`` checked by ``clients`` concurrent clients: (seconds per request, errors, wall seconds)."""
    samples, errors = [], 0
    queue = asyncio.Queue()
    for text in texts:
        queue.put_nowait(text)

    async def one_client() -> None:
        nonlocal errors
        while not queue.empty():
            text = queue.get_nowait()
            started = time.perf_counter()
            response = await http.post("/v1/claims/check", json={"claim": text})
            samples.append(time.perf_counter() - started)
            errors += response.status_code != 200

    started = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(clients)))
    return samples, errors, time.perf_counter() - started


async def load(base: str, texts: list[str], clients: int, requests: int) -> dict:
    async with client(base) as http:
        await http.post("/v1/claims/check", json={"claim": texts[0]})          # warm
        samples, errors, wall = await timed_requests(http, [texts[i % len(texts)] for i in range(requests)], clients)
    return {"clients": clients, "requests": requests, "errors": errors,
            "requests_per_s": round(requests / wall, 1), **percentiles(samples)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--sentences", type=int, default=0, help="build a store of at least this many sentences")
    parser.add_argument("--requests", type=int, default=200, help="requests per concurrency level")
    args = parser.parse_args()
    if args.sentences:
        build(args.home, args.sentences)
    warm, levels = claims(), (1, 8, 32)
    cold = cold_claims(args.home, args.requests * (len(levels) + 1))
    slices = [cold[i * args.requests:(i + 1) * args.requests] for i in range(len(levels) + 1)]
    baseline = in_process(args.home, slices[0], warm, rounds=max(1, args.requests // len(warm)))
    port = free_port()
    server = start_server(args.home, port)
    base = f"http://127.0.0.1:{port}"
    try:
        rows = [{"claims": "cold", **asyncio.run(load(base, texts, n, len(texts)))}
                for n, texts in zip(levels, slices[1:])]
        rows.append({"claims": "warm", **asyncio.run(load(base, warm, 1, args.requests))})
    finally:
        server.terminate()
        server.wait(timeout=60)
    for row in rows:
        row["p50_vs_in_process"] = round(row["p50_ms"] / baseline[row["claims"]]["p50_ms"], 2)
    print(f"check over {baseline['indexed']:,} indexed sentences ({baseline['sentences']:,} stored), "
          f"load average {os.getloadavg()[0]:.2f}")
    for kind in ("cold", "warm"):
        b = baseline[kind]
        print(f"in-process, {kind} claims: p50 {b['p50_ms']} ms, p95 {b['p95_ms']} ms, p99 {b['p99_ms']} ms")
    print(f"{'claims':>6} {'clients':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
          f"{'p50/in-proc':>11} {'errors':>6}")
    for r in rows:
        print(f"{r['claims']:>6} {r['clients']:>7} {r['requests_per_s']:>7} {r['p50_ms']:>7} {r['p95_ms']:>7} "
              f"{r['p99_ms']:>7} {r['p50_vs_in_process']:>11} {r['errors']:>6}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"in_process": baseline, "http": rows, "cpu_count": os.cpu_count(),
                                   "load_average_at_end": os.getloadavg()}, indent=2) + "\n")


if __name__ == "__main__":
    main()
