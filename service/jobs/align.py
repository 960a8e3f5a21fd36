"""``factalign align``: the nightly job.

Embeds every stored sentence that has no vector yet (a distinct text is
encoded once, whatever number of outlets printed it), committing after each
batch so that a killed run resumes where it stopped; brings the index file up
to date; judges the new sentences against their neighbours (contradictions
and agree links) and regroups the links into claim clusters. Running it
again with nothing new does nothing.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Callable

from service.config import Settings
from service.jobs.clustering import recluster
from service.jobs.pairing import pair_new_sentences
from service.judge.nli import load_nli
from service.retrieval.encoder import get_encoder
from service.retrieval.index_file import sync_index
from service.store.database import Database
from service.store.jobs import record_job
from service.store.vectors import check_encoder, missing_texts, store_vectors


@dataclass
class AlignReport:
    encoder: str
    encoded: int = 0
    indexed: int = 0
    index_size: int = 0
    judged_pairs: int = 0
    contradictions: int = 0
    links: int = 0
    clusters: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict:
        return asdict(self)


def embed_missing(db: Database, encoder, batch_size: int,
                  progress: Callable[[int], None] | None = None) -> int:
    encoded = 0
    while True:
        with db.session() as session:
            batch = missing_texts(session, encoder.name, batch_size)
        if not batch:
            return encoded
        hashes, texts = zip(*batch)
        vectors = encoder.encode(list(texts))
        with db.session() as session:
            store_vectors(session, encoder.name, list(hashes), vectors)
        encoded += len(batch)
        if progress:
            progress(len(batch))


def run_align(db: Database, settings: Settings, *, rebuild_index: bool = False, reembed: bool = False,
              progress: Callable[[int], None] | None = None) -> AlignReport:
    started = time.perf_counter()
    encoder = get_encoder(settings)
    with record_job(db, "align") as job:
        check_encoder(db, encoder.name, encoder.dimension, adopt=reembed)
        report = AlignReport(encoder=encoder.name)
        report.encoded = embed_missing(db, encoder, settings.batch_size, progress)
        index, report.indexed = sync_index(
            db, settings.index_path, encoder.name, encoder.dimension, rebuild=rebuild_index or reembed
        )
        report.index_size = len(index)
        nli = load_nli(settings.nli_model) if settings.nli_model else None
        pairing = pair_new_sentences(db, index, encoder.name, nli=nli)
        report.judged_pairs, report.contradictions, report.links = (
            pairing.judged, pairing.contradictions, pairing.links)
        report.clusters = recluster(db)
        report.seconds = round(time.perf_counter() - started, 3)
        job.counts = report.to_json()
    return report
