"""Judging a chunk of candidate pairs at once: the rows align stores, as ``judge`` would give them.

Align's judging stage hands over candidate pairs ``(a_id, b_id, cosine)``
with the sentence records and their vectors, and gets back the pairs that
become rows: contradictions (with their reasons) and agree links. Nothing
here touches the store, so an engine can run it on another worker. Two
sentences of one article said by one voice are never rows (``same_voice``).

The result is exactly that of calling ``judge`` on every pair with the
classifier's P(disagree); the work is not:

- A pair below ``LINK_MIN_COSINE`` can only be stored as a contradiction,
  which needs a reason its cosine is high enough for. Most pairs have none,
  and then neither the event check nor the classifier can change anything
  (both would only decide between "agree" and "unrelated", and neither is
  stored). Slots are read lazily, so such a pair reads only the slots of
  the checks it is similar enough for.
- The classifier only ever drops reasons of the weak kinds, so it runs, in
  one batch, only for the pairs that have one; vectors are fetched for
  those pairs only.
- With an NLI model every same-event pair is judged in full: the model can
  report a contradiction the slots did not see.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from service.claims.slot_codec import record_slots
from service.judge.event import EventMatch, same_event
from service.judge.learned import disagree_probabilities
from service.judge.verdict import MODES, Judgement, believable_reasons, decide, needs_classifier
from service.models import Reason, SentenceRecord

# Same claim, not just same story: below this, links chain unlike sentences together.
LINK_MIN_COSINE = 0.62

Pair = tuple[int, int, float]                       # (a_id, b_id, cosine), a_id < b_id
Step = tuple[int, EventMatch, tuple[Reason, ...]]   # (position in the pairs, event, believable reasons)
VectorSource = Mapping[int, np.ndarray] | Callable[[list[int]], Mapping[int, np.ndarray]]


@dataclass(frozen=True)
class Finding:
    """A judged pair that becomes a row: a contradiction or an agree link."""

    a_id: int
    b_id: int
    kind: str                                       # contradiction | link
    score: float                                    # the pair's cosine
    reasons: tuple[Reason, ...] = ()
    tier: str | None = None                         # a contradiction's: confirmed | possible
    probability: float | None = None                # the classifier's P(disagree), when it ran

    @property
    def type(self) -> str | None:
        """The contradiction's type: its first (strongest) reason's."""
        return self.reasons[0].type if self.reasons else None


@dataclass(frozen=True)
class _Open:
    """A same-event pair whose weak reasons wait for the classifier."""

    position: int
    event: EventMatch
    reasons: tuple[Reason, ...]


def judge_candidates(pairs: Sequence[Pair], records: Mapping[int, SentenceRecord], vectors: VectorSource,
                     encoder: str, *, nli=None) -> list[Finding]:
    """The rows ``pairs`` give, in the order of ``pairs``.

    ``vectors`` maps sentence ids to their vectors, or is called once with
    the ids whose vectors the classifier needs (often none).
    """
    steps = slot_steps(pairs, records, full=nli is not None)
    return finish_candidates(pairs, records, steps, vectors, encoder, nli=nli)


def slot_steps(pairs: Sequence[Pair], records: Mapping[int, SentenceRecord], *, full: bool = False) -> list[Step]:
    """The slots' part of judging ``pairs``: (position, event, believable reasons) of each pair
    that may become a row (``full``: every same-event pair, for an NLI model to judge).
    Most of the work: ``judge_candidates``' first step."""
    steps = []
    for position, (a_id, b_id, cosine) in enumerate(pairs):
        step = _slot_step(records[a_id], records[b_id], cosine, full=full)
        if step is not None:
            steps.append((position, *step))
    return steps


def finish_candidates(pairs: Sequence[Pair], records: Mapping[int, SentenceRecord], steps: Sequence[Step],
                      vectors: VectorSource, encoder: str, *, nli=None) -> list[Finding]:
    """The rows of ``pairs`` from their ``slot_steps``: the classifier, in one batch, for the
    pairs whose reasons it can change, then each pair's verdict."""
    found: dict[int, Finding] = {}
    waiting: list[_Open] = []
    for position, event, reasons in steps:
        if needs_classifier(reasons):
            waiting.append(_Open(position, event, reasons))
        else:
            _keep(found, position, pairs[position], _decide(pairs[position], records, event, reasons, nli=nli))
    for item, p_disagree in zip(waiting, _probabilities(waiting, pairs, records, vectors, encoder)):
        verdict = _decide(pairs[item.position], records, item.event, item.reasons, nli=nli, disagree=p_disagree)
        _keep(found, item.position, pairs[item.position], verdict)
    return [found[position] for position in sorted(found)]


def _slot_step(a: SentenceRecord, b: SentenceRecord, cosine: float,
               full: bool) -> tuple[EventMatch, tuple[Reason, ...]] | None:
    """(event, believable reasons) of a pair that may become a row; None when it cannot."""
    if same_voice(a, b):
        return None
    slots_a = record_slots(a)
    slots_b = record_slots(b)
    reasons = believable_reasons(slots_a, slots_b, cosine=cosine, mode="pair")
    if not reasons and not full and cosine < LINK_MIN_COSINE:
        return None                                 # "agree" or "unrelated": neither is stored
    event = same_event(slots_a, slots_b, cosine=cosine, a_date=a.published_at, b_date=b.published_at,
                       min_cosine=MODES["pair"]["event_min"], list_shared=False)
    return (event, reasons) if event.same else None


def same_voice(a: SentenceRecord, b: SentenceRecord) -> bool:
    """Two sentences of one article disagree only if different speakers say them."""
    if a.article_id != b.article_id:
        return False
    speaker_a = record_slots(a).speaker
    if not speaker_a:
        return True               # the second speaker cannot matter: not looked for
    speaker_b = record_slots(b).speaker
    return not (speaker_b and speaker_a.text != speaker_b.text)


def _decide(pair: Pair, records: Mapping[int, SentenceRecord], event: EventMatch, reasons: tuple[Reason, ...],
            *, nli=None, disagree: float | None = None) -> Judgement:
    a_id, b_id, cosine = pair
    a, b = records[a_id], records[b_id]
    return decide(a.sentence, b.sentence, event, reasons, cosine=cosine, mode="pair", nli=nli, disagree=disagree,
                  slots=(record_slots(a), record_slots(b)), same_outlet=a.outlet == b.outlet)


def _keep(found: dict[int, Finding], position: int, pair: Pair, result: Judgement) -> None:
    a_id, b_id, cosine = pair
    if result.verdict == "conflict":
        found[position] = Finding(a_id, b_id, "contradiction", cosine, result.reasons, result.tier, result.disagree)
    elif result.verdict == "agree" and cosine >= LINK_MIN_COSINE:
        found[position] = Finding(a_id, b_id, "link", cosine)


def _probabilities(waiting: list[_Open], pairs: Sequence[Pair], records: Mapping[int, SentenceRecord],
                   vectors: VectorSource, encoder: str) -> list[float | None]:
    """The classifier's P(disagree) for the waiting pairs, in one batch."""
    if not waiting:
        return []
    chosen = [pairs[item.position] for item in waiting]
    ids = sorted({i for a, b, _ in chosen for i in (a, b)})
    table = vectors(ids) if callable(vectors) else vectors
    return disagree_probabilities(
        [records[a].sentence for a, _, _ in chosen], [records[b].sentence for _, b, _ in chosen],
        np.stack([table[a] for a, _, _ in chosen]), np.stack([table[b] for _, b, _ in chosen]), encoder)
