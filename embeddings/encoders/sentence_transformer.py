"""Any sentence-transformers model, by hub name or local folder."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from embeddings.encoders.base import Encoder, check_texts, empty_vectors, normalize_rows
from embeddings.errors import ModelLoadError

_TRUE = {"1", "true", "yes", "on"}


class SentenceTransformerEncoder(Encoder):
    """A sentence-transformers model on the CPU, with unit-length output.

    ``local_files_only=None`` follows ``HF_HUB_OFFLINE`` (read at call time,
    not at import time as huggingface_hub does). A hub name is always tried
    in the local cache first, so a cached model never touches the network.
    """

    def __init__(self, name_or_path: str | os.PathLike, *, threads: int = 2,
                 local_files_only: bool | None = None):
        if threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        self.spec = str(name_or_path)
        self.threads = threads
        self.model = _load(self.spec, _offline(local_files_only))
        dimension = self.model.get_embedding_dimension()
        if not dimension:
            raise ModelLoadError(self.spec, "the model does not report its embedding dimension")
        self.dimension = int(dimension)
        self.name = _stable_name(self.spec)

    def encode(self, texts: Sequence[str], batch_size: int = 256) -> np.ndarray:
        items = check_texts(texts)
        if not items:
            return empty_vectors(self.dimension)
        import torch

        previous = torch.get_num_threads()
        torch.set_num_threads(self.threads)
        try:
            vectors = self.model.encode(
                items,
                batch_size=batch_size,
                show_progress_bar=False,
                convert_to_numpy=True,
                normalize_embeddings=True,
            )
        finally:
            torch.set_num_threads(previous)
        return normalize_rows(vectors)


def _offline(local_files_only: bool | None) -> bool:
    if local_files_only is not None:
        return local_files_only
    flags = (os.environ.get("HF_HUB_OFFLINE", ""), os.environ.get("TRANSFORMERS_OFFLINE", ""))
    return any(flag.strip().lower() in _TRUE for flag in flags)


def _stable_name(spec: str) -> str:
    """The hub name, or the resolved folder of a local model (never a bare "model")."""
    path = Path(spec).expanduser()
    return str(path.resolve()) if path.exists() else spec


def _load(spec: str, offline: bool):
    path = Path(spec).expanduser()
    if path.exists():
        if not (path / "modules.json").exists() and not (path / "config.json").exists():
            raise ModelLoadError(spec, f"{path} is not a sentence-transformers model folder")
        return _construct(str(path), local_files_only=True)
    if _looks_like_path(spec):
        raise ModelLoadError(spec, f"there is no folder {path}")
    if offline and not _in_hub_cache(spec):
        # Checked before importing torch, so a wrong name fails in a blink.
        raise ModelLoadError(spec, "it is not in the local Hugging Face cache and downloads are off")
    try:
        return _construct(spec, local_files_only=True)
    except ModelLoadError:
        if offline:
            raise
    # Not cached and downloads allowed: with no hub reachable this spends
    # about a minute in huggingface_hub's retries before failing.
    return _construct(spec, local_files_only=False)


def _looks_like_path(spec: str) -> bool:
    return spec.startswith(("/", ".", "~")) or "\\" in spec or spec.count("/") > 1


def _in_hub_cache(spec: str) -> bool:
    """Whether the hub cache holds the model (bare names also as sentence-transformers/NAME)."""
    from huggingface_hub import try_to_load_from_cache

    cache_dir = os.environ.get("SENTENCE_TRANSFORMERS_HOME") or None
    repos = [spec] if "/" in spec else [spec, f"sentence-transformers/{spec}"]
    for repo in repos:
        for filename in ("modules.json", "config.json"):
            try:
                hit = try_to_load_from_cache(repo, filename, cache_dir=cache_dir)
            except ValueError:  # not a valid repo id (HFValidationError)
                return False
            if isinstance(hit, str):
                return True
    return False


def _construct(spec: str, *, local_files_only: bool):
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(spec, device="cpu", local_files_only=local_files_only)
    except (OSError, ValueError) as exc:
        # OSError covers huggingface_hub's "couldn't connect / not cached"
        # and missing files; ValueError a folder with a broken config.
        raise ModelLoadError(spec, _first_line(exc)) from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
