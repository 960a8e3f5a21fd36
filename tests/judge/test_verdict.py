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


# Pair mode at scale: two reports with different figures of one unit are mostly two facts.
# Sentences after SaudiNewsNet (July 2015), shortened.
D_0721, D_0722, D_0724 = dt.date(2015, 7, 21), dt.date(2015, 7, 22), dt.date(2015, 7, 24)


def _pair(a: str, b: str, cosine: float, a_date=D_0721, b_date=D_0721):
    return judge(Side(a, a_date, "ar"), Side(b, b_date, "ar"), cosine=cosine, mode="pair")


def test_a_figure_with_its_counterpart_on_the_other_side_is_not_a_conflict():
    a = "بلغ عدد أجهزة الصرف الآلي في المملكة 16312 جهازًا بزيادة 113 جهازًا مقارنة بشهر أبريل."
    b = "بلغ عدد أجهزة الصرف الآلي في المملكة 16312 جهازًا بنهاية الشهر."
    assert _pair(a, b, 0.76).verdict != "conflict"
    assert _pair(a, b.replace("16312", "18500"), 0.76).verdict == "conflict"     # no counterpart: a conflict


def test_different_figures_in_two_different_facts_are_not_a_conflict():
    a = "وقال المسؤولون إن اليونان تدفع 4.2 مليار يورو من أصل الدين للبنك المركزي الأوروبي."
    b = "وأضاف المسؤول إن من بين الخيارات الأخرى دفع نحو 3.4 مليار يورو في شكل أرباح من حيازات البنك المركزي."
    assert _pair(a, b, 0.62).verdict != "conflict"


def test_lists_of_figures_are_not_paired_up():
    a = "مستشفى جدة بسعة 400 سرير ومستشفى العيون بسعة 200 سرير ومستشفى الجموم بسعة 100 سرير."
    b = "مستشفى العيون 250 سريرا، ومستشفى الجموم 100 سرير، ومستشفى القنفذة 200 سرير."
    assert "number" not in {r.type for r in _pair(a, b, 0.91).reasons}


def test_figures_of_two_moments_are_not_a_conflict():
    a = "وشهدت تداولات اليوم ارتفاع أسهم 125 شركة في قيمتها."
    b = "وشهدت تداولات اليوم ارتفاع أسهم 35 شركة في قيمتها."
    assert _pair(a, b, 0.85, D_0722, D_0722).verdict == "conflict"           # the same day: they disagree
    assert _pair(a, b, 0.85, D_0722, D_0724).verdict != "conflict"           # two days' reports
    assert _pair(a, b, 0.85, D_0721, D_0722).verdict != "conflict"           # "today" is another day


def test_figures_typed_fraction_first_are_read_as_written():
    a = "وأرجعت الشركة الخسائر إلى انخفاض قيمة أصولها بمقدار 5ر7 مليار دولار."
    b = "وأرجعت الشركة الخسائر إلى انخفاض قيمة أصولها بمقدار 7.5 مليار دولار."
    assert _pair(a, b, 0.97).verdict == "agree"
    assert _pair("هبطت المبيعات 8.\u200f6 في المائة.", "هبطت المبيعات 6.8 بالمئة.", 0.9).verdict == "agree"


def test_a_negation_of_something_the_other_report_does_not_say_is_not_a_conflict():
    plain = "خرجت ورش العمل باستحداث المساجلات الشعرية تحت مظلة البرنامج الثقافي لسوق عكاظ."
    aside = "ولم ينتظر الثمر طويلاً إذ خرجت ورش العمل باستحداث المساجلات الشعرية تحت مظلة البرنامج الثقافي لسوق عكاظ."
    assert "negation" not in {r.type for r in _pair(plain, aside, 0.97).reasons}
    denied = "لم تخرج ورش العمل باستحداث المساجلات الشعرية تحت مظلة البرنامج الثقافي لسوق عكاظ."
    assert "negation" in {r.type for r in judge(Side(plain, D_0721, "ar"), Side(denied, D_0721, "ar"),
                                                cosine=0.97, mode="pair", disagree=0.9).reasons}


def test_the_same_person_named_differently_in_two_reports_is_not_an_entity_conflict():
    a = "أوضح وزير الخارجية عادل الجبير أن لقاء وزير خارجية مصر سامح شكري كان مثمرا."
    b = "أوضح وزير الخارجية الأستاذ عادل بن أحمد الجبير أن لقاء وزير خارجية مصر سامح شكري كان مثمرا."
    assert "entity" not in {r.type for r in _pair(a, b, 0.98).reasons}


def test_listed_dates_with_counterparts_are_not_a_conflict():
    a = "يلتقي الفريق مع تشيلسي في 28 يوليو ومع فيورنتينا في 2 أغسطس."
    b = "يلتقي الفريق مع تشيلسي في 28 يوليو ومع فيورنتينا."
    assert "date" not in {r.type for r in _pair(a, b, 0.8).reasons}
    assert "date" in {r.type for r in _pair(a, b.replace("28 يوليو", "30 يوليو"), 0.8).reasons}


def test_a_predicate_negated_on_both_sides_is_not_a_conflict():
    a = "أن اللجنة أعطت الملاك الفرصة لتصحيح أوضاع النزل خلال الشهر الماضي ولن ينظر في وضعها حتى تتوافر الاشتراطات"
    b = "وأكد الخريصي أن اللجنة أعطت الملاك الفرصة لتصحيح أوضاع النزل خلال الشهر الماضي، ولن ينظر في وضعها"
    assert "negation" not in {r.type for r in judge(Side(a, D_0721, "ar"), Side(b, D_0721, "ar"), cosine=0.9,
                                                    mode="pair", disagree=0.9).reasons}


def test_a_market_that_rose_one_day_and_fell_another_is_not_a_conflict():
    a = "وزاد مؤشر يوروفرست 300 لأسهم الشركات الأوروبية الكبرى في بداية التعاملات."
    b = "وانخفض مؤشر يوروفرست 300 لأسهم الشركات الأوروبية الكبرى في بداية التعاملات."
    same_day = judge(Side(a, D_0721, "ar"), Side(b, D_0721, "ar"), cosine=0.8, mode="pair", disagree=0.9)
    other_day = judge(Side(a, D_0721, "ar"), Side(b, D_0724, "ar"), cosine=0.8, mode="pair", disagree=0.9)
    assert same_day.verdict == "conflict" and other_day.verdict != "conflict"
    brent, wti = "كما زاد سعر خام برنت نحو 30 سنتا.", "وانخفضت العقود الآجلة للخام الأمريكي الخفيف 35 سنتا."
    assert judge(Side(brent, D_0721, "ar"), Side(wti, D_0721, "ar"), cosine=0.6, mode="pair",
                 disagree=0.9).verdict != "conflict"                                  # two different things
