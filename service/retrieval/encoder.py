"""The configured encoder, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

from service.config import Settings
from service.errors import ConfigError, MissingDependencyError


@lru_cache(maxsize=4)
def _load(model: str, threads: int):
    from embeddings.encoders.registry import load_encoder
    from embeddings.errors import MissingBackendError, ModelLoadError

    try:
        return load_encoder(model, threads=threads)
    except MissingBackendError as exc:
        raise MissingDependencyError(getattr(exc, "package", model), purpose=str(exc)) from None
    except ModelLoadError as exc:
        raise ConfigError(f"FACTALIGN_MODEL={model!r}: {exc}") from None


def get_encoder(settings: Settings, threads: int | None = None):
    """The configured model with ``settings.threads`` BLAS threads (or ``threads``), loaded once."""
    return _load(settings.model, threads or settings.threads)


def encoder_for(model: str, threads: int):
    """``model`` with ``threads`` BLAS threads, loaded once per process (align's encoding workers)."""
    return _load(model, threads)
