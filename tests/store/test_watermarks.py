"""What align's watermarks rely on: ids visible in id order, and no read that skips a sentence."""

from __future__ import annotations

import json
import threading

import numpy as np
from sqlalchemy import select

from service.jobs.ingest import ingest_paths
from service.models import ArticleIn
from service.pipeline.segment import segment
from service.store.articles import add_article, sentence_records
from service.store.schema import Sentence
from service.store.vectors import (
    missing_texts,
    store_vectors,
    vectors_after,
    vectors_for,
)

ENCODER = "test-encoder"


def _ingest(ctx, tmp_path, name: str, text: str) -> None:
    """One article of ``text`` from outlet ``name``."""
    path = tmp_path / f"{name}.jsonl"
    path.write_text(json.dumps({"text": text, "outlet": name, "language": "en"}) + "\n", encoding="utf-8")
    ingest_paths(ctx.db, [path], max_bytes=100_000, max_chars=400)


def _embed_all(ctx) -> None:
    with ctx.db.session() as session:
        missing, _ = missing_texts(session, ENCODER, 10_000)
        store_vectors(session, ENCODER, [h for h, _ in missing], np.ones((len(missing), 4), dtype=np.float32))


def test_reading_after_a_watermark_stops_before_a_sentence_without_a_vector(make_context, tmp_path):
    ctx = make_context()
    _ingest(ctx, tmp_path, "first", "The truce began at midnight on Thursday.")
    _embed_all(ctx)
    # Ingested while align ran, after its embedding stage: the first has no vector yet,
    # the second repeats an embedded sentence and so already has one.
    _ingest(ctx, tmp_path, "late", "Talks will resume in Astana next month.")
    _ingest(ctx, tmp_path, "wire", "The truce began at midnight on Thursday. Both sides confirmed it.")
    with ctx.db.session() as session:
        ids = list(session.scalars(select(Sentence.id).order_by(Sentence.id)))
        got, _ = vectors_after(session, ENCODER, 0, 100)
        assert got.tolist() == ids[:1]                    # not the wire copy beyond the gap
    _embed_all(ctx)
    with ctx.db.session() as session:
        assert vectors_after(session, ENCODER, 0, 100)[0].tolist() == ids


def test_sentence_ids_become_visible_in_id_order(make_context):
    """A second writer waits for the first to commit, so no id appears below one already seen."""
    ctx = make_context()
    article = lambda text: segment(ArticleIn(text=text, outlet="X", language="en"), max_chars=400)
    second_done = threading.Event()

    def second_writer():
        with ctx.db.session() as session:
            add_article(session, article("A different report about the ceasefire terms."))
        second_done.set()

    with ctx.db.session() as session:
        add_article(session, article("The first report about the ceasefire."))
        writer = threading.Thread(target=second_writer)
        writer.start()
        assert not second_done.wait(1.0), "the second writer must wait for the first to commit"
    writer.join(30)
    with ctx.db.session() as session:
        rows = session.execute(select(Sentence.id, Sentence.text).order_by(Sentence.id)).all()
    assert [text for _, text in rows] == ["The first report about the ceasefire.",
                                          "A different report about the ceasefire terms."]


def test_lookups_by_more_ids_than_a_statement_can_bind(make_context, tmp_path):
    ctx = make_context()
    _ingest(ctx, tmp_path, "one", "The truce began at midnight on Thursday.")
    _embed_all(ctx)
    with ctx.db.session() as session:
        real = session.scalar(select(Sentence.id))
        ids = [real] + list(range(10_000_000, 10_070_000))     # past SQLite's 32,766 and psycopg's 65,535
        assert list(sentence_records(session, ids)) == [real]
        assert list(vectors_for(session, ENCODER, ids)) == [real]


def test_missing_texts_read_on_give_the_batches_of_distinct_texts_in_first_sentence_order(make_context, tmp_path):
    ctx = make_context()
    # Repeats inside an article, across articles, and across a batch boundary.
    a, b, c, d, e = (f"The {name} brigade reached the northern front on Thursday morning." for name in
                     ("first", "second", "third", "fourth", "fifth"))
    _ingest(ctx, tmp_path, "one", " ".join([a, b, a, c]))
    _ingest(ctx, tmp_path, "two", " ".join([b, d, e, c]))
    with ctx.db.session() as session:
        rows = session.execute(select(Sentence.text_hash).order_by(Sentence.id)).scalars().all()
    distinct = list(dict.fromkeys(rows))
    assert len(rows) == 8 and len(distinct) == 5
    expected = [distinct[i:i + 2] for i in range(0, len(distinct), 2)]
    batches, after = [], 0
    while True:
        with ctx.db.session() as session:
            found, after = missing_texts(session, ENCODER, 2, after)
            if not found:
                break
            store_vectors(session, ENCODER, [h for h, _ in found], np.ones((len(found), 4), dtype=np.float32))
        batches.append([h for h, _ in found])
    assert batches == expected
    with ctx.db.session() as session:                     # a fresh start finds nothing left
        assert after > 0 and missing_texts(session, ENCODER, 2) == ([], 0)
