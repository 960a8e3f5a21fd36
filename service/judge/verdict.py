"""The pair judge: agree, conflict or unrelated, with typed reasons.

Retrieve, then judge: the embedding cosine says the two sentences are on the
same topic; the slots say whether they disagree and how. A reason counts
only when the pair is about the same event and the pair is similar enough
for that kind of reason: a different count of the same unit is telling even
between loosely similar sentences, a lone negation only between close ones
(two sentences on one topic often differ in negation about different things).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from service.claims.slots import extract_slots
from service.judge import tiers
from service.judge.event import EventMatch, same_event, same_moment
from service.judge.reasons import slot_reasons
from service.models import Reason

# Cosine a pair needs before a reason of each type is believed.
REASON_MIN_COSINE = {
    "number": 0.20, "date": 0.20, "role": 0.20, "entity": 0.30, "scope": 0.35,
    "stance": 0.35, "antonym": 0.35, "duration": 0.40, "negation": 0.55,
    "place": 0.40,                   # check only: a claim's place or weekday told otherwise (claim_reasons)
}
# Between two reports (align, compare) nothing says the sentences are about the
# same claim, and a long news sentence carries several dates and clauses: a
# date or a negation must then come with a much closer pair to be believed.
PAIR_REASON_MIN_COSINE = {**REASON_MIN_COSINE, "number": 0.45, "date": 0.65, "negation": 0.70}
# A report that repeats the claim's names and figures (``relevance.same_fact``) is about the
# claim's own fact, and across languages a claim and its report sit lower: a negation then
# needs less (dev half of the second cross-lingual set: French and Russian claims against
# their Arabic report at 0.44-0.55).
ANCHORED_REASON_MIN_COSINE = {**REASON_MIN_COSINE, "negation": 0.40}
MODES = {
    # check: a user's claim against retrieved reports (already above relevance)
    "check": {"event_min": 0.20, "agree_min": 0.20, "reason_min": REASON_MIN_COSINE},
    # align/compare: two reports, nothing retrieved them for each other
    "pair": {"event_min": 0.35, "agree_min": 0.55, "reason_min": PAIR_REASON_MIN_COSINE},
}


@dataclass(frozen=True)
class Side:
    text: str
    published_at: dt.date | None = None
    language: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Judgement:
    verdict: str                 # agree | conflict | unrelated
    score: float
    reasons: tuple[Reason, ...]
    event: EventMatch
    disagree: float | None = None      # the learned classifier's P(disagree), when it ran
    tier: str | None = None            # a conflict's: confirmed | possible (tiers.py)

    def to_json(self) -> dict:
        extra = {} if self.disagree is None else {"disagree_probability": round(self.disagree, 4)}
        if self.tier:
            extra["tier"] = self.tier
        return {"verdict": self.verdict, "score": round(self.score, 4),
                "reasons": [r.to_json() for r in self.reasons], "event": self.event.why, **extra}


# An NLI model, when configured, overrules the slots only when it is sure.
NLI_SURE = 0.9
# Reason kinds that cues alone cannot establish (the cue may sit in another
# clause): the learned classifier must lean to "disagree" for them to count.
WEAK_TYPES = frozenset({"negation", "antonym", "stance", "duration"})
DISAGREE_MIN = 0.5


def judge(a: Side, b: Side, *, cosine: float, mode: str = "pair", nli=None,
          disagree: float | None = None, probabilities: dict[str, float] | None = None) -> Judgement:
    """The verdict of one pair. With the classifier's ``probabilities`` (compare), the
    classifier decides a pair that has no confirmed slot reason (``decide_by_classifier``)."""
    event, reasons = assess(a, b, cosine=cosine, mode=mode)
    slots = (_slots(a), _slots(b))
    if not event.same:
        unrelated = Judgement("unrelated", cosine, (), event)
        # Two sentences a user put side by side: the classifier reads them even when the
        # slots see no shared event (a headline and its rewrite often name no actor).
        return unrelated if probabilities is None else decide_by_classifier(unrelated, probabilities, slots)
    same_outlet = bool(a.outlet and a.outlet == b.outlet)
    result = decide(a.text, b.text, event, reasons, cosine=cosine, mode=mode, nli=nli, disagree=disagree,
                    slots=slots, same_outlet=same_outlet)
    if probabilities is None or result.tier == "confirmed":
        return result
    return decide_by_classifier(result, probabilities, slots)


def _slots(side: Side):
    return extract_slots(side.text, side.published_at, side.language)


def decide_by_classifier(result: Judgement, probabilities: dict[str, float], slots) -> Judgement:
    """The classifier's verdict for a pair without a confirmed reason.

    It never says "agree" while leaning to conflict, nor leaves a conflict it
    leans to unexplained: the words only one side has are the reason.
    """
    from service.judge.changed_words import changed_words_reason

    label = max(probabilities, key=probabilities.get)
    disagree = probabilities.get("disagree")
    if label == "disagree":
        reasons = result.reasons or (changed_words_reason(slots[0].text, slots[1].text),)
        return Judgement("conflict", result.score, reasons, result.event, disagree, "possible")
    if label == "other":
        return Judgement("unrelated", result.score, (), result.event, disagree)
    return Judgement("agree", result.score, (), result.event, disagree)


def assess(a: Side, b: Side, *, cosine: float, mode: str = "pair",
           list_shared: bool = True, anchored: bool = False) -> tuple[EventMatch, tuple[Reason, ...]]:
    """The slots' part of a verdict: whether a and b are about one event, and if so their believable reasons.

    ``decide`` turns these into the verdict; callers judging many pairs ask
    the classifier only for the pairs whose reasons ``needs_classifier``, and
    callers that do not show ``event.shared`` pass ``list_shared=False``; ``anchored``: see
    ``believable_reasons``.
    """
    slots_a = extract_slots(a.text, a.published_at, a.language)
    slots_b = extract_slots(b.text, b.published_at, b.language)
    event = same_event(slots_a, slots_b, cosine=cosine, a_date=a.published_at, b_date=b.published_at,
                       min_cosine=MODES[mode]["event_min"], list_shared=list_shared, figures_shared=mode == "check")
    if not event.same:
        return event, ()
    return event, believable_reasons(slots_a, slots_b, cosine=cosine, mode=mode, anchored=anchored)


def believable_reasons(slots_a, slots_b, *, cosine: float, mode: str = "pair",
                       anchored: bool = False) -> tuple[Reason, ...]:
    """The slot reasons of a pair that its cosine is high enough for (see REASON_MIN_COSINE);
    ``anchored`` (check only): the report repeats the claim's names and figures, and the bars
    are ANCHORED_REASON_MIN_COSINE's."""
    limits = MODES[mode]
    bars = ANCHORED_REASON_MIN_COSINE if anchored and mode == "check" else limits["reason_min"]

    def believed(kind: str) -> bool:
        return cosine >= max(bars.get(kind, 0.4), limits["event_min"])

    reasons = tuple(r for r in slot_reasons(slots_a, slots_b, allowed=believed) if believed(r.type))
    if mode == "check" and believed("place"):
        from service.judge.claim_reasons import claim_reasons

        taken = {r.type for r in reasons}
        reasons += tuple(r for r in claim_reasons(slots_a, slots_b) if r.type not in taken)
    if mode == "pair" and any(r.type in RESTATED_TYPES for r in reasons):
        reasons = tuple(r for r in reasons if r.type not in RESTATED_TYPES or same_fact(slots_a, slots_b, r.type))
    return reasons


# Between two reports, a different figure, date, length, direction (rose / fell) or
# person in a role is a disagreement only when both sentences state the same fact: most
# of their words shared (across scripts the cosine thresholds must do); and figures and
# directions, which move from day to day, of the same moment.
RESTATED_TYPES = frozenset({"number", "date", "duration", "antonym", "entity"})
MOMENT_TYPES = frozenset({"number", "antonym"})
RESTATED_OVERLAP = 0.5


def same_fact(slots_a, slots_b, kind: str) -> bool:
    """Whether two reports state the same fact, so that a ``kind`` reason between them is believable.

    At SaudiNewsNet scale nine in ten "different figure" pairs were two
    facts of one template (two banks' quarterly results, two candidates'
    ages, a market's report on two days): similar sentences, not one claim.
    """
    from service.judge.features import word_overlap
    from service.pipeline.normalize import is_arabic

    if is_arabic(slots_a.text) == is_arabic(slots_b.text) and word_overlap(slots_a.text, slots_b.text) < RESTATED_OVERLAP:
        return False
    return kind not in MOMENT_TYPES or same_moment(slots_a, slots_b)


def needs_classifier(reasons: tuple[Reason, ...]) -> bool:
    """Whether the learned classifier's P(disagree) can change the verdict (it only drops weak kinds)."""
    return any(r.type in WEAK_TYPES for r in reasons)


def decide(a_text: str, b_text: str, event: EventMatch, reasons: tuple[Reason, ...], *, cosine: float,
           mode: str = "pair", nli=None, disagree: float | None = None, slots=None,
           same_outlet: bool = False) -> Judgement:
    """The verdict of a same-event pair from its believable reasons and the optional signals;
    a conflict's tier from both sentences' ``slots`` (read from the texts when not given)."""
    if disagree is not None and disagree < DISAGREE_MIN:
        reasons = tuple(r for r in reasons if r.type not in WEAK_TYPES)
    if nli is not None:
        reasons = _with_nli(nli, a_text, b_text, reasons)
    if reasons:
        slots_a, slots_b = slots or (extract_slots(a_text), extract_slots(b_text))
        kind, ordered = tiers.tier(_dedupe(reasons), slots_a, slots_b, mode=mode, same_outlet=same_outlet,
                                   disagree=disagree)
        return Judgement("conflict", cosine, ordered, event, disagree, kind)
    verdict = "agree" if cosine >= MODES[mode]["agree_min"] else "unrelated"
    return Judgement(verdict, cosine, (), event, disagree)


def _with_nli(nli, a: str, b: str, reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    """Drop slot reasons the model is sure are entailed; add one it is sure contradicts."""
    scores = nli.scores([(a, b)])[0]
    if reasons and scores.entailment >= NLI_SURE:
        return ()
    if not reasons and scores.contradiction >= NLI_SURE:
        return (Reason("contradiction", a, b),)
    return reasons


def _dedupe(reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    seen, kept = set(), []
    for reason in reasons:
        key = (reason.type, reason.claim, reason.evidence)
        if key not in seen:
            seen.add(key)
            kept.append(reason)
    return tuple(kept)
