"""The relevance probability and the same-fact gate, on sentences written for these tests."""

from __future__ import annotations

from service.claims.slots import extract_slots
from service.models import Reason
from service.retrieval.relevance import relevance, same_fact

CLAIM = "A truck hit a procession of 200 people in central Mexico, killing 16, authorities said."
TARGET = "صدمت شاحنة حشدا يضم 200 شخص في وسط المكسيك مما أوقع 16 قتيلا."
OTHER = "أسفر هجوم على قرية عن مقتل 30 شخصا على الأقل."


def _found(claim: str, report: str, cosine: float, best: float):
    return relevance(cosine, best, extract_slots(claim), extract_slots(report))


def test_the_counterpart_is_probable_and_says_what_it_shares():
    found = _found(CLAIM, TARGET, 0.7, 0.7)
    assert found.probability >= 0.5 and "200 people" in found.shared
    assert "shares" in found.why(0.7) and same_fact(found)


def test_another_killing_at_a_middling_cosine_is_improbable_and_not_the_same_fact():
    found = _found(CLAIM, OTHER, 0.5, 0.7)
    assert found.probability < 0.1 and not found.shared
    assert not same_fact(found, (Reason("number", "200 people", "30 شخصا"),))


def test_a_claim_whose_one_anchor_is_the_edited_figure_is_still_the_same_fact():
    found = _found("Groups representing 52,000 fighters signed the truce.", "وقعت فصائل تمثل 62 ألف مقاتل", 0.45, 0.45)
    assert found.contested == 1 and same_fact(found)


def test_what_a_conflict_is_about_counts_as_repeated():
    claim = "The commission closed 10 tourist facilities in the Jazan region for operating without a licence."
    found = _found(claim, "أغلقت الهيئة 10 منشآت سياحية بمنطقة تبوك لتشغيلها دون ترخيص.", 0.55, 0.55)
    assert same_fact(found, (Reason("entity", "Jazan", "تبوك"),))


def test_another_person_in_the_role_both_give_is_the_same_fact():
    claim = "Saudi Foreign Minister Saud al-Faisal said his country will not accept any interference."
    found = _found(claim, "قال وزير الخارجية عادل الجبير إن بلاده لن تقبل أي تدخل.", 0.65, 0.65)
    assert not found.shared and found.roles == 1
    assert same_fact(found, (Reason("entity", "Saud al-Faisal", "عادل الجبير"),))
    assert not same_fact(found, (Reason("negation", "(affirmed)", "لن"),))     # the role pins only a person


def test_a_place_told_otherwise_is_contested_like_a_figure():
    claim = "The commission closed 10 tourist facilities in the Jazan region."
    found = _found(claim, "أغلقت الهيئة 10 منشآت سياحية بمنطقة تبوك.", 0.45, 0.49)
    assert found.contested == 1 and same_fact(found)
    assert _found(claim, "أغلقت الهيئة 10 منشآت سياحية بمنطقة جازان.", 0.45, 0.49).contested == 0


def test_a_report_giving_every_figure_otherwise_is_another_instance_not_the_claim_s_fact():
    import datetime as dt

    from service.claims.slots import extract_slots
    from service.retrieval.relevance import relevance, same_fact

    day = dt.date(2015, 7, 22)
    claim = extract_slots("The Saudi index closed 71.08 points lower at 9,301.66, on trading of 5 billion riyals.")
    other_day = extract_slots("أغلق مؤشر السوق السعودية منخفضا 9.12 نقطة عند 9098.27 نقطة بتداولات 4.1 مليار ريال.", day, "ar")
    edited = extract_slots("أغلق مؤشر السوق السعودية منخفضا 9.12 نقطة عند 9301.66 نقطة بتداولات 5 مليارات ريال.", day, "ar")
    assert not same_fact(relevance(0.6, 0.6, claim, other_day))
    assert same_fact(relevance(0.6, 0.6, claim, edited))
