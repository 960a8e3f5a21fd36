"""Errors raised by ``embeddings``.

The service maps these into its own exception tree; ``embeddings`` never
imports the service, so the tree lives here and stays small.
"""

from __future__ import annotations


class EmbeddingsError(Exception):
    """Base of every error ``embeddings`` raises on purpose."""


class MissingBackendError(EmbeddingsError):
    """An optional backend is not installed; the message names the pip command."""

    def __init__(self, package: str, extra: str | None = None, purpose: str = ""):
        self.package = package
        self.extra = extra
        install = f"pip install 'factalign[{extra}]'" if extra else f"pip install '{package}'"
        what = f" for {purpose}" if purpose else ""
        super().__init__(f"{package} is needed{what} but is not installed: run `{install}`")


class ModelLoadError(EmbeddingsError):
    """A model could not be loaded (not on disk, and no hub reachable)."""

    def __init__(self, spec: str, reason: str = ""):
        self.spec = spec
        why = f" ({reason})" if reason else ""
        super().__init__(
            f"the model {spec!r} could not be loaded{why}. No model hub may be "
            "reachable from here: give a local path to a sentence-transformers "
            "model folder, or set FACTALIGN_MODEL to a bundled model "
            "(for example 'use-multilingual-v3', the default, or "
            "'multilingual-e5-small')."
        )


class IndexMismatchError(EmbeddingsError):
    """Vectors, ids or a saved index do not fit the index they meet."""
