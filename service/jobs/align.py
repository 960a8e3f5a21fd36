"""``factalign align``: the nightly job.

Embeds every stored sentence that has no vector yet (a distinct text is
encoded once, whatever number of outlets printed it), committing after each
batch so that a killed run resumes where it stopped; brings the index file up
to date; reads and stores the claim slots of the new sentences
(``slots_stage.py``); judges the new sentences against their neighbours (contradictions
and agree links), reads which links state the same claim and places the new
sentences in claim clusters and their articles in stories (``clustering.py``). Running it
again with nothing new does nothing.

"New" is kept by the store, not by the run: vectors are made for whatever
lacks one, and judging goes on from the last sentence id a committed chunk
handled (``pairing.WATERMARK``). A run killed at any point (kill -9
included) therefore leaves finished batches in place, and the next run
does the rest; the end state is that of a run never interrupted.
``since`` narrows judging to the articles of a period instead (see
``window.py``). One align runs at a time (``locks.py``).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from sqlalchemy import func, select

from service.config import Settings
from service.jobs import pairing, slots_stage
from service.jobs.furniture_stage import mark_furniture
from service.jobs.clustering import recluster
from service.jobs.engines import Engine, open_engine
from service.jobs.pairing import pair_new_sentences
from service.jobs.progress import JobProgress, log_fields
from service.jobs.window import pair_window
from service.judge.nli import load_nli
from service.retrieval.index_file import index_config, sync_index
from service.store.database import Database
from service.store.jobs import record_job
from service.store.locks import job_lock
from service.store.schema import Sentence
from service.store.vectors import check_encoder, count_missing, missing_texts, store_vectors

log = logging.getLogger("factalign.jobs")


@dataclass
class AlignReport:
    encoder: str
    encoded: int = 0
    indexed: int = 0
    index_size: int = 0
    slots_read: int = 0
    furniture: int = 0
    judged_pairs: int = 0
    contradictions: int = 0
    links: int = 0                  # agree edges judged this run
    same_claim_links: int = 0       # of all edges stored, those that are same-claim links
    clusters: int = 0               # claim clusters of two or more sentences
    stories: int = 0                # stories of two or more articles
    seconds: float = 0.0
    since: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


def embed_missing(db: Database, engine: Engine, encoder: str, batch_size: int,
                  progress: Callable[[int], None] | None = None) -> int:
    """Vectors for every text lacking one: one transaction per batch, ``engine.encode_width`` batches at a time."""
    encoded, after = 0, 0
    while True:
        with db.session() as session:
            found, after = missing_texts(session, encoder, batch_size * engine.encode_width, after)
        if not found:
            return encoded
        batches = [found[start:start + batch_size] for start in range(0, len(found), batch_size)]
        for batch, vectors in zip(batches, engine.encode([text for _, text in rows] for rows in batches)):
            with db.session() as session:
                store_vectors(session, encoder, [text_hash for text_hash, _ in batch], vectors)
            encoded += len(batch)
            if progress:
                progress(len(batch))


def _to_pair(db: Database) -> int:
    """Sentences after the judging watermark: the pair stage's total."""
    after = int(db.get_meta(pairing.WATERMARK) or 0)
    with db.session() as session:
        return int(session.scalar(select(func.count(Sentence.id)).where(Sentence.id > after)))


def _judge(db: Database, index, encoder: str, settings: Settings, since: dt.date | None,
           tracker: JobProgress, engine: Engine):
    nli = load_nli(settings.nli_model) if settings.nli_model else None
    if index.kind == "ivf":                   # align's search, not check's (index_ivf_pair_nprobe)
        index.set_search_params(nprobe=settings.index_ivf_pair_nprobe)
    if since is not None:
        return pair_window(db, index, encoder, since, nli=nli, engine=engine, stage=tracker.stage,
                           progress=tracker.advance)
    tracker.stage("pair", _to_pair(db))
    return pair_new_sentences(db, index, encoder, nli=nli, engine=engine, progress=tracker.advance)


def _stages(db: Database, settings: Settings, report: AlignReport, tracker: JobProgress, engine: Engine, *,
            rebuild_index: bool, reembed: bool, since: dt.date | None) -> None:
    encoder = engine.encoder_info()
    check_encoder(db, encoder.name, encoder.dimension, adopt=reembed)
    report.encoder = encoder.name
    with db.session() as session:
        tracker.stage("embed", count_missing(session, encoder.name))
    report.encoded = embed_missing(db, engine, encoder.name, settings.batch_size, tracker.advance)
    slots = slots_stage.SlotReading(db, engine)
    slots.submit()                              # the workers start on the slots while the index is written
    tracker.stage("index")
    index, report.indexed = sync_index(
        db, settings.index_path, encoder.name, encoder.dimension, rebuild=rebuild_index or reembed,
        config=index_config(settings),
    )
    report.index_size = len(index)
    tracker.advance(report.indexed)             # so stage_done says how many went in, not done=0
    tracker.stage("slots", slots_stage.to_read(db))
    report.slots_read = slots.run(tracker.advance)
    tracker.stage("furniture")
    report.furniture = mark_furniture(db)
    judged = _judge(db, index, encoder.name, settings, since, tracker, engine)
    report.judged_pairs, report.contradictions, report.links = judged.judged, judged.contradictions, judged.links
    tracker.stage("cluster")
    grouped = recluster(db, encoder.name)
    report.clusters, report.stories, report.same_claim_links = grouped.clusters, grouped.stories, grouped.links


def run_align(db: Database, settings: Settings, *, rebuild_index: bool = False, reembed: bool = False,
              on_progress: Callable[[dict], None] | None = None, job_id: int | None = None,
              since: dt.date | None = None, engine: str = "local") -> AlignReport:
    """The nightly job, one at a time (BusyError while another holds the lock), recorded as a run.

    ``on_progress`` gets ``{"stage", "done", "total"}`` as work is done;
    ``job_id`` adopts a queued run record (the API's); ``since`` judges the
    articles published on or after that date instead of what is new;
    ``engine`` runs embedding and judging in this process ("local") or on Ray ("ray").
    """
    started = time.perf_counter()
    with job_lock(db, "align", stale_seconds=settings.job_lock_stale_seconds) as lock, \
            record_job(db, "align", job_id) as job:
        log.info(log_fields(job=job.id, event="start", kind="align", since=since))
        tracker = JobProgress(db, lock, job.id, on_progress)
        tracker.checkpoint()                      # the lock names this run from now on
        report = AlignReport(encoder=settings.model, since=since.isoformat() if since else None)
        try:
            with open_engine(engine, settings) as runner:
                _stages(db, settings, report, tracker, runner, rebuild_index=rebuild_index, reembed=reembed,
                        since=since)
        except BaseException as exc:
            log.error(log_fields(job=job.id, event="failed", stage=tracker.state["stage"], error=exc))
            raise
        report.seconds = round(time.perf_counter() - started, 3)
        job.counts = report.to_json()
        tracker.stage("done")
    log.info(log_fields(job=job.id, event="finish", state="succeeded", **report.to_json()))
    return report
