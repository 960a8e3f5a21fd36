"""Long id lists: each ``IN (...)`` the store sends has one of a few lengths, and finds what the ids name.

Every length of an IN list is another statement to the driver, and sqlite3
keeps the last 128 of a connection prepared: lists of every length held
hundreds of megabytes in align's processes at full scale.
"""

from __future__ import annotations

import json

import numpy as np
from sqlalchemy import select

from service.jobs.ingest import ingest_paths
from service.store.articles import sentence_records
from service.store.database import ID_CHUNK, id_chunks
from service.store.schema import Sentence
from service.store.slots import save_slots, slot_payloads
from service.store.vectors import missing_texts, store_vectors, vectors_for


def test_id_lists_are_padded_with_their_first_id_to_a_power_of_two():
    for n in (1, 2, 3, 5, 1000, ID_CHUNK, ID_CHUNK + 1, 10_000):
        ids = list(range(7, 7 + n))
        chunks = list(id_chunks(ids))
        assert all(len(c) & (len(c) - 1) == 0 and len(c) <= ID_CHUNK for c in chunks)
        assert [i for c in chunks for i in dict.fromkeys(c)] == ids
    assert list(id_chunks([])) == []
    assert len({len(c) for n in range(1, 3 * ID_CHUNK, 7) for c in id_chunks(range(n))}) <= 13


def test_any_number_of_ids_finds_the_records_vectors_and_slots_they_name(make_context, tmp_path):
    ctx = make_context()
    text = " ".join(f"Sentence number {i} says the count was {i * 7} people." for i in range(40))
    path = tmp_path / "many.jsonl"
    path.write_text(json.dumps({"text": text, "outlet": "wire", "language": "en"}) + "\n", encoding="utf-8")
    ingest_paths(ctx.db, [path], max_bytes=100_000, max_chars=400)
    with ctx.db.session() as session:
        missing, _ = missing_texts(session, "enc", 1000)
        store_vectors(session, "enc", [h for h, _ in missing], np.eye(len(missing), 64, dtype=np.float32))
        ids = list(session.scalars(select(Sentence.id).order_by(Sentence.id)))
        save_slots(session, [(i, f"payload {i}") for i in ids[::2]])
    assert len(ids) == 40
    with ctx.db.session() as session:
        for n in range(1, len(ids) + 1):
            wanted = ids[-n:]
            assert sorted(sentence_records(session, wanted)) == wanted
            assert sorted(vectors_for(session, "enc", wanted)) == wanted
            assert slot_payloads(session, wanted) == {i: f"payload {i}" for i in wanted if i in ids[::2]}
