"""What a claim in English, French or Russian shares with an Arabic report when the Arabic
named-entity reader misses the names, and the bars a report about the claim's own fact meets.

The sentences are written for these tests (not taken from any corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

from service.claims.numbers import counted_nouns_matched_by
from service.claims.polarity import is_negated
from service.claims.slots import extract_slots
from service.claims.transliterate import named_across
from service.judge.reasons import slot_reasons
from service.models import Evidence, SentenceRecord
from service.retrieval.check import split_by_verdict
from service.retrieval.relevance import relevance, shared_anchors

DAY = dt.date(2015, 7, 22)
SIGNING = "تعاقد نادي الاتحاد مع حارس مرمى الوحدة عساف القرني لمدة 3 أعوام."
LEGEND = "طمأن لاعب النصر السابق ماجد عبدالله محبيه، مؤكدا أنه لم يجر أي فحوصات طبية."
CLUB = "اعتمد النادي الأهلي الأستاذ مساعد الزويهري رئيساً للنادي خلفاً لرئيس النادي المستقيل الأمير فهد بن خالد."


@pytest.mark.parametrize("name, text", [
    ("Al-Ittihad", SIGNING), ("Al-Wehda", SIGNING), ("Assaf al-Qarni", SIGNING), ("Ассаф аль-Карни", SIGNING),
    ("Former Al-Nassr", LEGEND), ("Majed Abdullah", LEGEND), ("Маджед Абдулла", LEGEND),
    ("Fahd bin Khalid", CLUB), ("Musaed al-Zuwaihri", CLUB),
])
def test_a_name_is_found_in_a_text_of_another_script(name, text):
    assert named_across(name, text)


@pytest.mark.parametrize("name, text", [
    ("Al-Hilal", SIGNING), ("Yasser al-Qahtani", SIGNING), ("Leicester City", LEGEND), ("Premier League", CLUB),
])
def test_another_name_is_not_found(name, text):
    assert not named_across(name, text)


def test_telling_two_people_apart_asks_for_every_word_of_the_name():
    assert named_across("Turki bin Khalid", CLUB)                     # half its words: "Khalid"
    assert not named_across("Turki bin Khalid", CLUB, every=True)     # but «فهد بن خالد» is not Turki


def test_the_report_shares_the_names_its_entity_reader_missed():
    claim = extract_slots("Al-Ittihad signed Al-Wehda goalkeeper Assaf al-Qarni on a five-year deal.")
    shared, missing = shared_anchors(claim, extract_slots(SIGNING, DAY, "ar"))
    assert {"Al-Ittihad", "Assaf al-Qarni"} <= set(shared), (shared, missing)


def test_a_name_in_the_same_script_is_left_to_the_entity_reader():
    claim = extract_slots("تعاقد نادي الهلال مع الحارس ياسر القحطاني.", DAY, "ar")
    shared, _ = shared_anchors(claim, extract_slots(SIGNING, DAY, "ar"))
    assert shared == []


@pytest.mark.parametrize("text, negated", [
    ("He said he has had no health problems and has not undergone any medical tests.", True),
    ("He neither confirmed nor denied the report.", True),
    ("The minister did not deny the report.", False),
    ("لم ينف الوزير التقرير.", False),
    ("Au moins 18 personnes, dont des femmes, ont péri.", False),           # "dont": of which
    ("I don't know.", True),
    ("وأصيب ما لا يقل عن 11 شخصا.", False),                                  # "no less than": at least
    ("ولم يبق سوى الإجراءات النظامية.", False),                               # "only ... remains"
])
def test_negations_far_apart_do_not_cancel_out(text, negated):
    assert is_negated(text) is negated


def _item(claim: str, report: str, cosine: float, best: float) -> Evidence:
    record = SentenceRecord(1, report, "a1", "outlet", DAY, "ar", 0, len(report))
    found = relevance(cosine, best, extract_slots(claim), extract_slots(report, DAY, "ar"))
    return Evidence(record=record, score=cosine, probability=found.probability, relevance=found)


CLAIM = "Former Al-Nassr star Majed Abdullah told fans he had undergone medical tests."


def test_a_negation_against_the_claim_s_own_report_is_believed_at_a_lower_cosine():
    _, conflicting = split_by_verdict(None, CLAIM, None, [_item(CLAIM, LEGEND, 0.46, 0.46)])
    assert [r.type for r in conflicting[0].reasons] == ["negation"]


def test_the_lower_bar_is_only_for_the_best_matches():
    best = _item(CLAIM, "أعلن نادي النصر عن مباراة ودية لقدامى اللاعبين بحضور ماجد عبدالله.", 0.60, 0.60)
    supporting, conflicting = split_by_verdict(None, CLAIM, None, [best, _item(CLAIM, LEGEND, 0.46, 0.60)])
    assert conflicting == []


def test_a_report_that_names_nothing_of_the_claim_keeps_the_usual_bar():
    other = "طمأن اللاعب محبيه، مؤكدا أنه لم يجر أي فحوصات طبية."
    assert split_by_verdict(None, CLAIM, None, [_item(CLAIM, other, 0.46, 0.46)])[1] == []


HOMES = "أشعل المسلحون النار في أكثر من 300 منزل بقرية كامونا."


def test_counted_nouns_outside_the_lexicon_meet_only_where_a_matcher_says_so():
    claim = extract_slots("Gunmen torched about 30 homes in Kamouna.")
    report = extract_slots(HOMES, DAY, "ar")
    assert not [r for r in slot_reasons(claim, report) if r.type == "number"]
    with counted_nouns_matched_by(lambda a, b: {a, b} == {"homes", "منزل"}):
        assert [(r.claim, r.evidence) for r in slot_reasons(claim, report) if r.type == "number"] == \
            [("30 homes", "300 منزل")]


MARKET = "أغلق مؤشر السوق اليوم منخفضاً 71.08 نقطة عند مستوى 9301.66 نقطة."


def test_a_market_that_closed_higher_against_one_that_closed_down():
    from service.judge.verdict import Side, judge

    result = judge(Side("The index closed 71.08 points higher at 9,301.66."), Side(MARKET, DAY, "ar"),
                   cosine=0.7, mode="check")
    assert result.verdict == "conflict" and "antonym" in {r.type for r in result.reasons}, result.reasons


def test_a_figure_s_noun_is_encoded_as_the_text_writes_it():
    from service.retrieval.counted_nouns import written_nouns

    figures = extract_slots("Le Conseil a adopté 92 résolutions en 28 séances.").quantities
    assert written_nouns(figures) == {q.unit: w for q, w in zip(figures, ["résolutions", "séances"])}


def test_bin_is_not_a_name_word_two_people_share():
    from service.claims.transliterate import shares_name_word

    assert not shares_name_word("Khalid bin Abdullah", "فهد بن خالد", frozenset({"hld"}))
    assert shares_name_word("Fahd bin Khalid", "فهد بن خالد")


def test_another_person_in_the_club_s_presidency():
    from service.judge.claim_reasons import person_reasons

    claim = extract_slots("Al-Ahli confirmed Prince Khalid bin Abdullah as club president, succeeding Prince "
                          "Fahd bin Khalid who resigned.")
    found = person_reasons(claim, extract_slots(CLUB, DAY, "ar"))
    assert [(r.claim, r.evidence) for r in found] == [("Khalid bin Abdullah", "مساعد الزويهري")]
    faithful = extract_slots("Al-Ahli named Musaed al-Zuwaihri club president, succeeding Prince Fahd bin Khalid.")
    assert person_reasons(faithful, extract_slots(CLUB, DAY, "ar")) == []


@pytest.mark.parametrize("claim", [
    "Majed Abdallah, ancienne star d'Al-Nassr, a reconnu avoir passé des examens médicaux.",
    "Маджед Абдулла, бывший игрок «Ан-Насра», сообщил, что проходил медицинское обследование.",
])
def test_the_lower_negation_bar_in_french_and_russian(claim):
    _, conflicting = split_by_verdict(None, claim, None, [_item(claim, LEGEND, 0.46, 0.46)])
    assert [r.type for r in conflicting[0].reasons] == ["negation"]
