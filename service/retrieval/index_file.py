"""The FAISS index file: a cache of the stored vectors, kept in step with the store.

The file carries a version stamp ``encoder|count|max_sentence_id``. On open
the stamp is checked against the store; new vectors are appended, and a
stamp that no longer matches (another encoder, sentences removed, a store
restored from backup) means a rebuild from the stored vectors.
"""

from __future__ import annotations

import logging
from pathlib import Path

from service.store.database import Database
from service.store.vectors import count_embedded, vectors_after

log = logging.getLogger(__name__)
CHUNK = 20_000


def make_version(encoder: str, count: int, max_id: int) -> str:
    return f"{encoder}|{count}|{max_id}"


def parse_version(version: str | None) -> tuple[str, int, int] | None:
    try:
        encoder, count, max_id = (version or "").rsplit("|", 2)
        return encoder, int(count), int(max_id)
    except ValueError:
        return None


def _load_existing(db: Database, path: Path, encoder: str):
    from embeddings.index.base import VectorIndex

    if not path.exists():
        return None, 0
    try:
        index = VectorIndex.load(path)
    except Exception as exc:  # a damaged cache is rebuilt, never trusted
        log.warning("index file %s unreadable (%s); rebuilding", path, exc)
        return None, 0
    stamp = parse_version(index.version)
    if stamp is None or stamp[0] != encoder:
        return None, 0
    with db.session() as session:
        count, _ = count_embedded(session, encoder, stamp[2])
    if count != stamp[1] or len(index) != count:
        log.warning("index file %s is out of step with the store; rebuilding", path)
        return None, 0
    return index, stamp[2]


def sync_index(db: Database, path: Path, encoder: str, dimension: int, *,
               rebuild: bool = False, save: bool = True, kind: str = "flat"):
    """The index for ``encoder`` with every stored vector; (index, vectors added)."""
    from embeddings.index.faiss_index import build_index

    index, max_id = (None, 0) if rebuild else _load_existing(db, path, encoder)
    if index is None:
        index, max_id = build_index(kind, dimension), 0
    added = 0
    while True:
        with db.session() as session:
            ids, vectors = vectors_after(session, encoder, max_id, CHUNK)
        if len(ids) == 0:
            break
        index.add(ids, vectors)
        added += len(ids)
        max_id = int(ids[-1])
    if save and (added or rebuild or not path.exists()):
        path.parent.mkdir(parents=True, exist_ok=True)
        index.save(path, version=make_version(encoder, len(index), max_id))
    return index, added
