"""English, French and Russian claims against Arabic reports: each kind of edit, per language pair.

The Arabic sentences are written for these tests (not taken from any corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

from service.judge.verdict import Side, judge

DAY = dt.date(2015, 7, 22)
OIL = "وقفز سعر الخام في عقود سبتمبر 39 سنتًا إلى 57.04 دولارًا للبرميل بعدما انخفض 45 سنتًا أمس."
JOBS = "تعتزم الشركة شطب 6500 وظيفة بهدف تخفيض الإنفاق بأربعة مليارات دولار."
STRIKES = "نفذت قوات التحالف أمس 41 ضربة جوية على مواقع التنظيم في سورية والعراق."
BANK = "حضر الاجتماع 18 عضواً يمثلون الدول الأعضاء الـ 56 بالبنك."
CLOSED = "أصدرت الهيئة قراراً بإغلاق 10 منشآت سياحية بمنطقة تبوك لمخالفتها الاشتراطات."
VISIT = "قال الرئيس الأميركي باراك أوباما في اليوم الأول من زيارته إلى كينيا إن أفريقيا تتقدم."
CRASH = "صدمت شاحنة حشدا في وسط المكسيك مما أوقع 16 قتيلا، كما أعلنت السلطات مساء الاربعاء."
DEATHS = "قتل 32 شخصا في التفجير الذي ضرب مدينة سوروج قرب الحدود السورية."


def verdict(claim: str, report: str, cosine: float = 0.6):
    return judge(Side(claim), Side(report, DAY, "ar"), cosine=cosine, mode="check")


@pytest.mark.parametrize("claim, report, kind", [
    ("Crude for September fell 39 cents to $57.04 a barrel.", OIL, "antonym"),
    ("Le brut pour septembre a perdu 39 cents, à 57,04 dollars le baril.", OIL, "antonym"),
    ("Нефть с поставкой в сентябре подешевела на 39 центов, до 57,04 доллара за баррель.", OIL, "antonym"),
    ("The company plans to create 6,500 new jobs.", JOBS, "antonym"),
    ("The coalition carried out 14 air strikes in Syria and Iraq yesterday.", STRIKES, "number"),
    ("La coalition a effectué hier 61 frappes aériennes en Syrie et en Irak.", STRIKES, "number"),
    ("Коалиция вчера нанесла 31 авиаудар по позициям в Сирии и Ираке.", STRIKES, "number"),
    ("Eighteen members attended, representing the bank's 65 member countries.", BANK, "number"),
    ("В заседании участвуют 18 членов, представляющих 57 стран.", BANK, "number"),
    ("The commission closed 10 tourist facilities in the Jazan region.", CLOSED, "entity"),
    ("La commission a fermé 10 établissements touristiques de la région d'Asir.", CLOSED, "entity"),
    ("Комиссия закрыла 10 туристических объектов в регионе Джизан.", CLOSED, "entity"),
    ("On the first day of his visit to Nigeria, US President Barack Obama said Africa is moving forward.",
     VISIT, "entity"),
    ("A truck hit a crowd in central Mexico, killing 16, authorities said on Monday evening.", CRASH, "date"),
    ("Un camion a percuté une foule au Mexique, faisant 16 morts, ont annoncé les autorités lundi soir.",
     CRASH, "date"),
    ("L'attentat de Suruç, près de la frontière syrienne, a fait 12 morts.", DEATHS, "number"),
])
def test_an_edited_claim_conflicts_with_a_typed_reason(claim, report, kind):
    result = verdict(claim, report)
    assert result.verdict == "conflict" and kind in {r.type for r in result.reasons}, result.reasons


@pytest.mark.parametrize("claim, report", [
    ("Crude for September rose 39 cents to $57.04 a barrel.", OIL),     # the fall moves another figure
    ("Le brut pour septembre a gagné 39 cents, à 57,04 dollars le baril.", OIL),
    ("Нефть с поставкой в сентябре подорожала на 39 центов, до 57,04 доллара за баррель.", OIL),
    ("The company plans to cut 6,500 jobs to reduce spending by $4 billion.", JOBS),
    ("Коалиция вчера нанесла 41 авиаудар по позициям в Сирии и Ираке.", STRIKES),
    ("Eighteen members attended, representing the bank's 56 member countries.", BANK),
    ("Комиссия закрыла 10 туристических объектов в регионе Табук.", CLOSED),
    ("On the first day of his visit to Kenya, US President Barack Obama said Africa is moving forward.", VISIT),
    ("Un camion a percuté une foule au Mexique, faisant 16 morts, ont annoncé les autorités mercredi soir.", CRASH),
    ("L'attentat de Suruç, près de la frontière syrienne, a fait 32 morts.", DEATHS),
    ("Russian air strikes in Syria killed 32 people near Suruc.", DEATHS),   # an actor's country is no place told otherwise
])
def test_a_faithful_claim_agrees(claim, report):
    result = verdict(claim, report)
    assert result.verdict == "agree", result.reasons


def test_up_and_down_count_only_right_before_their_figure():
    report = "استهل المؤشر تداولاته مرتفعا 43.16 نقطة عند مستوى 9381.01 نقطة."
    assert verdict("The index opened down 43.16 points at 9,381.01 points.", report).verdict == "conflict"
    assert verdict("The index opened up 43.16 points at 9,381.01 points.", report).verdict == "agree"
    assert verdict("Traders set up positions as the index reached 9,381.01 points.", report).verdict == "agree"


def test_place_and_weekday_reasons_are_for_checks_only():
    claim, report = Side("The commission closed 10 tourist facilities in the Jazan region."), Side(CLOSED, DAY, "ar")
    assert judge(claim, report, cosine=0.8, mode="pair").verdict != "conflict"


def test_a_place_named_inside_another_name_is_not_a_place_told_otherwise():
    from service.claims.slots import extract_slots
    from service.judge.claim_reasons import place_reasons

    claim = extract_slots("Russia and Iran agreed a truce in Syria.", lang="en")
    report = extract_slots("وقررت المعارضة السورية حضور المحادثات التي تدعمها روسيا وإيران في قازاخستان", lang="ar")
    assert place_reasons(claim, report) == []


SPOKESMAN = "قال المتحدث باسم البيت الأبيض جوش إرنست إن الإدارة تضع اللمسات الأخيرة على خطة إغلاق السجن."
MINISTER = "افتتح وزير الصحة الدكتور توفيق الربيعة المستشفى الجديد في الرياض."
GOVERNOR = "افتتح أمير منطقة مكة المكرمة الأمير خالد الفيصل المعرض."
COACH = "قال مدرب الفريق خورخي جيسوس إن الفريق جاهز للمباراة النهائية."
REFUSED = "رفضت الوزارة طلب الشركة تمديد العقد."


@pytest.mark.parametrize("claim, report", [
    ("White House spokesman Eric Schultz said the administration is finishing a plan to close the prison.", SPOKESMAN),
    ("Le porte-parole de la Maison Blanche, Jay Carney, a dit que l'administration finalise un plan de fermeture "
     "de la prison.", SPOKESMAN),
    ("The Minister of Health Khalid al-Falih opened the new hospital in Riyadh.", MINISTER),
    ("Le ministre de la Santé Khaled al-Faleh a inauguré le nouvel hôpital de Riyad.", MINISTER),
    ("Министр здравоохранения Халид аль-Фалих открыл новую больницу в Эр-Рияде.", MINISTER),
    ("The governor of the Makkah region, Prince Mishaal bin Abdullah, opened the exhibition.", GOVERNOR),
    ("The coach Laurentiu Reghecampf said the team is ready for the final.", COACH),
])
def test_another_person_in_the_same_role_conflicts(claim, report):
    result = verdict(claim, report, cosine=0.65)
    assert result.verdict == "conflict" and "entity" in {r.type for r in result.reasons}, result.reasons


@pytest.mark.parametrize("claim, report", [
    ("White House spokesman Josh Earnest said the administration is finishing a plan to close the prison.", SPOKESMAN),
    ("The Minister of Health Tawfiq al-Rabiah opened the new hospital in Riyadh.", MINISTER),
    ("Министр здравоохранения Тауфик ар-Рабиа открыл новую больницу в Эр-Рияде.", MINISTER),   # ар- is ال
    ("The governor of the Makkah region, Prince Khalid al-Faisal, opened the exhibition.", GOVERNOR),
    ("The coach Jorge Jesus said the team is ready for the final.", COACH),     # J written خ: one word is enough
    ("The Minister of Health opened the new hospital in Riyadh with its director Ahmed Zaki.", MINISTER),
])
def test_the_same_person_told_in_another_script_is_no_conflict(claim, report):
    result = verdict(claim, report, cosine=0.65)
    assert "entity" not in {r.type for r in result.reasons}, result.reasons


@pytest.mark.parametrize("claim", [
    "The ministry accepted the company's request to extend the contract.",
    "Le ministère a accepté la demande de l'entreprise de prolonger le contrat.",
    "Министерство одобрило просьбу компании о продлении контракта.",
])
def test_accepting_a_request_the_report_says_was_refused_is_a_stance_conflict(claim):
    result = verdict(claim, REFUSED, cosine=0.7)
    assert result.verdict == "conflict" and "stance" in {r.type for r in result.reasons}, result.reasons
    assert verdict("The ministry rejected the company's request to extend the contract.", REFUSED,
                   cosine=0.7).verdict == "agree"


def test_a_claim_whose_place_was_edited_is_still_the_same_event_by_its_figures():
    claim = "The commission closed 10 tourist facilities in the Jazan region."
    assert verdict(claim, CLOSED, cosine=0.45).verdict == "conflict"
    # between two reports a shared figure says nothing of the event
    assert judge(Side(claim), Side(CLOSED, DAY, "ar"), cosine=0.45, mode="pair").verdict == "unrelated"
