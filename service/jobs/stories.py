"""Stories: one event across days and outlets, a coarser grouping than claims.

An article's vector is the normalised mean of its sentences' vectors (its
furniture left out). Articles are taken in the order they were stored (by
their first sentence id); an article joins the story, among those of the
earlier articles it shares a claim cluster with, whose centroid is nearest,
if at least ``STORY_MIN_COSINE`` and the story started within
``WINDOW_DAYS``; otherwise it starts a story, whose id is its first sentence
id. Sharing a claim is what says "the same event" (two articles on the same
topic share words, not claims); the centroid is what keeps a digest of
twenty items, which shares one claim with each of twenty stories, from
joining them into one.

Like claims (``claim_clusters.py``), this is leader assignment in storage
order: the night's run and a full re-run place an article the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import numpy as np

from service.jobs.leader_groups import LeaderGroups

STORY_MIN_COSINE = 0.6
WINDOW_DAYS = 4
# A story an article shares a claim with across scripts (an English report of an Arabic story):
# the two articles' mean vectors sit further apart than two Arabic reports of one event do
# (0.4-0.77 for the development claims of benchmarks/labels/crosslingual-claims.jsonl).
CROSS_SCRIPT_MIN_COSINE = 0.45


@dataclass(frozen=True)
class ArticleVector:
    article_id: str
    first_sentence: int
    day: dt.date | None
    vector: np.ndarray                         # unit length


def article_vector(article_id: str, first_sentence: int, day: dt.date | None, total: np.ndarray) -> ArticleVector:
    """From the float64 sum of the article's sentence vectors, added in id order (the same
    floats whether the sentences stream past in a run or are read back for a stored story)."""
    norm = float(np.linalg.norm(total))
    return ArticleVector(article_id, first_sentence, day, total / norm if norm else total)


class ArticleSums:
    """Article vectors built as the article's sentences stream past, in id order."""

    def __init__(self) -> None:
        self._first: dict[str, tuple[int, dt.date | None]] = {}
        self._totals: dict[str, np.ndarray] = {}

    def add(self, article_id: str, sentence_id: int, day: dt.date | None, vector: np.ndarray | None) -> None:
        self._first.setdefault(article_id, (sentence_id, day))
        if vector is not None:
            total = self._totals.get(article_id)
            if total is None:
                total = self._totals[article_id] = np.zeros(len(vector), dtype=np.float64)
            total += vector

    def articles(self) -> list[ArticleVector]:
        """Every article with at least one vector, in storage order."""
        return [article_vector(a, first, day, self._totals[a]) for a, (first, day) in self._first.items()
                if a in self._totals]


@dataclass
class Stories(LeaderGroups):
    """Articles placed into stories; a story's id is its first article's first sentence id."""

    min_cosine: float = STORY_MIN_COSINE
    window_days: int = WINDOW_DAYS
    cross_script_min_cosine: float = CROSS_SCRIPT_MIN_COSINE

    def load(self, story_id: int, articles: list[ArticleVector]) -> None:
        """A stored story with its articles, in storage order."""
        super().load(story_id, [(a.article_id, a.vector, a.day) for a in articles])

    def place(self, article: ArticleVector, sharing: Iterable[str], across: Collection[str] = ()) -> int:
        """Put an article in the nearest accepting story of ``sharing`` (earlier articles it
        shares a claim cluster with), or a new one; returns the story id. A story it shares a
        claim with across scripts (``across``) accepts it at ``CROSS_SCRIPT_MIN_COSINE``."""
        stories = {self.group_of[other] for other in sharing if other in self.group_of}
        floors = {self.group_of[other]: self.cross_script_min_cosine for other in across if other in self.group_of}
        return self.add(article.article_id, article.first_sentence, article.vector, article.day, stories, floors)
