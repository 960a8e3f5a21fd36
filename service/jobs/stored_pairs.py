"""Judging candidate pairs from the store: what an engine runs on a slice of a chunk of pairs.

The pair stage's driver hands an engine bare pairs ``(a_id, b_id, cosine)``.
The local engine's workers read the sentence records and slots themselves,
each with its own connection (``judge_in_store``), so the driver neither
loads nor ships them; a Ray task cannot reach the store, so the Ray engine
reads them in the driver (``read_pairs``) and sends them along.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from service.judge.bulk import Finding, Pair, judge_candidates
from service.models import SentenceRecord
from service.store.articles import sentence_records
from service.store.database import Database
from service.store.vectors import vectors_for


@dataclass(frozen=True)
class Judged:
    """What judging a slice of pairs gave: how many were judged, and the rows, in the order of the pairs."""

    judged: int
    findings: list[Finding]

    @classmethod
    def joined(cls, parts: Iterable[Judged]) -> Judged:
        """Consecutive slices' results as one."""
        parts = list(parts)
        return cls(sum(p.judged for p in parts), [f for p in parts for f in p.findings])


def read_pairs(session, pairs: Sequence[Pair]) -> tuple[list[Pair], Mapping[int, SentenceRecord]]:
    """(the pairs whose two sentences are stored, in order; their records with stored slots)."""
    records = sentence_records(session, sorted({i for a, b, _ in pairs for i in (a, b)}), with_slots=True)
    return [pair for pair in pairs if pair[0] in records and pair[1] in records], records


def judge_in_store(db: Database, pairs: Sequence[Pair], encoder: str, nli=None) -> Judged:
    """The rows of ``pairs`` (``bulk.judge_candidates``) with their records, slots and vectors read from ``db``."""
    with db.session() as session:
        todo, records = read_pairs(session, pairs)
        vectors = partial(vectors_for, session, encoder)        # looked up only if the classifier needs them
        return Judged(len(todo), judge_candidates(todo, records, vectors, encoder, nli=nli))
