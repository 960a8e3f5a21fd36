"""Negation, hedges and antonyms (service.claims.polarity) in Arabic, English,
French and Russian, on seed sentences and made-up ones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.claims.polarity import antonym_pairs, hedges, is_negated, negation_cues

ZENKI = ("لكن في المقابل، أكد \"بسام حجي مصطفى\" عضو المكتب السياسي لحركة \"نور الدين الزنكي\" في تصريح خاص "
         "لـ\"أورينت نت\" بأن الحركة لم تشارك بأي لقاء مع ممثلين روس في أنقرة لمناقشة مؤتمر الاستانة.")
PENTAGON = ("وقال المتحدث باسم البنتاجون ميشيل بالدانتسا فى تصريح لوكالة «انترفاكس»، «نحن لا ننسق مع الروس، "
            "ولا نتعاون، ولا نتبادل المعلومات الاستخباراتية، كما أنه لا توجد اتفاقية لفعل ذلك».")
ARMY = ("فيما أعلن الجيش السوري في بيان له وقفاً شاملاً للعمليات القتالية على جميع أراضي البلاد بدءاً من منتصف "
        "ليل الخميس-الجمعة، على أن يستثني تنظيمي داعش و\"جبهة فتح الشام\" أي جبهة النصرة سابقا")
COALITION = ("وأوضح المتحدث باسم الائتلاف السوري المعارض أن الإتفاق يسري على \"جميع المناطق التي تتواجد فيها "
             "المعارضة المعتدلة أو تلك التي تضم المعارضة المعتدلة مع عناصر فتح الشام على غرار إدلب\"")


@pytest.mark.parametrize("text", [
    ZENKI,
    PENTAGON,  # four coordinated negations: each clause is negated
    "ولا تشارك الولايات المتحدة في المساعي الدبلوماسية الأخيرة.",
    "لن تستطيع إعادة تأهيل النظام بالخداع",
    "طلب عدم نشر اسمه",
    "نفت وزارة الدفاع الأمريكية وجود تعاون",
    "وما شارك أحد في الاجتماع",
    "The opposition did not attend the talks.",
    "The opposition didn't attend the talks.",
    "Russia never signed the document.",
    "The ministry denied that troops were withdrawn.",
    "The rebels refused to sign the truce.",
    "No agreement was reached.",
    "L'opposition n'a pas participé aux pourparlers.",
    "Il ne participe plus aux négociations.",
    "La Turquie a démenti tout accord.",
    "Оппозиция не примет участие в переговорах.",
    "Никто не пришел.",  # negative concord counts once
    "Москва отрицает свое участие.",
])
def test_negated(text):
    assert is_negated(text)
    for cue in negation_cues(text):
        assert text[cue.start:cue.end] == cue.text and cue.kind == "negation"


@pytest.mark.parametrize("text", [
    "قررت جماعات المعارضة السورية حضور محادثات السلام التي تدعمها روسيا وتركيا في قازاخستان",
    "لا يزال الوضع متوترا ولا سيما في حلب",  # "still", "especially"
    "غير أن المعارضة حضرت المحادثات",  # "however"
    "سنواصل بلا شك مكافحة الإرهاب",
    "وما كان مقدمة للإعلان عن وقف إطلاق النار",  # ما is "what" here
    "أقوى مما كان عليه في أي مرحلة",
    "لم ينف المتحدث حضور الوفد",  # double negation
    "وبعدما انتهت المحادثات عاد الوفد إلى الرياض",  # بعدما ("after") holds the letters of عدم
    "The opposition attended the talks.",
    "He did not deny it.",
    "Not only Russia but also Turkey backed the deal.",
    "There is no doubt the truce holds.",
    "Non seulement la Russie mais aussi la Turquie soutiennent l'accord.",
    "Il y a plus de 50 délégués.",
    "Не только Россия, но и Турция поддержали соглашение.",
    "non-state actors joined the talks",
    # "not the first time" asserts that it happened again: no claim is denied
    "وهذه ليست المرة الأولى التي يتم التوصل فيها إلى اتفاق لوقف شامل لإطلاق النار في سورية.",
    "This is not the first time a nationwide truce was agreed.",
])
def test_not_negated(text):
    assert not is_negated(text), negation_cues(text)


def test_quoted_negations_are_marked():
    cues = negation_cues(PENTAGON)
    assert len(cues) == 4 and all(c.quoted for c in cues)
    assert not negation_cues(ZENKI)[0].quoted


@pytest.mark.parametrize("text, cue", [
    ("وفي السياق، كشفت صحيفة \"الحياة\" اللندنية عن وجود اتفاق محتمل بين موسكو وأنقرة", "محتمل"),
    ("قد يكون الاتفاق انهار", "قد"),
    ("ربما تبدأ المحادثات غدا", "ربما"),
    ("يُعتقد أن الوفد وصل", "يُعتقد"),
    ("ميدانياً، بدأ الهجوم يؤتى ثماره، بحسب مصادر بارزة فى المعارضة", "بحسب"),
    ("The ceasefire reportedly collapsed.", "reportedly"),
    ("According to unconfirmed reports, the talks failed.", "unconfirmed"),
    ("L'armée aurait repris la ville, selon l'OSDH.", "aurait"),
    ("Армия якобы отступила.", "якобы"),
    ("По данным источников, переговоры сорваны.", "По данным"),
])
def test_hedges(text, cue):
    found = hedges(text)
    assert cue in [c.text for c in found]
    for c in found:
        assert text[c.start:c.end] == c.text and c.kind == "hedge"


def test_qad_before_a_past_verb_is_not_a_hedge():
    assert not hedges("وكان الرائد قد رفض قبل أيام أي هدنة")
    assert not hedges("لقد شاركت المعارضة")


def kinds(a: str, b: str) -> list[str]:
    hits = antonym_pairs(a, b)
    for hit in hits:
        assert a[hit.a_span[0]:hit.a_span[1]] == hit.a_cue and b[hit.b_span[0]:hit.b_span[1]] == hit.b_cue
    return [h.kind for h in hits]


@pytest.mark.parametrize("a, b, kind", [
    ("أعلن الرئيس بوتين \"خفض\" الوجود العسكري لبلاده في سورية", "Putin announced an increase in the Russian military presence.",
     "direction"),
    ("Moscow will cut its forces in Syria.", "Москва увеличит свои силы в Сирии.", "direction"),
    ("La Russie va réduire sa présence.", "روسيا ستزيد وجودها العسكري", "direction"),
    (ARMY, COALITION, "scope"),  # يستثني vs تضم: dev pair K4
    ("The truce includes Idlib.", "La trêve exclut Idleb.", "scope"),
    ("Соглашение включает Идлиб.", "الاتفاق يستثني إدلب", "scope"),
    ("من جهته، أعلن الائتلاف السوري المعارض دعمه لاتفاق وقف إطلاق النار", "The Syrian National Coalition rejected the ceasefire.",
     "stance"),
    ("Turkey supports the plan.", "La Turquie s'oppose au plan.", "stance"),
    ("قررت جماعات المعارضة السورية حضور محادثات السلام", "The opposition will boycott the talks.", "participation"),
    ("المعارضة ستشارك في المحادثات", "المعارضة ستقاطع المحادثات", "participation"),
    ("L'opposition participera aux pourparlers.", "Оппозиция бойкотирует переговоры.", "participation"),
    ("The groups signed the ceasefire.", "The groups refused to sign the ceasefire.", "signing"),
    ("واتفقت تركيا وروسيا الخميس على خطة لوقف لإطلاق النار", "Turkey and Russia disagree on the plan.", "agreement"),
    ("The truce is holding.", "The truce collapsed.", "state"),
    ("الهدنة صامدة", "انهيار الهدنة", "state"),
    ("L'armée a avancé vers Alep.", "Армия отступила от Алеппо.", "military"),
    ("The government won the battle for Aleppo.", "تعرضت الحكومة لهزيمة كبيرة في حلب", "outcome"),
    ("The ministry confirmed the meeting.", "نفت الوزارة عقد الاجتماع", "assertion"),
])
def test_antonym_pairs(a, b, kind):
    assert kind in kinds(a, b)
    assert kind in kinds(b, a)


@pytest.mark.parametrize("a, b", [
    ("The opposition attended the talks.", "The opposition did not boycott the talks."),
    ("The opposition did not attend the talks.", "The opposition boycotted the talks."),
    ("Putin said Russia will reduce its military presence in Syria.",
     "وتابع بوتين \"أنا أؤيد اقتراح وزارة الدفاع بخفض وجودنا العسكري في سورية\""),
    ("قررت جماعات المعارضة السورية حضور محادثات السلام", "Оппозиция примет участие в переговорах в Казахстане."),
    ("The truce includes Idlib but excludes Raqqa.", "The truce excludes Raqqa but includes Idlib."),
    ("وهذه أول مرة ترعى فيها تركيا اتفاقا مماثلا", "Le cessez-le-feu a été négocié par la Russie et la Turquie."),
])
def test_no_antonym_conflict(a, b):
    assert kinds(a, b) == []


def test_negation_on_both_sides_keeps_the_conflict():
    (hit,) = antonym_pairs("The opposition did not attend the talks.", "The opposition did not boycott the talks.")
    assert hit.kind == "participation" and hit.a_negated and hit.b_negated
    assert hit.a_pole == "attend" and hit.b_pole == "boycott"


def test_refusal_is_reported_where_negation_is_left_to_is_negated():
    (hit,) = antonym_pairs("رفضت الفصائل التوقيع على الاتفاق", "وقعت الفصائل على الاتفاق")
    assert hit.kind == "signing" and hit.a_negated and not hit.b_negated
    # plain negation of the same word: is_negated tells the two apart, not antonym_pairs
    assert kinds("The opposition did not attend the talks.", "The opposition attended the talks.") == []


def test_refusal_flips_the_pole():
    # "رفضت المشاركة" refuses to take part: it agrees with a boycott
    assert kinds("رفضت المعارضة المشاركة في المحادثات", "The opposition boycotted the talks.") == []


ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
WORDS = st.sampled_from(["لم", "لا", "يزال", "ما", "شارك", "قد", "يكون", "not", "only", "ne", "pas", "plus", "не",
                         "только", "attend", "boycott", "خفض", "زيادة", "\"", "«", "»", "،", "ـ", "\u064e", "İ"])


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(ALPHABET, max_size=80), st.lists(WORDS, max_size=20).map(" ".join)),
       st.lists(WORDS, max_size=12).map(" ".join))
def test_never_crashes_and_spans_hold(a, b):
    for cue in negation_cues(a) + hedges(a):
        assert a[cue.start:cue.end] == cue.text
    assert is_negated(a) in (True, False)
    for hit in antonym_pairs(a, b):
        assert a[hit.a_span[0]:hit.a_span[1]] == hit.a_cue
        assert b[hit.b_span[0]:hit.b_span[1]] == hit.b_cue
