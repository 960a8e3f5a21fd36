"""kill -9 at random points of ingest + align, then a re-run: the store is row for row a clean run's.

The nightly job runs in a subprocess (``nightly_driver.py``: the real CLI,
one log line per checkpoint) over the seeds and 40 SaudiNewsNet articles.
It is SIGKILLed seven times at points drawn from a seeded RNG (in ingest,
embed, index, slots, pair and cluster: after a random number of checkpoints plus a
random delay, so kills land inside transactions too), re-run each time,
then run to the end.
The store is then compared with an uninterrupted run's, row by row, with
sentences named by (article, position) because autoincrement ids may
legitimately differ (PostgreSQL sequences are not rolled back), and the
index file is checked against the store.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from embeddings.index.base import VectorIndex
from service.store.database import Database
from service.store.schema import (
    Article, ArticleStory, ClaimLink, ClusterMember, Contradiction, Embedding, JobLock, JobRun, Meta, Sentence,
)
from tests.conftest import SEEDS, shared_path

pytestmark = pytest.mark.slow
DRIVER = Path(__file__).with_name("nightly_driver.py")
SAUDINEWSNET = ("data", "saudinewsnet", "2015-07-21.zip")
SEED = 20170117


def _corpus(folder: Path) -> list[Path]:
    with zipfile.ZipFile(shared_path(*SAUDINEWSNET)) as archive:
        articles = json.loads(archive.read(archive.namelist()[0]))[:40]
    path = folder / "saudinewsnet-40.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return [SEEDS, path]


class NightlyRun:
    """One subprocess of the nightly job, its stderr lines collected as they come."""

    def __init__(self, home: Path, url: str, paths: list[Path]):
        env = {**os.environ, "FACTALIGN_DATABASE_URL": url, "FACTALIGN_MODEL": "hashing",
               "FACTALIGN_BATCH_SIZE": "16", "FACTALIGN_TEST_PAIR_CHUNK": "40"}
        self.lines: list[str] = []
        self.seen_at: list[float] = []        # when each line came (monotonic)
        self.process = subprocess.Popen([sys.executable, str(DRIVER), str(home), *map(str, paths)], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.seen_at.append(time.monotonic())
            self.lines.append(line.rstrip("\n"))

    def kill_after(self, marker: str, count: int, delay: float) -> bool:
        """SIGKILL ``delay`` s after the ``count``-th line holding ``marker``; False if it finished first."""
        deadline = time.monotonic() + 300
        while (sum(marker in line for line in self.lines) < count and self.process.poll() is None
               and time.monotonic() < deadline):
            time.sleep(0.005)
        time.sleep(delay)
        if self.process.poll() is None:
            self.process.kill()
        return self.finish() == -9

    def finish(self) -> int:
        code = self.process.wait(300)         # reaped: its pid is gone, so its lock can be taken over
        self._reader.join(10)
        self.process.stderr.close()
        return code


def _sentence_keys(session) -> dict[int, tuple[str, int]]:
    return {i: (a, p) for i, a, p in session.execute(select(Sentence.id, Sentence.article_id, Sentence.position))}


def _rows(session, key) -> dict:
    return {
        "articles": sorted((a.id, a.outlet, a.language, a.published_at, a.title, a.url, a.content_hash, a.text)
                           for a in session.scalars(select(Article))),
        "sentences": sorted((s.article_id, s.position, s.start, s.end, s.text, s.text_hash, s.slots)
                            for s in session.scalars(select(Sentence))),
        "embeddings": sorted((e.text_hash, e.encoder, e.dimension, e.vector) for e in session.scalars(select(Embedding))),
        "contradictions": sorted((key[c.a_id], key[c.b_id], c.type, round(c.score, 6),
                                  json.dumps(c.reasons, sort_keys=True)) for c in session.scalars(select(Contradiction))),
        "claim_links": sorted((key[l.a_id], key[l.b_id], round(l.score, 6), l.same_claim)
                              for l in session.scalars(select(ClaimLink))),
        "cluster_members": sorted((key[m.sentence_id], key[m.cluster_id])
                                  for m in session.scalars(select(ClusterMember))),
        "article_stories": sorted((a.article_id, key[a.story_id]) for a in session.scalars(select(ArticleStory))),
        "meta": {m.key: (key[int(m.value)] if m.key in ("paired_max_id", "slots_max_id", "clustered_max_id")
                         else m.value)
                 for m in session.scalars(select(Meta))},
        "job_locks": session.scalars(select(JobLock)).all(),
    }


def _index(home: Path, session, key) -> list[tuple[str, int]]:
    """The index file's sentences, after checking it holds exactly the stored vectors."""
    index = VectorIndex.load(home / "index" / "sentences.faiss")
    stored = session.execute(select(Sentence.id, Embedding.vector)
                             .join(Embedding, Embedding.text_hash == Sentence.text_hash)).all()
    assert sorted(index.ids.tolist()) == sorted(i for i, _ in stored)
    scores, _ = index.search(np.stack([np.frombuffer(v, dtype=np.float32) for _, v in stored]), 1)
    assert (scores[:, 0] > 0.999).all(), "an index vector differs from the stored one"
    return sorted(key[int(i)] for i in index.ids)


def _snapshot(home: Path, url: str) -> tuple[dict, list, list[str]]:
    db = Database(url)
    try:
        with db.session() as session:
            key = _sentence_keys(session)
            runs = [r.state for r in session.scalars(select(JobRun).order_by(JobRun.id))]
            return _rows(session, key), _index(home, session, key), runs
    finally:
        db.close()


def _kill_plan(rng: random.Random, ingest_seconds: float) -> list[tuple[str, int, float]]:
    """(log marker, how many of them, delay) per round, in pipeline order, drawn from ``rng``.

    Every run redoes the stages that have nothing left quickly, so a round
    aimed at a later stage still finds it; the delays put kills inside
    batches and transactions, not only between them.
    """
    return [
        ("event=ingest", 1, rng.uniform(0.0, 0.7 * ingest_seconds)),
        ("stage=embed", rng.randint(1, 8), rng.uniform(0.0, 0.2)),
        ("stage=index", 1, rng.uniform(0.0, 0.05)),
        ("stage=slots", 1, rng.uniform(0.0, 0.3)),
        ("stage=pair", rng.randint(1, 4), rng.uniform(0.0, 0.5)),
        ("stage=pair", rng.randint(1, 4), rng.uniform(0.0, 0.5)),
        ("stage=cluster", 1, rng.uniform(0.0, 0.03)),
    ]


def _killed_runs(home: Path, url: str, paths: list[Path], ingest_seconds: float) -> list[str]:
    """Runs killed at random points; where each landed (its last log line), for the report."""
    landed = []
    for marker, count, delay in _kill_plan(random.Random(SEED), ingest_seconds):
        run = NightlyRun(home, url, paths)
        killed = run.kill_after(marker, count, delay)
        last = run.lines[-1].split(" INFO ")[-1] if run.lines else "(start)"
        landed.append(f"{'killed' if killed else 'finished'} ({marker} #{count} +{delay:.2f}s) after: {last}")
    return landed


def _clean_run(home: Path, url: str, paths: list[Path]) -> float:
    """An uninterrupted run; returns how long its ingest took (to aim the first kill)."""
    run = NightlyRun(home, url, paths)
    assert run.finish() == 0, "\n".join(run.lines[-20:])
    align_started = next(i for i, line in enumerate(run.lines) if "event=start" in line)
    return run.seen_at[align_started] - run.seen_at[0]


def test_kill_9_at_random_points_then_rerun_equals_a_clean_run(tmp_path, new_database_url):
    paths = _corpus(tmp_path)
    clean_home, killed_home = tmp_path / "clean", tmp_path / "killed"
    clean_url, killed_url = new_database_url(), new_database_url()
    ingest_seconds = _clean_run(clean_home, clean_url, paths)
    landed = _killed_runs(killed_home, killed_url, paths, ingest_seconds)
    final = NightlyRun(killed_home, killed_url, paths)
    assert final.finish() == 0, "\n".join(final.lines[-20:])

    expected_rows, expected_index, clean_runs = _snapshot(clean_home, clean_url)
    rows, index, runs = _snapshot(killed_home, killed_url)
    assert sum(line.startswith("killed") for line in landed) >= 4, landed
    # The hashing encoder's cosines stay under the link bar, so no claim cluster forms here;
    # the cluster stage's rows are checked through the stories it places for every article.
    assert expected_rows["contradictions"] and expected_rows["claim_links"] and expected_rows["article_stories"]
    for table, expected in expected_rows.items():
        assert rows[table] == expected, f"{table} differs after kills: {landed}"
    assert index == expected_index
    assert clean_runs == ["succeeded"] and runs[-1] == "succeeded" and "running" not in runs, runs
