"""The vector index interface, its checks, padding and atomic persistence.

``_search`` is the one required method: a read-only backend needs nothing
else. Writable backends also override ``_add``, ``_remove``, ``_write`` and
``_read``. Everything callers touch (validation, the id bookkeeping, -1 /
-inf padding, the files) lives here once, so every backend behaves the
same and one contract suite tests them all.

Scores are inner products; give unit-length vectors and they are cosines.
"""

from __future__ import annotations

import importlib
import json
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from embeddings.errors import IndexMismatchError
from embeddings.index.atomic import atomic_write, atomic_write_bytes, file_sha256

FORMAT = 1
PAD_ID = -1
_BACKENDS = {
    "numpy": ("embeddings.index.numpy_index", "NumpyIndex"),
    "faiss": ("embeddings.index.faiss_index", "FaissIndex"),
}


def ids_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".ids.npy")


def header_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".json")


class VectorIndex(ABC):
    """Unit vectors under unique non-negative int64 ids, searched by inner product."""

    backend: ClassVar[str] = ""

    def __init__(self, dimension: int):
        if int(dimension) < 1:
            raise ValueError(f"dimension must be at least 1, got {dimension}")
        self.dimension = int(dimension)
        self._ids = np.zeros(0, dtype=np.int64)
        self._id_set: set[int] = set()
        self._version: str | None = None

    # ----- backend hooks -------------------------------------------------
    @abstractmethod
    def _search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Best-first (scores, ids) of shape (m, k); 1 <= k <= len(self)."""

    def _add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        raise NotImplementedError(f"{type(self).__name__} is read-only")

    def _remove(self, ids: np.ndarray) -> None:
        raise NotImplementedError(f"{type(self).__name__} is read-only")

    def _write(self, path: Path) -> None:
        raise NotImplementedError(f"{type(self).__name__} cannot be saved")

    @classmethod
    def _read(cls, path: Path, header: dict[str, Any], **options: Any) -> VectorIndex:
        raise NotImplementedError(f"{cls.__name__} cannot be loaded")

    @property
    def kind(self) -> str:
        return self.backend

    @property
    def params(self) -> dict[str, Any]:
        """Build parameters recorded in the saved header."""
        return {}

    @property
    def state(self) -> dict[str, Any]:
        """Facts about how the index was built (e.g. what it was trained for), also saved."""
        return {}

    def set_search_params(self, **params: Any) -> None:
        """Change search-time parameters; exact backends have none."""
        if params:
            raise TypeError(f"a {self.kind} index has no search parameters, got {sorted(params)}")

    # ----- public API ----------------------------------------------------
    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, item: object) -> bool:
        return isinstance(item, (int, np.integer)) and int(item) in self._id_set

    @property
    def ids(self) -> np.ndarray:
        """The stored ids (a copy), in the backend's order."""
        return self._ids.copy()

    @property
    def version(self) -> str | None:
        """The stamp given to the last ``save`` (or read by ``load``)."""
        return self._version

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors under new ids; an id already present (or repeated) raises."""
        ids = as_ids(ids)
        vectors = self._as_vectors(vectors, "vectors")
        if len(ids) != len(vectors):
            raise IndexMismatchError(f"{len(ids)} ids for {len(vectors)} vectors")
        if len(np.unique(ids)) != len(ids):
            raise IndexMismatchError("the same id appears twice in one add()")
        taken = [int(i) for i in ids if int(i) in self._id_set]
        if taken:
            raise IndexMismatchError(f"{len(taken)} ids are already in the index, e.g. {taken[:5]}")
        if len(ids) == 0:
            return
        self._add(ids, vectors)
        self._ids = np.concatenate([self._ids, ids])
        self._id_set.update(ids.tolist())

    def search(self, queries: np.ndarray, k: int = 10) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores float32 (m, k), ids int64 (m, k)), best first.

        Fewer than k stored vectors: the tail is padded with id -1, score -inf.
        """
        if int(k) < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        k = int(k)
        queries = self._as_vectors(queries, "queries")
        scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
        found = np.full((len(queries), k), PAD_ID, dtype=np.int64)
        take = min(k, len(self))
        if take and len(queries):
            top_scores, top_ids = self._search(queries, take)
            scores[:, :take] = top_scores
            found[:, :take] = top_ids
            # approximate backends may come back short: keep padding uniform
            scores[found == PAD_ID] = -np.inf
        return scores, found

    def remove(self, ids: np.ndarray) -> int:
        """Remove these ids; ids not present are ignored. Returns how many went."""
        present = np.unique(as_ids(ids))
        present = present[[int(i) in self._id_set for i in present]] if len(present) else present
        if len(present) == 0:
            return 0
        self._remove(present)
        self._ids = self._ids[~np.isin(self._ids, present)]
        self._id_set.difference_update(present.tolist())
        return len(present)

    def save(self, path: str | Path, *, version: str | None = None) -> None:
        """Write the index, its id map and its JSON header, each atomically.

        The header goes last and records checksums of the other two, so a
        save interrupted between files is detected by ``load``.
        """
        if version is not None and not isinstance(version, str):
            raise TypeError("version must be a string")
        path = Path(path)
        stamp = version if version is not None else self._version
        atomic_write(path, self._write)
        atomic_write(ids_path(path), lambda temp: _write_npy(temp, self._ids))
        header = {
            "format": FORMAT, "backend": self.backend, "kind": self.kind,
            "dimension": self.dimension, "count": len(self), "version": stamp,
            "params": self.params, "state": self.state,
            "data_sha256": file_sha256(path), "ids_sha256": file_sha256(ids_path(path)),
        }
        atomic_write_bytes(header_path(path), json.dumps(header, indent=2).encode("utf-8"))
        self._version = stamp

    @classmethod
    def load(cls, path: str | Path, **options: Any) -> VectorIndex:
        """Read an index saved by ``save``; ``VectorIndex.load`` picks the backend."""
        path = Path(path)
        header = read_header(path)
        target = _backend_class(header["backend"]) if cls is VectorIndex else cls
        if target.backend != header["backend"]:
            raise IndexMismatchError(f"{path} holds a {header['backend']} index, not {target.backend}")
        _verify_files(path, header)
        ids = np.load(ids_path(path), allow_pickle=False).astype(np.int64, copy=False)
        if len(ids) != header["count"]:
            raise IndexMismatchError(f"{path}: header says {header['count']} ids, id map has {len(ids)}")
        index = target._read(path, header, **options)
        index._ids = ids
        index._id_set = set(ids.tolist())
        index._version = header.get("version")
        return index

    def _as_vectors(self, vectors: np.ndarray, what: str) -> np.ndarray:
        array = np.asarray(vectors, dtype=np.float32)
        if array.ndim == 1:
            array = array.reshape(1, -1) if array.size else array.reshape(0, self.dimension)
        if array.ndim != 2 or array.shape[1] != self.dimension:
            raise IndexMismatchError(
                f"{what} have shape {array.shape}; this index holds {self.dimension}-dimensional vectors"
            )
        if not np.isfinite(array).all():
            raise ValueError(f"{what} contain NaN or infinite values")
        return np.ascontiguousarray(array)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(kind={self.kind!r}, dimension={self.dimension}, count={len(self)})"


def as_ids(ids: np.ndarray) -> np.ndarray:
    """Ids as a 1-D int64 array; floats and negative ids (-1 pads results) are refused."""
    array = np.asarray(ids)
    if array.size == 0:
        return np.zeros(0, dtype=np.int64)
    if array.ndim != 1 or not np.issubdtype(array.dtype, np.integer):
        raise TypeError(f"ids must be a 1-D array of integers, got {array.dtype} {array.shape}")
    if (array < 0).any():
        raise ValueError("ids must be non-negative (-1 marks an empty result slot)")
    return array.astype(np.int64, copy=False)


def read_header(path: Path) -> dict[str, Any]:
    try:
        header = json.loads(header_path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"no saved index at {path} (missing {header_path(path).name})") from exc
    if header.get("format") != FORMAT or header.get("backend") not in _BACKENDS:
        raise IndexMismatchError(f"{header_path(path)} is not a factalign index header of format {FORMAT}")
    return header


def _verify_files(path: Path, header: dict[str, Any]) -> None:
    for file, key in ((path, "data_sha256"), (ids_path(path), "ids_sha256")):
        if not file.exists() or file_sha256(file) != header.get(key):
            raise IndexMismatchError(
                f"{file} does not match {header_path(path).name} (an interrupted save?): "
                "rebuild the index from the stored embeddings"
            )


def _backend_class(backend: str) -> type[VectorIndex]:
    module_name, class_name = _BACKENDS[backend]
    return getattr(importlib.import_module(module_name), class_name)


def _write_npy(temp: Path, array: np.ndarray) -> None:
    # A file object, because np.save given a path appends ".npy" to it.
    with open(temp, "wb") as handle:
        np.save(handle, array, allow_pickle=False)
