"""A conflict the same-fact gate does not believe: the report stays listed, without the reasons."""

from __future__ import annotations

import datetime as dt

from service.claims.slots import extract_slots
from service.models import Evidence, SentenceRecord
from service.retrieval.check import split_by_verdict
from service.retrieval.relevance import relevance

DAY = dt.date(2016, 2, 10)


def _evidence(claim: str, report: str, cosine: float) -> Evidence:
    record = SentenceRecord(1, report, "a1", "outlet", DAY, "ar", 0, len(report))
    found = relevance(cosine, cosine, extract_slots(claim), extract_slots(report, DAY, "ar"))
    return Evidence(record=record, score=cosine, probability=found.probability, relevance=found)


def test_a_conflict_about_another_fact_is_listed_as_a_related_report_not_dropped():
    claim = "Kerry and Lavrov met in Geneva and said 30 people died in Aleppo."
    item = _evidence(claim, "قتل 40 شخصا في حمص.", 0.6)
    supporting, conflicting = split_by_verdict(None, claim, None, [item])
    assert conflicting == [] and [e.record.sentence_id for e in supporting] == [1]
    assert supporting[0].reasons == ()


def test_a_conflict_about_the_claim_s_fact_stays_a_conflict():
    claim = "Kerry and Lavrov said 30 people died in Aleppo."
    item = _evidence(claim, "قال كيري ولافروف إن 40 شخصا قتلوا في حلب.", 0.6)
    supporting, conflicting = split_by_verdict(None, claim, None, [item])
    assert supporting == [] and [r.type for r in conflicting[0].reasons] == ["number"]
