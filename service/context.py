"""What every command and request works with: settings, store, encoder, index.

Built once per process (CLI run or API server); the encoder and the index
are loaded on first use and kept.
"""

from __future__ import annotations

import threading
from functools import cached_property

from service.config import Settings
from service.retrieval.encoder import get_encoder
from service.store.database import Database
from service.store.vectors import ENCODER_KEY, check_encoder


class Context:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._index = None
        self._max_id = 0
        self._lock = threading.Lock()           # guards the in-memory index (FAISS is not thread-safe)
        self._encode_lock = threading.Lock()    # one encode at a time: two would fight over 2 BLAS threads
        self._load_lock = threading.Lock()
        self.encoder_loaded = False
        self.warmed = False                     # encoder and index loaded (see warm_up)

    @cached_property
    def db(self) -> Database:
        self.settings.home.mkdir(parents=True, exist_ok=True)
        return Database(self.settings.resolved_database_url)

    @property
    def encoder(self):
        # Two threads asking first would otherwise both load the model.
        with self._load_lock:
            encoder = get_encoder(self.settings)
        self.encoder_loaded = True
        return encoder

    @cached_property
    def counted_nouns(self):
        """Counted nouns across scripts by this encoder (check's number slots)."""
        from service.retrieval.counted_nouns import CountedNouns

        return CountedNouns(self.encode)

    def warm_up(self) -> None:
        """Load the encoder, the index, the judge's word lists and classifier now rather than on the first request."""
        from service.claims.lexicons import compile_all
        from service.judge.classifier import PairClassifier

        self.encoder
        if self.db.get_meta(ENCODER_KEY) is not None:
            self.index()
        compile_all()
        PairClassifier.load()
        self.warmed = True

    def indexed_count(self) -> int:
        return len(self._index) if self._index is not None else 0

    def nli(self):
        """The optional NLI cross-encoder (FACTALIGN_NLI_MODEL), or None."""
        if not self.settings.nli_model:
            return None
        from service.judge.nli import load_nli

        return load_nli(self.settings.nli_model)

    def index(self):
        """The search index, brought up to date with the store if it fell behind."""
        from service.retrieval.index_file import index_config, sync_index

        with self._lock:
            encoder = self.encoder
            stored = self.db.get_meta(ENCODER_KEY)
            if stored is None:
                return None                      # nothing aligned yet
            if stored != encoder.name:           # raises: the store holds another encoder's vectors
                check_encoder(self.db, encoder.name, encoder.dimension, adopt=False)
            if self._index is None:
                self._index, _ = sync_index(self.db, self.settings.index_path, encoder.name,
                                            encoder.dimension, save=False, config=index_config(self.settings))
                self._max_id = int(self._index.ids.max()) if len(self._index) else 0
            else:
                self._max_id = append_new_vectors(self.db, self._index, encoder.name, self._max_id)
            return self._index

    def encode(self, texts: list[str]):
        """Vectors for texts, one caller at a time (the API serves requests on threads)."""
        encoder = self.encoder
        with self._encode_lock:
            return encoder.encode(texts)

    def search(self, queries, k: int):
        """(scores, ids) from the index ``index()`` loaded, or None when there is none."""
        with self._lock:
            if self._index is None or len(self._index) == 0:
                return None
            return self._index.search(queries, k)

    def invalidate_index(self) -> None:
        with self._lock:
            self._index = None

    def close(self) -> None:
        if "db" in self.__dict__:
            self.db.close()


def append_new_vectors(db: Database, index, encoder: str, max_id: int) -> int:
    """Append vectors stored since the in-memory index was loaded; the new max id."""
    from service.store.vectors import vectors_after

    with db.session() as session:
        ids, vectors = vectors_after(session, encoder, max_id, 1_000_000)
    if len(ids):
        index.add(ids, vectors)
        return int(ids[-1])
    return max_id


