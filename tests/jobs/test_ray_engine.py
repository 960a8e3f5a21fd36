"""``align --engine ray`` gives the same store as the local engine, and resumes the same way."""

from __future__ import annotations

import datetime as dt
import logging
import sys

import numpy as np
import pytest
from sqlalchemy import select

from service.errors import ConfigError, MissingDependencyError
from service.jobs import pairing
from service.jobs.align import run_align
from service.jobs.engines import open_engine
from service.jobs.ingest import ingest_paths
from service.jobs.ray_engine import PairChunk, import_ray
from service.models import SentenceRecord
from service.store.schema import ClaimLink, ClusterMember, Contradiction, Embedding
from tests.conftest import SEEDS


@pytest.fixture
def store_backend() -> str:
    """SQLite only: Ray never touches the store (the driver writes as the local engine
    does), and a PostgreSQL round would double the slowest module of the suite."""
    return "sqlite"


@pytest.fixture(scope="module")
def local_ray():
    """One local Ray for the module: starting it costs 10-20 s on two cores."""
    ray = import_ray()
    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False,
             object_store_memory=256 * 1024**2)
    yield ray
    ray.shutdown()


def _ingested(make_context, **overrides):
    ctx = make_context(**overrides)
    s = ctx.settings
    ingest_paths(ctx.db, [SEEDS], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    return ctx


def _store(ctx) -> dict:
    with ctx.db.session() as session:
        return {
            "vectors": {e.text_hash: np.frombuffer(e.vector, dtype=np.float32)
                        for e in session.scalars(select(Embedding))},
            "contradictions": sorted((c.a_id, c.b_id, c.type, round(c.score, 6), str(c.reasons))
                                     for c in session.scalars(select(Contradiction))),
            "links": sorted((k.a_id, k.b_id, round(k.score, 6)) for k in session.scalars(select(ClaimLink))),
            "members": sorted((m.sentence_id, m.cluster_id) for m in session.scalars(select(ClusterMember))),
        }


def _assert_same_store(a: dict, b: dict) -> None:
    assert a["vectors"].keys() == b["vectors"].keys()
    for text_hash, vector in a["vectors"].items():
        # The same text in another batch can differ in the last float bits.
        np.testing.assert_allclose(vector, b["vectors"][text_hash], atol=1e-5)
    assert a["contradictions"] == b["contradictions"]
    assert a["links"] == b["links"]
    assert a["members"] == b["members"]


@pytest.mark.slow
def test_ray_align_equals_local_align_on_the_seeds(local_ray, make_context):
    local, on_ray = _ingested(make_context), _ingested(make_context)
    expected = run_align(local.db, local.settings, engine="local")
    got = run_align(on_ray.db, on_ray.settings, engine="ray")
    assert expected.contradictions >= 1 and expected.links >= 1
    counts = ("encoded", "indexed", "judged_pairs", "contradictions", "links", "clusters")
    assert [getattr(got, c) for c in counts] == [getattr(expected, c) for c in counts]
    _assert_same_store(_store(local), _store(on_ray))


def _killed_at(stage: str, done: int):
    def listener(state: dict) -> None:
        if state["stage"] == stage and state["done"] == done:
            raise KeyboardInterrupt(f"killed in {stage} after {done}")
    return listener


@pytest.mark.slow
def test_ray_align_killed_while_embedding_then_judging_resumes_exactly(local_ray, make_context, monkeypatch):
    # The model-free encoder: this is about which rows get written when, not about the model.
    clean = _ingested(make_context, model="hashing", batch_size=8)
    run_align(clean.db, clean.settings)
    crashed = _ingested(make_context, model="hashing", batch_size=8)
    monkeypatch.setattr(pairing, "CHUNK", 20)                   # several judging transactions
    with pytest.raises(KeyboardInterrupt):                      # two batches of 8 committed
        run_align(crashed.db, crashed.settings, engine="ray", on_progress=_killed_at("embed", 16))
    assert len(_store(crashed)["vectors"]) == 16
    with pytest.raises(KeyboardInterrupt):                      # two chunks of 20 sentences committed
        run_align(crashed.db, crashed.settings, engine="ray", on_progress=_killed_at("pair", 40))
    run_align(crashed.db, crashed.settings, engine="ray")
    _assert_same_store(_store(clean), _store(crashed))


@pytest.mark.slow
def test_a_bad_model_on_ray_is_the_same_config_error_as_locally(local_ray, make_context):
    ctx = _ingested(make_context, model=str(SEEDS / "no-such-model"))
    with pytest.raises(ConfigError, match="FACTALIGN_MODEL"):
        run_align(ctx.db, ctx.settings, engine="ray")


def test_missing_ray_names_the_pip_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)      # what `import ray` meets when it is not installed
    with pytest.raises(MissingDependencyError, match=r"pip install 'factalign\[ray\]'"):
        import_ray()


def test_an_unknown_engine_is_a_config_error(make_context):
    with pytest.raises(ConfigError, match="local, ray"):
        with open_engine("spark", make_context().settings):
            pass


def test_a_chunk_splits_in_order_carrying_only_its_own_sentences():
    day = dt.date(2016, 12, 29)
    records = {i: SentenceRecord(i, f"s{i}", "a", "o", day, "ar", 0, 2) for i in range(1, 6)}
    vectors = {i: np.full(3, i, dtype=np.float32) for i in records}
    pairs = ((1, 2, 0.9), (1, 3, 0.8), (2, 4, 0.7), (4, 5, 0.6), (3, 5, 0.5))
    parts = PairChunk(pairs, records, vectors, "hashing").split(2)
    assert [p.pairs for p in parts] == [pairs[:3], pairs[3:]]
    assert set(parts[1].records) == set(parts[1].vectors) == {3, 4, 5}
    assert PairChunk((), records, vectors, "hashing").split(4) == []
