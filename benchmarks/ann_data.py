"""Vectors for the index-at-scale benchmark (benchmarks/ann.py).

Real sentence vectors come from SaudiNewsNet articles run through the real
pipeline (ingest into a SQLite store, then the configured encoder), cached
as .npy under a scratch folder, never in the repository: encoding is the
slow part (~200 sentences/s on 2 cores) and is done once.

- ``base``: the distinct stored sentences of the first days' articles;
  the store keeps their text, so ``check`` can run end to end on it.
- ``queries``: sentences of a later, held-out day (never in the index),
  plus the dev claims; split into a tuning half and a reporting half.

A million vectors are made by repeating ``base`` with Gaussian noise and
re-normalising (copy 0 is the real vector). Ids encode (copy, sentence id)
so every hit maps back to a real stored sentence.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "saudinewsnet"
DEV_CLAIMS = REPO.parent / "shared" / "eval" / "dev_claims.jsonl"
# Copy c of stored sentence s gets id c * ID_STRIDE + s; s < ID_STRIDE.
ID_STRIDE = 10_000_000


def day_jsonl(zip_name: str, folder: Path, limit: int | None = None) -> Path:
    """One SaudiNewsNet day as a .jsonl the pipeline reads like any input."""
    with zipfile.ZipFile(DATA / zip_name) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))[:limit]
    path = folder / f"{Path(zip_name).stem}.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return path


def prepare(cache: Path, base_days: list[str], query_day: str, n_queries: int) -> None:
    """Ingest + encode once; writes base.npy, base_ids.npy, queries.npy, queries.json and home/."""
    from sqlalchemy import select

    from service.config import load_settings
    from service.context import Context
    from service.jobs.ingest import ingest_paths
    from service.store.schema import Sentence
    from service.store.vectors import check_encoder, vectors_after

    if (cache / "queries.npy").exists():
        return
    cache.mkdir(parents=True, exist_ok=True)
    ctx = Context(load_settings(home=cache / "home"))
    s, encoder = ctx.settings, ctx.encoder
    days = [day_jsonl(day, cache) for day in base_days]
    ingest_paths(ctx.db, days, max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    check_encoder(ctx.db, encoder.name, encoder.dimension, adopt=False)
    embed_store(ctx.db, encoder, s.batch_size)
    store_slots(ctx.db, s)
    with ctx.db.session() as session:
        ids, vectors = vectors_after(session, encoder.name, 0, 10**9)
        known = set(session.scalars(select(Sentence.text)))
    np.save(cache / "base.npy", vectors)
    np.save(cache / "base_ids.npy", ids)
    texts = held_out_sentences(query_day, known, n_queries)
    claims = [json.loads(line)["claim"] for line in DEV_CLAIMS.read_text(encoding="utf-8").splitlines() if line]
    queries = np.asarray(encoder.encode(claims + texts), dtype=np.float32)
    (cache / "queries.json").write_text(json.dumps({"dev_claims": claims, "held_out": texts},
                                                   ensure_ascii=False), encoding="utf-8")
    np.save(cache / "queries.npy", queries)
    ctx.close()


def store_slots(db, settings) -> None:
    """Every sentence's claim slots read and stored, as align's slots stage leaves them for check."""
    from service.jobs.engines import LocalEngine
    from service.jobs.slots_stage import store_slots as stage

    engine = LocalEngine(settings)
    try:
        print(f"  slots of {stage(db, engine):,} stored sentences", flush=True)
    finally:
        engine.close()


def embed_store(db, encoder, batch_size: int) -> None:
    """Vectors for every stored text lacking one (what align's embed stage does, without the rest)."""
    from service.store.vectors import missing_texts, store_vectors

    done, after = 0, 0
    while True:
        with db.session() as session:
            batch, after = missing_texts(session, encoder.name, batch_size, after)
        if not batch:
            return
        hashes, texts = zip(*batch)
        vectors = encoder.encode(list(texts))
        with db.session() as session:
            store_vectors(session, encoder.name, list(hashes), vectors)
        done += len(batch)
        print(f"  encoded {done:,} stored sentences", flush=True)


def held_out_sentences(day: str, known: set[str], n: int) -> list[str]:
    """Distinct claim-worthy sentences of a held-out day that are not in the base store."""
    from service.pipeline.segment import is_claim_worthy
    from service.pipeline.sentences import split_sentences

    with zipfile.ZipFile(DATA / day) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))
    seen, texts = set(known), []
    for record in records:
        for span in split_sentences(record.get("content") or "", max_chars=400):
            if is_claim_worthy(span.text) and span.text not in seen:
                seen.add(span.text)
                texts.append(span.text)
    rng = np.random.default_rng(7)
    return [texts[i] for i in rng.permutation(len(texts))[:n]]


def load(cache: Path, dedupe: bool = False) -> dict:
    """The cached vectors; ``dedupe`` drops repeated vectors (same text in two articles).

    Identical vectors tie, and ties at the k-th place make recall@k ill-defined.
    """
    texts = json.loads((cache / "queries.json").read_text(encoding="utf-8"))
    base, base_ids = np.load(cache / "base.npy"), np.load(cache / "base_ids.npy")
    if dedupe:
        _, first = np.unique(base, axis=0, return_index=True)
        keep = np.sort(first)
        base, base_ids = base[keep], base_ids[keep]
    return {"base": base, "base_ids": base_ids, "queries": np.load(cache / "queries.npy"),
            "n_claims": len(texts["dev_claims"]), "texts": texts["dev_claims"] + texts["held_out"]}


def noisy_copies(base: np.ndarray, base_ids: np.ndarray, n: int, noise: float, chunk: int = 100_000):
    """(ids, vectors) chunks of n vectors: base repeated, copies > 0 with noise, unit length.

    Deterministic per chunk (seeded by its position), so the same million can
    be streamed again for each index without holding 2 GB twice.
    """
    for start in range(0, n, chunk):
        rows = np.arange(start, min(start + chunk, n))
        copy, which = np.divmod(rows, len(base))
        vectors = base[which].copy()
        noisy = copy > 0
        rng = np.random.default_rng(1000 + start // chunk)
        vectors[noisy] += rng.normal(scale=noise, size=(int(noisy.sum()), base.shape[1])).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        yield copy * ID_STRIDE + base_ids[which], vectors


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="encode the benchmark's real sentence vectors once")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/factalign-ann"))
    parser.add_argument("--days", nargs="+", default=["2015-07-21.zip"])
    parser.add_argument("--query-day", default="2015-07-31.zip")
    parser.add_argument("--queries", type=int, default=2000)
    args = parser.parse_args()
    prepare(args.cache, args.days, args.query_day, args.queries)
    print({k: getattr(v, "shape", v) for k, v in load(args.cache).items() if k != "texts"})
