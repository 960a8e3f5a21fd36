"""The FAISS index file: a cache of the stored vectors, kept in step with the store.

The file carries a version stamp ``encoder|spec|count|max_sentence_id``,
where ``spec`` names the index kind and its build parameters (see
``IndexConfig.spec``). On open the stamp is checked against the store and
the settings: new vectors are appended; a stamp that no longer matches
(another encoder, other build settings, ``auto`` crossing the exact
threshold, sentences removed, a store restored from backup) means a
rebuild from the stored vectors. Search parameters (efSearch, nprobe) are
applied to the loaded index, no rebuild needed.

An ivf index is trained on a sample of all stored vectors before they are
added; once the store outgrows ``ivf_retrain_growth`` times what it was
trained for, it is rebuilt (retrained) rather than appended to.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from embeddings.index.config import IndexConfig
from service.config import Settings
from service.errors import ConfigError
from service.store.database import Database
from service.store.vectors import count_embedded, vectors_after

log = logging.getLogger(__name__)
CHUNK = 20_000
_LAST_ID = 2**31 - 1  # "every sentence" for count_embedded (sentences.id is an INTEGER)


def index_config(settings: Settings) -> IndexConfig:
    """The index settings (FACTALIGN_INDEX_*) as the ``embeddings`` package takes them."""
    try:
        return IndexConfig(
            kind=settings.index_kind, exact_below=settings.index_exact_below,
            approximate=settings.index_approximate, hnsw_m=settings.index_hnsw_m,
            hnsw_ef_construction=settings.index_hnsw_ef_construction,
            hnsw_ef_search=settings.index_hnsw_ef_search, ivf_nlist=settings.index_ivf_nlist,
            ivf_nprobe=settings.index_ivf_nprobe, ivf_quantizer=settings.index_ivf_quantizer,
            ivf_pq_m=settings.index_ivf_pq_m, ivf_retrain_growth=settings.index_ivf_retrain_growth,
            threads=settings.threads,
        )
    except ValueError as exc:
        raise ConfigError(f"invalid FACTALIGN_INDEX_* settings: {exc}") from None


def make_version(encoder: str, spec: str, count: int, max_id: int) -> str:
    return f"{encoder}|{spec}|{count}|{max_id}"


def parse_version(version: str | None) -> tuple[str, str, int, int] | None:
    """(encoder, spec, count, max_id), or None for a stamp of another format."""
    try:
        encoder, spec, count, max_id = (version or "").rsplit("|", 3)
        return encoder, spec, int(count), int(max_id)
    except ValueError:
        return None


def stored_count(db: Database, encoder: str) -> int:
    with db.session() as session:
        return count_embedded(session, encoder, _LAST_ID)[0]


def _load_existing(db: Database, path: Path, encoder: str, spec: str):
    """(index, its max sentence id) when the file fits the store and the spec, else (None, 0)."""
    from embeddings.index.base import VectorIndex

    if not path.exists():
        return None, 0
    try:
        index = VectorIndex.load(path)
    except Exception as exc:  # a damaged cache is rebuilt, never trusted
        log.warning("index file %s unreadable (%s); rebuilding", path, exc)
        return None, 0
    stamp = parse_version(index.version)
    if stamp is None or stamp[0] != encoder or stamp[1] != spec:
        log.info("index file %s was built for %s; rebuilding as %s", path, stamp and stamp[:2], spec)
        return None, 0
    with db.session() as session:
        count, _ = count_embedded(session, encoder, stamp[3])
    if count != stamp[2] or len(index) != count:
        log.warning("index file %s is out of step with the store; rebuilding", path)
        return None, 0
    return index, stamp[3]


def training_sample(db: Database, encoder: str, total: int, size: int) -> np.ndarray:
    """About ``size`` stored vectors spread evenly over the whole store (every step-th)."""
    step, max_id, seen, parts = max(1, total // max(size, 1)), 0, 0, []
    while True:
        with db.session() as session:
            ids, vectors = vectors_after(session, encoder, max_id, CHUNK)
        if len(ids) == 0:
            break
        parts.append(vectors[(-seen) % step::step])
        seen, max_id = seen + len(ids), int(ids[-1])
    return np.concatenate(parts)[:size] if parts else np.zeros((0, 0), dtype=np.float32)


def _fresh_index(db: Database, encoder: str, dimension: int, kind: str, total: int, config: IndexConfig):
    """An empty index of ``kind``; an ivf one trained for the ``total`` vectors it will hold."""
    from embeddings.index.faiss_index import training_size

    index = config.build(kind, dimension)
    if kind == "ivf" and total:
        index.train(training_sample(db, encoder, total, training_size(total, config.ivf_nlist)), total)
    return index


def sync_index(db: Database, path: Path, encoder: str, dimension: int, *,
               rebuild: bool = False, save: bool = True, config: IndexConfig | None = None):
    """The index for ``encoder`` with every stored vector; (index, vectors added).

    ``config`` None means the defaults (the same as the default settings).
    """
    config = config or IndexConfig()
    total = stored_count(db, encoder)
    kind = config.choose(total)
    index, max_id = (None, 0) if rebuild else _load_existing(db, path, encoder, config.spec(kind))
    if index is not None and (config.needs_retrain(index, total) or (kind == "ivf" and len(index) == 0)):
        log.info("ivf index %s outgrew its training (%d vectors now); retraining", path, total)
        index = None
    if index is None:
        index, max_id, rebuild = _fresh_index(db, encoder, dimension, kind, total, config), 0, True
    else:
        index.set_search_params(**config.search_params(kind))
    added, max_id = _append(db, index, encoder, max_id)
    if save and (added or rebuild or not path.exists()):
        path.parent.mkdir(parents=True, exist_ok=True)
        index.save(path, version=make_version(encoder, config.spec(kind), len(index), max_id))
    return index, added


def _append(db: Database, index, encoder: str, max_id: int) -> tuple[int, int]:
    """Add every stored vector after ``max_id``, a chunk at a time; (how many, the new max id)."""
    added = 0
    while True:
        with db.session() as session:
            ids, vectors = vectors_after(session, encoder, max_id, CHUNK)
        if len(ids) == 0:
            return added, max_id
        index.add(ids, vectors)
        added += len(ids)
        max_id = int(ids[-1])
