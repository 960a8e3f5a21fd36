"""The pair judge on real seed sentences and on claims in other languages."""

from __future__ import annotations

import datetime as dt

import pytest

from service.judge.verdict import Side, judge
from tests.conftest import SEEDS

D_0229 = dt.date(2016, 12, 29)


def seed_sentence(fragment: str) -> str:
    """The seed line holding ``fragment`` (one line = one paragraph in the seeds)."""
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if fragment in line:
                return line.strip()
    raise AssertionError(fragment)


@pytest.mark.parametrize("claim, fragment, cosine, kind", [
    ("Groups representing 52,000 fighters signed the ceasefire.", "62 ألف مقاتل", 0.42, "number"),
    ("Five documents were signed.", "تم توقيع ثلاث وثائق", 0.22, "number"),
    ("Russian air strikes in support of Damascus began in March 2014.", "أيلول/سبتمبر 2015", 0.44, "date"),
    ("Stanislav Hajimohammedov will represent the Russian foreign ministry in Astana.",
     "ستانيسلاف حاجي محمدوف", 0.39, "role"),
])
def test_claims_that_change_one_slot_conflict_with_a_typed_reason(claim, fragment, cosine, kind):
    result = judge(Side(claim), Side(seed_sentence(fragment), D_0229, "ar"), cosine=cosine, mode="check")
    assert result.verdict == "conflict"
    assert kind in {r.type for r in result.reasons}


@pytest.mark.parametrize("claim, fragment, cosine", [
    ("Shoigu said groups representing 62 thousand armed fighters signed the truce.", "62 ألف مقاتل", 0.53),
    ("Three documents were signed.", "تم توقيع ثلاث وثائق", 0.33),
    ("Russian air strikes in support of Damascus began in September 2015.", "أيلول/سبتمبر 2015", 0.57),
    ("Stanislav Hajimohammedov will represent the Russian defence ministry in Astana.",
     "ستانيسلاف حاجي محمدوف", 0.41),
    ("حركة نور الدين الزنكي لم تشارك في أي لقاء مع الروس في أنقرة", "لم تشارك بأي لقاء", 0.42),
])
def test_faithful_claims_agree(claim, fragment, cosine):
    result = judge(Side(claim), Side(seed_sentence(fragment), D_0229, "ar"), cosine=cosine, mode="check")
    assert result.verdict == "agree", result.reasons


def test_scope_dispute_between_army_and_coalition_is_flagged():
    army = seed_sentence("يستثني تنظيمي داعش")
    coalition = seed_sentence("مع عناصر فتح الشام على غرار إدلب")
    result = judge(Side(army, D_0229, "ar"), Side(coalition, D_0229, "ar"), cosine=0.40)
    assert result.verdict == "conflict" and "scope" in {r.type for r in result.reasons}


def test_different_events_are_not_contradictions():
    truce = seed_sentence("خمسة وسبعة أيام")
    talks = seed_sentence("لمدة يومين")
    result = judge(Side(truce, dt.date(2016, 8, 2), "ar"), Side(talks, dt.date(2017, 1, 22), "ar"), cosine=0.46)
    assert result.verdict != "conflict" and "days apart" in result.event.why


def test_counts_of_different_things_are_not_compared():
    fighters = seed_sentence("62 ألف مقاتل")
    delegation = seed_sentence("50 شخصًا")
    result = judge(Side(fighters, D_0229, "ar"), Side(delegation, dt.date(2017, 1, 22), "ar"), cosine=0.5)
    assert result.verdict != "conflict"


def test_unrelated_topics_are_unrelated():
    result = judge(Side("Real Madrid won the Champions League final."),
                   Side(seed_sentence("62 ألف مقاتل"), D_0229, "ar"), cosine=0.1)
    assert result.verdict == "unrelated" and not result.reasons


def test_the_classifier_must_lean_to_disagree_for_a_weak_reason():
    a = Side("الحركة لم تشارك في الاجتماع مع الروس في أنقرة")
    b = Side("الحركة شاركت في الاجتماع مع الروس في أنقرة")
    assert judge(a, b, cosine=0.8, disagree=0.9).verdict == "conflict"
    assert judge(a, b, cosine=0.8, disagree=0.1).verdict == "agree"
    numbers = Side("وقعت فصائل تمثل 62 ألف مقاتل"), Side("وقعت فصائل تمثل 52 ألف مقاتل")
    assert judge(*numbers, cosine=0.8, disagree=0.1).verdict == "conflict", "a number needs no vote"


def test_the_shipped_classifier_runs_on_arabic_pairs_only():
    import numpy as np

    from embeddings.encoders.registry import load_encoder
    from service.judge.learned import disagree_probabilities

    texts_a = ["الحركة لم تشارك في الاجتماع", "The movement took part in the meeting"]
    texts_b = ["الحركة شاركت في الاجتماع", "الحركة شاركت في الاجتماع"]
    encoder = load_encoder(None)
    va, vb = encoder.encode(texts_a), encoder.encode(texts_b)
    arabic, english = disagree_probabilities(texts_a, texts_b, va, vb, encoder.name)
    assert 0.0 <= arabic <= 1.0 and english is None
    assert disagree_probabilities(texts_a, texts_b, va, vb, "another-model") == [None, None]
    assert isinstance(np.float64(arabic), np.floating)
