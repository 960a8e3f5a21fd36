"""What a figure belongs to: two instances of one template are two facts, not a conflict.

Each shape is one the blind audit of fresh SaudiNewsNet days found confirmed
by mistake (benchmarks/labels/saudinewsnet-fresh-0802-0804-confirmed.jsonl).
"""

from __future__ import annotations

import datetime as dt

from service.claims.slots import extract_slots
from service.judge.referents import delivery_months, lower_bounded, numbered_referents, session_marks
from service.judge.verdict import Side, judge

DAY = dt.date(2015, 8, 3)


def _pair(a: str, b: str, *, a_day=DAY, b_day=DAY):
    return judge(Side(a, a_day, "ar", "okaz"), Side(b, b_day, "ar", "alyaum"), cosine=0.9, mode="pair")


def test_numbered_items_are_read_with_their_label():
    assert numbered_referents("أما الفرق من المركز الـ 6 وحتى الـ 10 فتغرم") == {"rank:6-10"}
    assert numbered_referents("والفرق من المركز الـ11 وحتى الـ14") == {"rank:11-14"}
    assert numbered_referents("تنفيذ القرار 2216 الصادر عن مجلس الأمن") == {"resolution:2216"}
    assert numbered_referents("the second leg of round 3") == {"round:3"}
    assert numbered_referents("قتل 40 شخصا في الهجوم") == frozenset()


def test_two_rows_of_one_ranking_table_are_two_facts():
    a = "وتمنع الفرق من المركز الـ 6 وحتى الـ 10 من التعاقد في حال تجاوزت ديونها 25 مليون ريال"
    b = "وتمنع الفرق من المركز الـ11 وحتى الـ14 من التعاقد في حال تجاوزت ديونها 15 مليون ريال"
    assert _pair(a, b).tier != "confirmed"


def test_a_delivery_month_is_a_contract_not_a_date():
    a = "وارتفعت الفضة في العقود الآجلة تسليم سبتمبر 0.2 بالمئة إلى 14.6 دولار للأوقية"
    b = "وارتفعت الفضة في العقود الآجلة لتسليم ديسمبر كانون الأول 0.2 بالمئة إلى 14.6 دولار للأوقية"
    assert delivery_months(extract_slots(a)) == {9} and delivery_months(extract_slots(b)) == {12}
    assert delivery_months(extract_slots("أعلنت الشركة نتائجها في سبتمبر")) == frozenset()
    assert _pair(a, b).tier != "confirmed"


def test_a_settlement_price_against_one_during_the_session_is_not_confirmed():
    a = "وخسر خام برنت عند التسوية 1.20 دولار ليسجل 49.52 دولار للبرميل"
    b = "وخسر خام برنت 0.90 دولار ليسجل 49.82 دولار للبرميل"
    assert session_marks(a) == {"settlement"} and session_marks(b) == frozenset()
    assert _pair(a, b).tier != "confirmed"


def test_a_floor_the_other_figure_meets_is_an_update():
    low = "قال الدفاع المدني إن 9 أشخاص على الأقل قتلوا عندما انهار مبنى سكني في وسط المدينة اليوم"
    high = "قال الدفاع المدني إن 23 شخصا قتلوا عندما انهار مبنى سكني في وسط المدينة اليوم"
    assert lower_bounded(low, "9 أشخاص") and not lower_bounded(high, "23 شخصا")
    assert lower_bounded("قتل أكثر من 50 شخصا", "50 شخصا")
    assert _pair(low, high).tier != "confirmed"
    # Above the floor is consistent; below it is not.
    below = high.replace("23 شخصا", "5 أشخاص")
    assert _pair(low, below).tier == "confirmed"


def test_a_date_of_two_publication_days_is_not_confirmed():
    a = "وتبدأ المرحلة الأولى من التسجيل في 15 سبتمبر المقبل بحسب بيان الوزارة"
    b = "وتبدأ المرحلة الأولى من التسجيل في 18 سبتمبر المقبل بحسب بيان الوزارة"
    assert _pair(a, b).tier == "confirmed"
    assert _pair(a, b, b_day=DAY + dt.timedelta(days=1)).tier != "confirmed"


def test_the_same_figures_paired_the_wrong_way_are_not_a_conflict():
    from service.judge.tiers import figures_swapped
    from service.models import Reason

    a = "وقدم البنك (58.047) قرضا بقيمة فاقت (3.462) مليار ريال منها (22.375) قرض زواج"
    b = "وقدم البنك (58047) قرضا بقيمة فاقت الـ(3.462)مليار ريال منها (22375) قرض زواج"
    assert figures_swapped(a, b, Reason("number", "(3.462) مليار", "(22375) قرض"))
    assert not figures_swapped(a, b.replace("22375", "22735"), Reason("number", "(22.375) قرض", "(22735) قرض"))


def test_a_date_must_sit_among_the_same_words_on_both_sides():
    from service.judge.tiers import same_anchor
    from service.models import Reason

    long = ("وتراجعت أسعار الوقود 4.1 في المائة بوتيرة أسرع من أيار (مايو)، وارتفعت أسعار الخضراوات "
            "2.2 في المائة نزولا من 2.7 في المائة في الشهر السابق")
    short = "وارتفعت أسعار الخضراوات 2.2 بالمئة في يونيو نزولا من 2.7 بالمئة في الشهر السابق"
    two_clauses = Reason("date", "أيار (مايو)", "يونيو")
    assert not same_anchor(long, short, two_clauses)
    assert _pair(long, short).tier != "confirmed"
    told_twice = Reason("date", "15 مارس", "18 مارس")
    assert same_anchor("ويعقد المؤتمر في 15 مارس بالرياض", "ويعقد المؤتمر في 18 مارس بالرياض", told_twice)


def test_a_figure_the_other_side_also_writes_was_paired_wrongly():
    from service.judge.tiers import figures_swapped
    from service.models import Reason

    a = "ووصل الرد بعد 12 ساعة من الطلب على أن يوقع العقد في غضون 72، والعرض ساري حتى اليوم"
    b = "على أن يوقع العقد في غضون 72 ساعة والعرض ساري حتى اليوم"
    assert figures_swapped(a, b, Reason("number", "12 ساعة", "72 ساعة"))
    # A figure naming an item ("الدورة 36") is not the count written again.
    assert not figures_swapped("تخرج 63 من الدورة 36", "تخرج 36 من الدورة 36", Reason("number", "63", "36"))


def test_the_other_side_of_a_contrast_is_another_instance():
    from service.judge.referents import other_side_of_a_contrast

    a = "وعلى صعيد العمليات الدولية سجلت إيرادات الشركات التابعة نموا بنسبة 6.4% مقارنة بالفترة نفسها"
    b = "وعلى صعيد العمليات المحلية سجلت إيرادات الشركة نموا بنسبة 9% مقارنة بالفترة نفسها"
    assert other_side_of_a_contrast(a, b)
    assert not other_side_of_a_contrast(a, a.replace("الدولية", "الدولية والمحلية"))
    assert other_side_of_a_contrast("exports rose 4%", "imports rose 6%")
    assert _pair(a, b).tier != "confirmed"
