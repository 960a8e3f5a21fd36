"""Approximate vs exact search at a million sentences: latency, recall@10, build time, memory.

Exact search (FAISS flat, inner product) is the reference. Every approximate
index is built over the same vectors, its search parameter (nprobe or
efSearch) swept on a *tuning* half of the queries and the smallest value
reaching the recall target kept; latency and recall are then reported on
the other half (plus the dev claims), so the choice is not graded on the
queries it was tuned on. Queries are real claim vectors never in the index.

Latency is per single query (k=10, and k=50: what ``check`` asks for), as
``check`` searches one claim at a time. Rows accumulate in
benchmarks/results/ann.json, so configurations can be run one at a time.

    python benchmarks/ann_data.py                   # once: encode real sentences into /tmp
    python benchmarks/ann.py --exact                # flat: ground truth + exact latency
    python benchmarks/ann.py ivf-sq8:nlist=1024 hnsw:M=32,efConstruction=80
    python benchmarks/ann_check.py                  # check end to end on the saved indexes
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from pathlib import Path

import ann_data
import numpy as np

from embeddings.index import build_index, overlap_at_k
from embeddings.index.faiss_index import training_size

RESULTS = ann_data.REPO / "benchmarks" / "results" / "ann.json"
SWEEP = {"ivf": ("nprobe", [4, 8, 16, 24, 32, 48, 64, 96, 128, 192, 256]),
         "hnsw": ("efSearch", [16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512])}
KIND_OF = {"flat": ("flat", {}), "ivf-flat": ("ivf", {"quantizer": "flat"}),
           "ivf-sq8": ("ivf", {"quantizer": "sq8"}), "ivf-pq": ("ivf", {"quantizer": "pq"}),
           "ivf-pq4fs": ("ivf", {"quantizer": "pq4fs"}), "hnsw": ("hnsw", {})}


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def parse_config(text: str) -> tuple[str, str, dict]:
    """``ivf-sq8:nlist=1024`` -> (name, kind, params)."""
    label, _, rest = text.partition(":")
    kind, params = KIND_OF[label]
    params = dict(params)
    for item in filter(None, rest.split(",")):
        key, value = item.split("=")
        params[key] = int(value) if value.isdigit() else value
    return text, kind, params


def queries(data: dict) -> dict[str, np.ndarray]:
    """Row numbers of the tuning and reporting queries (dev claims are reported, not tuned on)."""
    held = np.arange(data["n_claims"], len(data["queries"]))
    report = np.concatenate([np.arange(data["n_claims"]), held[1::2]])
    return {"tune": held[0::2], "report": report}


def build(kind: str, params: dict, data: dict, n: int, noise: float, threads: int):
    """The index over the n benchmark vectors; (index, build seconds, RSS growth MB)."""
    index = build_index(kind, data["base"].shape[1], threads=threads, **params)
    gc.collect()
    before, started = rss_mb(), time.perf_counter()
    if kind == "ivf":  # as sync_index does: train on a sample spread over all of it
        size = training_size(n, params.get("nlist"))
        sample = np.concatenate([v[:: max(1, n // size)] for _, v in ann_data.noisy_copies(
            data["base"], data["base_ids"], n, noise)])[:size]
        index.train(sample, planned_size=n)
        del sample
    for ids, vectors in ann_data.noisy_copies(data["base"], data["base_ids"], n, noise):
        index.add(ids, vectors)
    return index, time.perf_counter() - started, rss_mb() - before


def latency_ms(index, vectors: np.ndarray, k: int) -> dict:
    """p50/p95/p99 of single-query searches, in milliseconds."""
    index.search(vectors[:5], k)  # warm caches
    times = []
    for row in vectors:
        started = time.perf_counter()
        index.search(row[None, :], k)
        times.append(1000 * (time.perf_counter() - started))
    p50, p95, p99 = np.percentile(times, [50, 95, 99])
    return {"p50": round(float(p50), 3), "p95": round(float(p95), 3), "p99": round(float(p99), 3)}


def recall(index, vectors: np.ndarray, truth: np.ndarray, k: int) -> float:
    return round(float(overlap_at_k(index.search(vectors, k)[1], truth, k).mean()), 4)


def tune(index, kind: str, vectors: np.ndarray, truth: np.ndarray, target: float) -> tuple[int | None, list]:
    """The whole recall@10 curve on the tuning queries, and the smallest value reaching ``target``."""
    name, values = SWEEP[kind]
    curve = []
    for value in values:
        index.set_search_params(**{name: value})
        curve.append({name: value, "recall@10": recall(index, vectors, truth, 10)})
    chosen = [point[name] for point in curve if point["recall@10"] >= target]
    return (chosen[0] if chosen else None), curve


def measure(index, data: dict, truth: np.ndarray, split: dict, latency_queries: int) -> dict:
    report = data["queries"][split["report"]]
    sample = report[:latency_queries]
    return {"recall@10": recall(index, report, truth[split["report"]][:, :10], 10),
            "recall@50": recall(index, report, truth[split["report"]], 50),
            "latency_k10_ms": latency_ms(index, sample, 10), "latency_k50_ms": latency_ms(index, sample, 50)}


def run_config(text: str, data: dict, truth: np.ndarray | None, args) -> tuple[dict, np.ndarray]:
    """Build, tune and measure one configuration; flat (truth None) also makes the ground truth."""
    name, kind, params = parse_config(text)
    path = args.cache / "indexes" / f"{args.n}-{name.replace(':', '_').replace(',', '_').replace('=', '')}"
    if args.reuse and path.exists():  # re-tune a saved build; its build figures stay as measured
        from embeddings.index.base import VectorIndex

        index = VectorIndex.load(path, threads=args.threads)
        row = {key: value for key, value in previous_row(args.results, name).items() if key not in ("tuning",)}
    else:
        print(f"building {name} over {args.n:,} vectors ...", flush=True)
        index, seconds, grown = build(kind, params, data, args.n, args.noise, args.threads)
        row = {"name": name, "kind": kind, "build_s": round(seconds, 1), "rss_growth_mb": round(grown), "n": args.n}
    split = queries(data)
    row["params"] = index.params
    if truth is None:  # exact: its top-50 is the reference everything else is graded on
        truth = index.search(data["queries"], 50)[1]
    if kind in SWEEP:
        chosen, row["tuning"] = tune(index, kind, data["queries"][split["tune"]],
                                     truth[split["tune"]][:, :10], args.tune_target)
        index.set_search_params(**{SWEEP[kind][0]: chosen or SWEEP[kind][1][-1]})
        row["params"] = index.params
    row.update(measure(index, data, truth, split, args.latency_queries))
    path.parent.mkdir(parents=True, exist_ok=True)
    index.save(path, version=f"ann-benchmark|{name}|{args.n}")
    row["index_file_mb"] = round(path.stat().st_size / 2**20, 1)
    row["saved_as"] = str(path)
    return row, truth


def previous_row(path: Path, name: str) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["rows"][name]


def save_rows(rows: list[dict], meta: dict, path: Path) -> dict:
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"rows": {}}
    results["rows"].update({row["name"]: row for row in rows})
    results["setup"] = {**results.get("setup", {}), **meta}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return results


def print_table(results: dict) -> None:
    rows = results["rows"]
    flat = rows.get("flat")
    print(f"\n{'index':34} {'param':>13} {'R@10':>6} {'R@50':>6} {'p50':>8} {'p95':>8} {'p99':>8} "
          f"{'x flat p95':>10} {'build s':>8} {'MB':>7}")
    for row in rows.values():
        lat = row["latency_k10_ms"]
        param = {k: v for k, v in row["params"].items() if k in ("nprobe", "efSearch")}
        speedup = flat["latency_k10_ms"]["p95"] / lat["p95"] if flat else float("nan")
        print(f"{row['name']:34} {json.dumps(param)[1:-1]:>13} {row['recall@10']:6.3f} {row['recall@50']:6.3f} "
              f"{lat['p50']:8.2f} {lat['p95']:8.2f} {lat['p99']:8.2f} {speedup:10.1f} "
              f"{row['build_s']:8.0f} {row['index_file_mb']:7.0f}")
    print("(latency: ms per single query, k=10; the k=50 figures are in ann.json)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("configs", nargs="*", help="e.g. ivf-sq8:nlist=1024 hnsw:M=32,efConstruction=80")
    parser.add_argument("--exact", action="store_true", help="(re)measure flat and the ground truth")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/factalign-ann"))
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--noise", type=float, default=0.02)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--tune-target", type=float, default=0.96,
                        help="recall@10 the tuning queries must reach (a margin over the 0.95 goal)")
    parser.add_argument("--reuse", action="store_true", help="load saved builds instead of building again")
    parser.add_argument("--latency-queries", type=int, default=300)
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    data = ann_data.load(args.cache, dedupe=True)
    truth_file = args.cache / f"truth-{args.n}-{args.noise}.npy"
    rows = []
    if args.exact or not truth_file.exists():
        row, truth = run_config("flat", data, None, args)
        np.save(truth_file, truth)
        rows.append(row)
        gc.collect()
    truth = np.load(truth_file)
    for text in args.configs:
        rows.append(run_config(text, data, truth, args)[0])
        save_rows(rows, {}, args.results)
        gc.collect()
    meta = {"n": args.n, "noise": args.noise, "threads": args.threads, "tune_target_recall@10": args.tune_target,
            "base_sentences": len(data["base"]), "queries": {k: len(v) for k, v in queries(data).items()},
            "load_average_at_end": os.getloadavg(), "cpus": os.cpu_count(),
            "data": f"{len(data['base']):,} distinct real sentence vectors repeated to {args.n:,} with "
                    f"Gaussian noise sigma {args.noise} a dimension, renormalised"}
    print_table(save_rows(rows, meta, args.results))


if __name__ == "__main__":
    main()
