"""A confirmed conflict is checked against every sentence of both articles, not only the candidates."""

from __future__ import annotations

import datetime as dt

import numpy as np

from service.jobs.counterparts import _beaten
from service.judge.bulk import Finding
from service.models import Reason, SentenceRecord


def _record(i: int, article: str, text: str) -> SentenceRecord:
    return SentenceRecord(i, text, article, article, dt.date(2015, 8, 11), "ar", 0, len(text))


def _unit(*values: float) -> np.ndarray:
    v = np.asarray(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_another_row_of_the_other_article_nearer_than_the_pair_demotes_it():
    ten, seven = "- عشر سنوات بمعدل عائد ( 2.65%)", "- سبع سنوات بمعدل عائد ( 2.34%)"
    records = {1: _record(1, "almadina-1", ten), 2: _record(2, "almadina-1", seven), 3: _record(3, "was-9", seven)}
    vectors = {1: _unit(1, 0.3), 2: _unit(0.3, 1), 3: _unit(0.3, 1)}
    flag = Finding(1, 3, "contradiction", 0.8, (Reason("number", "2.65%", "2.34%"),), "confirmed")
    siblings = {1: "almadina-1", 2: "almadina-1", 3: "was-9"}
    assert _beaten(flag, siblings, vectors, records)           # sentence 2 is 3's counterpart in almadina-1
    # A sibling farther from 3 than 1 is does not make 1 the wrong row.
    records[2] = _record(2, "almadina-1", "- خمس سنوات بمعدل عائد ( 2.10%)")
    assert not _beaten(flag, siblings, {**vectors, 2: _unit(1, -1)}, records)
    alone = {1: "almadina-1", 3: "was-9"}
    assert not _beaten(flag, alone, vectors, records)
    # A second copy of the other side's own sentence is the same sentence, not a nearer one.
    records[2] = _record(2, "was-9", seven)
    assert not _beaten(flag, {**alone, 2: "was-9"}, vectors, records)
