"""Confirmed or possible: a reason between two reports is confirmed only for one fact restated."""

from __future__ import annotations

import datetime as dt

from service.claims.slots import extract_slots
from service.judge.tiers import (
    changed_words,
    moving_figures,
    ordinals,
    same_figure_written_otherwise,
    tier,
    times_of_day,
)
from service.judge.verdict import Side, judge

DAY, NEXT = dt.date(2015, 7, 21), dt.date(2015, 7, 22)
WIRE = "قالت وزارة الداخلية إن {n} شخصا قتلوا في هجوم استهدف سوقا شعبية في مدينة ميدوغوري صباح اليوم"


def _pair(a: str, b: str, *, a_outlet="okaz", b_outlet="alyaum", a_day=DAY, b_day=DAY, cosine=0.9):
    return judge(Side(a, a_day, "ar", a_outlet), Side(b, b_day, "ar", b_outlet), cosine=cosine, mode="pair")


def test_one_wire_sentence_with_another_figure_in_two_outlets_is_confirmed():
    result = _pair(WIRE.format(n=13), WIRE.format(n=11))
    assert result.verdict == "conflict" and result.tier == "confirmed"
    assert result.reasons[0].type == "number"


def test_one_outlets_two_reports_are_an_update_not_a_confirmed_conflict():
    result = _pair(WIRE.format(n=13), WIRE.format(n=11), b_outlet="okaz")
    assert result.verdict == "conflict" and result.tier == "possible"


def test_figures_published_on_two_days_are_possible_only():
    undated = WIRE.replace(" صباح اليوم", "")          # "today" in both, on two days, is two days: no conflict
    assert _pair(undated.format(n=13), undated.format(n=11), b_day=NEXT).tier == "possible"
    assert _pair(WIRE.format(n=13), WIRE.format(n=11), b_day=NEXT).verdict != "conflict"


def test_two_instances_of_one_template_are_not_confirmed():
    a = "وأغلق مؤشر سوق دبي المالي مرتفعا 0.5% إلى 4143 نقطة بدعم من أسهم البنوك والعقار"
    b = "وأغلق مؤشر بورصة عمان متراجعا 0.2% إلى 2130 نقطة تحت ضغط أسهم التعدين والخدمات"
    result = _pair(a, b, cosine=0.8)
    assert result.tier != "confirmed"


def test_one_figure_written_two_ways_is_not_a_confirmed_conflict():
    assert same_figure_written_otherwise("9.599 تجمعا", "9599 تجمعا")
    assert same_figure_written_otherwise("363 ألف شخص", "363.378 شخصا")
    assert same_figure_written_otherwise("310.000.000.00 ريال", "310 ملايين ريال")
    assert same_figure_written_otherwise("٦٠.٠٠٠ متر", "60,000 متر")
    assert same_figure_written_otherwise("ثلاثة آلاف", "3000")       # a spelled-out side is never trusted to differ
    # the same digits, a stray separator and a multiplier word: 1.3407 billion
    assert same_figure_written_otherwise("(1.340.700.000) ريال", "1.340.7 مليار ريال")
    assert same_figure_written_otherwise("1.340.7 مليار ريال", "1.340.700.000 ريال")


def test_other_multipliers_of_one_figure_still_differ():
    assert not same_figure_written_otherwise("86 مليون يورو", "86 مليار يورو")
    assert not same_figure_written_otherwise("6.17 مليون ريال", "6.17 مليار ريال")
    assert not same_figure_written_otherwise("31 مليار ريال", "310 ملايين ريال")
    assert not same_figure_written_otherwise("30 منشأة", "33 منشأة")
    assert not same_figure_written_otherwise("1340700 ريال", "1.340.7 مليار ريال")   # a million is no billion


def test_referents_ordinals_and_times_of_day():
    assert ordinals("وصلت الدفعة الثانية من المساعدات") == {2}
    assert ordinals("the third shipment") == {3}
    assert times_of_day("بحلول الساعة 0723 بتوقيت جرينتش") == {"07:23"}
    assert times_of_day("at 14:27 GMT") == {"14:27"}


def test_another_ordinal_makes_another_fact():
    a = "وصلت الدفعة الثانية من المساعدات وتضم 40 شاحنة محملة بالأغذية والأدوية"
    b = "وصلت الدفعة الثالثة من المساعدات وتضم 25 شاحنة محملة بالأغذية والأدوية"
    result = _pair(a, b)
    assert result.verdict == "conflict" and result.tier == "possible"


def test_weak_kinds_between_two_reports_are_possible_only():
    from service.models import Reason

    a = extract_slots("لم يشارك الوفد في الاجتماع", DAY, "ar")
    b = extract_slots("شارك الوفد في الاجتماع", DAY, "ar")
    kind, _ = tier((Reason("negation", "لم", "(affirmed)"),), a, b, mode="pair", disagree=0.99)
    assert kind == "possible"
    kind, _ = tier((Reason("negation", "لم", "(affirmed)"),), a, b, mode="check", disagree=0.99)
    assert kind == "confirmed"


def test_changed_words_counts_the_side_that_changed_least_without_figures():
    assert changed_words("قتل 13 شخصا في الهجوم", "قتل 11 شخصا في الهجوم") == 0
    assert changed_words("ارتفع سهم سابك", "تراجع سهم موبايلي بقوة") >= 1


def test_the_classifier_decides_a_compared_pair_without_a_confirmed_reason():
    probabilities = {"agree": 0.1, "disagree": 0.8, "other": 0.1}
    result = judge(Side("ارتفاع أسعار النفط في الأسواق العالمية"), Side("انخفاض أسعار النفط في الأسواق العالمية"),
                   cosine=0.9, mode="pair", disagree=0.8, probabilities=probabilities)
    assert result.verdict == "conflict" and result.reasons        # never "agree", never unexplained
    leaning_agree = {"agree": 0.7, "disagree": 0.2, "other": 0.1}
    assert judge(Side("وصل الوفد إلى الرياض"), Side("الوفد يصل إلى العاصمة الرياض"), cosine=0.8, mode="pair",
                 disagree=0.2, probabilities=leaning_agree).verdict == "agree"
    unrelated = {"agree": 0.1, "disagree": 0.1, "other": 0.8}
    assert judge(Side("وصل الوفد إلى الرياض"), Side("فاز الهلال على النصر"), cosine=0.1, mode="pair",
                 probabilities=unrelated).verdict == "unrelated"


TABLE_TOP = "ويعاقب النادي المتأخر عن السداد من المركز 1 إلى 5 بغرامة قدرها 40 مليون ريال وفق اللائحة الجديدة"
TABLE_LOW = "ويعاقب النادي المتأخر عن السداد من المركز 11 إلى 14 بغرامة قدرها 15 مليون ريال وفق اللائحة الجديدة"


def test_two_rows_of_one_table_are_not_a_confirmed_conflict():
    from service.judge.tiers import other_figures_apart
    from service.models import Reason

    fine = (Reason("number", "40 مليون ريال", "15 مليون ريال"),)
    assert other_figures_apart(TABLE_TOP, TABLE_LOW, fine)
    assert _pair(TABLE_TOP, TABLE_LOW).tier != "confirmed"


def test_a_restated_fact_keeps_its_other_figures():
    from service.judge.tiers import other_figures_apart
    from service.models import Reason

    a = "وتخرج 63 مستفيدا من الدورة 36 منهم 39 من الرجال و24 من الشباب في مركز المناصحة"
    b = "وتخرج 36 مستفيدا من الدورة 36 منهم 39 من الرجال و24 من الشباب في مركز المناصحة"
    assert not other_figures_apart(a, b, (Reason("number", "63 مستفيدا", "36 مستفيدا"),))
    assert _pair(a, b).tier == "confirmed"



def test_a_move_told_as_an_adverb_is_a_moving_figure():
    # «سجل ... تراجعاً بنسبة 51 %»: two companies' half-year results, each a reading of a fall
    assert moving_figures("سجل صافي أرباح الشركة تراجعاً بنسبة 51 % في النصف الأول",
                          "سجل صافي أرباح الشركة الأخرى انخفاضا بنسبة 36 % في النصف الأول")
    assert not moving_figures("بلغ عدد الخريجين 63 خريجا", "بلغ عدد الخريجين 36 خريجا")
