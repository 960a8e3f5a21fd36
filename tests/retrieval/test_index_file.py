"""The index file kept in step with the store: kind by size, settings in the
stamp, incremental add, ivf retraining, atomic write, damaged files rebuilt."""

from __future__ import annotations

import numpy as np
import pytest

from embeddings.index import IndexConfig, NumpyIndex, recall_at_k
from embeddings.index.base import header_path
from service.config import Settings, load_settings
from service.errors import ConfigError
from service.retrieval import index_file
from service.retrieval.index_file import index_config, parse_version, sync_index
from service.store.database import Database
from service.store.schema import Article, Sentence
from service.store.vectors import store_vectors

ENCODER = "test-encoder"
DIM = 16


def unit(n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(12, DIM))
    x = centres[rng.integers(0, 12, n)] + 0.3 * rng.normal(size=(n, DIM))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


class Store:
    """A store with sentences and vectors, filled a batch at a time like nightly ingests."""

    def __init__(self, tmp_path):
        self.db = Database(f"sqlite:///{tmp_path / 'store.sqlite3'}")
        self.path = tmp_path / "index" / "sentences.faiss"
        self.batches = 0
        self.vectors: list[np.ndarray] = []

    def add(self, n: int) -> None:
        vectors = unit(n, seed=self.batches)
        article_id, start = f"a{self.batches}", sum(map(len, self.vectors))
        hashes = [f"h{start + i:08d}" for i in range(n)]
        with self.db.session() as session:
            session.add(Article(id=article_id, outlet="o", language="en", content_hash=article_id, text="t"))
            session.add_all(Sentence(article_id=article_id, position=i, start=0, end=1, text=f"s{start + i}",
                                     text_hash=h) for i, h in enumerate(hashes))
            store_vectors(session, ENCODER, hashes, vectors)
        self.vectors.append(vectors)
        self.batches += 1

    def exact(self) -> NumpyIndex:
        index, _ = sync_index(self.db, self.path, ENCODER, DIM, save=False, config=IndexConfig(kind="numpy"))
        return index


@pytest.fixture
def store(tmp_path):
    made = Store(tmp_path)
    yield made
    made.db.close()


SMALL_IVF = {"ivf_nlist": 8, "ivf_nprobe": 4, "threads": 1}


def test_auto_switches_to_the_approximate_kind_past_the_threshold(store):
    config = IndexConfig(exact_below=500, **SMALL_IVF)
    store.add(300)
    index, added = sync_index(store.db, store.path, ENCODER, DIM, config=config)
    assert index.kind == "flat" and added == 300
    store.add(300)
    index, added = sync_index(store.db, store.path, ENCODER, DIM, config=config)
    assert index.kind == "ivf" and added == 600, "crossing the threshold rebuilds"
    assert parse_version(index.version) == (ENCODER, config.spec("ivf"), 600, 600)
    assert recall_at_k(index, store.exact(), unit(50, seed=99), k=10) >= 0.8


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
def test_incremental_add_appends_without_rebuilding(store, kind):
    config = IndexConfig(kind=kind, hnsw_m=8, **SMALL_IVF)
    store.add(400)
    sync_index(store.db, store.path, ENCODER, DIM, config=config)
    store.add(100)
    index, added = sync_index(store.db, store.path, ENCODER, DIM, config=config)
    assert added == 100 and len(index) == 500 and index.kind == kind
    assert np.array_equal(np.sort(index.ids), np.arange(1, 501))
    index, added = sync_index(store.db, store.path, ENCODER, DIM, config=config)
    assert added == 0, "nothing new: the file is reused as it is"


def test_build_settings_change_rebuilds_search_settings_do_not(store):
    store.add(400)
    sync_index(store.db, store.path, ENCODER, DIM, config=IndexConfig(kind="ivf", **SMALL_IVF))
    wider = IndexConfig(kind="ivf", ivf_nlist=8, ivf_nprobe=8, threads=1)
    index, added = sync_index(store.db, store.path, ENCODER, DIM, config=wider)
    assert added == 0 and index.params["nprobe"] == 8, "nprobe is applied to the loaded file"
    other = IndexConfig(kind="ivf", ivf_nlist=4, ivf_nprobe=4, threads=1)
    index, added = sync_index(store.db, store.path, ENCODER, DIM, config=other)
    assert added == 400 and index.params["nlist"] == 4, "another nlist is another build"
    index, added = sync_index(store.db, store.path, ENCODER, DIM, config=IndexConfig(kind="flat"))
    assert added == 400 and index.kind == "flat"


def test_ivf_is_trained_on_the_whole_store_and_retrained_when_outgrown(store, monkeypatch):
    monkeypatch.setattr(index_file, "CHUNK", 100)  # training must not come from the first chunk alone
    config = IndexConfig(kind="ivf", ivf_retrain_growth=2.0, ivf_nprobe=4, threads=1)
    store.add(1_000)
    index, _ = sync_index(store.db, store.path, ENCODER, DIM, config=config)
    assert index.state == {"trained_for": 1_000} and index.params["nlist"] == 25  # auto: 1000 // 39
    store.add(900)
    index, added = sync_index(store.db, store.path, ENCODER, DIM, config=config)
    assert added == 900 and index.state == {"trained_for": 1_000}, "within growth: appended"
    store.add(200)
    index, added = sync_index(store.db, store.path, ENCODER, DIM, config=config)
    assert added == 2_100 and index.state == {"trained_for": 2_100}, "outgrown: retrained"
    assert index.params["nlist"] == 53


def test_training_sample_spreads_over_the_store(store, monkeypatch):
    monkeypatch.setattr(index_file, "CHUNK", 70)
    store.add(1_000)
    sample = index_file.training_sample(store.db, ENCODER, 1_000, 100)
    everything = np.concatenate(store.vectors)
    assert len(sample) == 100
    np.testing.assert_array_equal(sample, everything[::10])


def test_the_file_is_written_atomically_and_a_damaged_one_rebuilt(store):
    store.add(300)
    sync_index(store.db, store.path, ENCODER, DIM, config=IndexConfig(kind="hnsw", hnsw_m=8))
    assert not [p for p in store.path.parent.iterdir() if ".tmp-" in p.name]
    store.path.write_bytes(b"damaged")
    _, added = sync_index(store.db, store.path, ENCODER, DIM, config=IndexConfig(kind="hnsw", hnsw_m=8))
    assert added == 300 and header_path(store.path).exists()


def test_an_old_format_stamp_is_rebuilt(store):
    store.add(300)
    index, _ = sync_index(store.db, store.path, ENCODER, DIM)
    index.save(store.path, version=f"{ENCODER}|300|300")  # the stamp before kinds were recorded
    _, added = sync_index(store.db, store.path, ENCODER, DIM)
    assert added == 300
    assert parse_version(f"{ENCODER}|300|300") is None


def test_settings_become_the_index_config():
    assert index_config(Settings()) == IndexConfig(), "defaults agree on both sides"
    config = index_config(load_settings(index_kind="hnsw", index_hnsw_ef_search=128, threads=1))
    assert config.kind == "hnsw" and config.hnsw_ef_search == 128 and config.threads == 1
    with pytest.raises(ConfigError, match="FACTALIGN_INDEX_KIND"):
        load_settings(index_kind="annoy")
    with pytest.raises(ConfigError, match="FACTALIGN_INDEX_IVF_NPROBE"):
        load_settings(index_ivf_nprobe=0)
