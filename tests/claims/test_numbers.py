"""Quantities (service.claims.numbers): examples in four languages, the seed
sentences, and property tests over how numbers get written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.claims.numbers import (Quantity, comparable, conflicting, extract_quantities,
                                    parse_digits)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def only(text: str, lang: str | None = None) -> Quantity:
    (quantity,) = extract_quantities(text, lang)
    assert text[quantity.start:quantity.end] == quantity.text
    return quantity


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("text, value, high, unit", [
    # Arabic: digits, multipliers, words, duals, ranges, inflected nouns
    ("مجموعات تمثل 62 ألف مقاتل مسلح", 62_000, None, "fighter"),
    ("تم توقيع ثلاث وثائق", 3, None, "document"),
    ("ويضم 50 شخصًا", 50, None, "person"),
    ("قتل 28 مدنياً على الأقل", 28, None, "civilian"),
    ("لمدة يومين", 2, None, "day"),
    ("وقعوا وثيقتين", 2, None, "document"),
    ("ألفين مقاتل", 2000, None, "fighter"),
    ("ما بين خمسة وسبعة أيام", 5, 7, "day"),
    ("خمسة وسبعة أيام", 5, 7, "day"),
    ("بين 5 و7 أيام", 5, 7, "day"),
    ("من 5 إلى 7 أيام", 5, 7, "day"),
    ("خمسة وعشرون مقاتلا", 25, None, "fighter"),
    ("ثلاثة آلاف مقاتل", 3000, None, "fighter"),
    ("3 آلاف مسلح", 3000, None, "fighter"),
    ("مليون شخص", 1_000_000, None, "person"),
    ("2 مليار", 2e9, None, None),
    ("ثلاثمائة جندي", 300, None, "soldier"),
    ("مائة وخمسون عضوا", 150, None, "member"),
    ("ثلاثة عشر طفلا", 13, None, "child"),
    ("أحد عشر قتيلا", 11, None, "dead"),
    ("قتل المدنيين الـ24 ساعة", 24, None, "hour"),
    ("خلال الساعات الـ24 الماضية", 24, None, "hour"),
    ("وثيقة واحدة", 1, None, "document"),
    ("٦٢ ألف مقاتل", 62_000, None, "fighter"),
    ("٥٢٬٠٠٠ مقاتل", 52_000, None, "fighter"),
    ("مليونان و500 ألف لاجئ", 2_500_000, None, "لاجي"),
    ("حصل على 25 ألفا و823 صوتا", 25_823, None, "صوت"),
    ("بمقدار 5ر7 مليار دولار", 7.5e9, None, "dollar"),         # bidi-typed: fraction first
    ("زيادة قدرها 5.\u200f2 مليون برميل", 2.5e6, None, "barrel"),
    ("وفقد الخام 12. 1 دولار", 1.12, None, "dollar"),            # the mark's direction lost to a space
    ("لتصل إلى 322،8 مليار ريال", 322.8e9, None, "riyal"),    # an Arabic comma as decimal separator
    ("عشرات المدنيين و7 أطفال", 7, None, "child"),
    # English
    ("52,000 fighters", 52_000, None, "fighter"),
    ("Five documents were signed", 5, None, "document"),
    ("62 thousand armed fighters", 62_000, None, "fighter"),
    ("1.5 million people", 1_500_000, None, "person"),
    ("5-7 days", 5, 7, "day"),
    ("between five and seven days", 5, 7, "day"),
    ("from 5 to 7 million people", 5e6, 7e6, "person"),
    ("twenty-one children", 21, None, "child"),
    ("one hundred and five members", 105, None, "member"),
    ("48 hours", 48, None, "hour"),
    # French
    ("52 000 combattants", 52_000, None, "fighter"),
    ("52.000 combattants", 52_000, None, "fighter"),
    ("62 mille combattants", 62_000, None, "fighter"),
    ("deux millions de personnes", 2e6, None, "person"),
    ("entre 5 et 7 jours", 5, 7, "day"),
    ("soixante et onze enfants", 71, None, "child"),
    ("quatre-vingt-dix-neuf membres", 99, None, "member"),
    ("un document", 1, None, "document"),
    # Russian
    ("62 тысячи боевиков", 62_000, None, "fighter"),
    ("2 млн человек", 2e6, None, "person"),
    ("от 5 до 7 дней", 5, 7, "day"),
    ("двадцать пять бойцов", 25, None, "fighter"),
    ("две тысячи человек", 2000, None, "person"),
])
def test_examples(text: str, value: float, high: float | None, unit: str | None) -> None:
    quantity = only(text)
    assert (quantity.value, quantity.high, quantity.unit) == (value, high, unit)
    assert not quantity.is_percent


@pytest.mark.parametrize("text, lang, value", [
    ("3.5", "en", 3.5), ("٣٫٥", "ar", 3.5), ("3,5", "fr", 3.5), ("3,5", "ru", 3.5),
    ("52,000", "en", 52_000), ("52.000", "fr", 52_000), ("52 000", "ru", 52_000),
    ("1.234.567,89", "fr", 1_234_567.89), ("1,234,567.89", "en", 1_234_567.89),
    ("52\u202f000", "fr", 52_000), ("0,5", "en", 0.5), ("٥٢٬٠٠٠", "ar", 52_000),
])
def test_separators(text: str, lang: str, value: float) -> None:
    assert parse_digits(text, lang) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("ارتفعت بنسبة 5%", 5), ("بنسبة ٥٪", 5), ("10 في المئة", 10), ("10 بالمائة", 10),
    ("%50 من الأراضي", 50), ("12 percent", 12), ("12 pour cent", 12), ("12 процентов", 12),
    ("3,5 %", 3.5),
])
def test_percentages(text: str, value: float) -> None:
    quantity = only(text)
    assert quantity.is_percent and quantity.unit == "percent" and quantity.value == value


def test_percent_range() -> None:
    quantity = only("5-7%")
    assert (quantity.value, quantity.high, quantity.is_percent) == (5, 7, True)


@pytest.mark.parametrize("text", [
    "في 29 أيلول/ ديسمبر الماضي", "منذ أيلول/سبتمبر 2015", "يناير 17, 2017 08:51",
    "الخميس 28 مارس 2024", "January 17, 2017", "le 17 mai", "Dec. 17", "عام 2015 و2016",
    "in 2015 the war", "at 08:51", "الساعة 8", "على الرقم0012022773659", "بيان جنيف1",
    "IMG_6092", "photo_2025-07-15_14-04-00", "SHohruh-Saidzoda-1الاجتماع",
    "17/01/2017", "+1 202 277 3659", "الذكرى الـ 249 لاستقلال", "un accord", "one of them",
    "آلاف القتلى", "إحدى النقاط", "الاثنين", "5-7 مارس", "17th of May",
])
def test_not_quantities(text: str) -> None:
    assert extract_quantities(text) == []


def test_seed_002_numbers() -> None:
    found = {(q.value, q.unit) for q in extract_quantities(seed("002"))}
    assert (62_000, "fighter") in found and (3, "document") in found
    assert not any(q.value in (29, 2015) for q in extract_quantities(seed("002")))


def test_seed_001_numbers() -> None:
    found = [(q.value, q.unit) for q in extract_quantities(seed("001"))]
    assert found == [(2, "day"), (50, "person"), (13, "person")]


def test_seed_003_numbers() -> None:
    found = [(q.value, q.high, q.unit) for q in extract_quantities(seed("003"))]
    assert (5, 7, "day") in found and (28, None, "civilian") in found
    assert (24, None, "hour") in found and (6, None, "child") in found
    assert not any(value in (2024, 1) for value, _, _ in found)


def test_seed_004_numbers() -> None:
    found = [(q.value, q.unit) for q in extract_quantities(seed("004"))]
    assert found == [(447, "مشاهدات"), (447, "مشاهدات")]


def test_comparable_and_conflicting() -> None:
    (arabic,) = extract_quantities("62 ألف مقاتل")
    (english,) = extract_quantities("52,000 fighters")
    (people,) = extract_quantities("50 شخصًا")
    assert comparable(arabic, english) and conflicting(arabic, english)
    assert not comparable(arabic, people) and not conflicting(arabic, people)
    (five,) = extract_quantities("Five documents were signed")
    (three,) = extract_quantities("تم توقيع ثلاث وثائق")
    assert comparable(five, three) and conflicting(five, three)
    (fr,) = extract_quantities("62 000 combattants", "fr")
    (ru,) = extract_quantities("62 тысячи боевиков")
    assert comparable(arabic, fr) and comparable(fr, ru) and not conflicting(arabic, ru)


def test_ranges_and_tolerance() -> None:
    (week,) = extract_quantities("ما بين خمسة وسبعة أيام")
    (six,) = extract_quantities("6 days")
    (nine,) = extract_quantities("nine days")
    assert not conflicting(week, six) and conflicting(week, nine)
    (hundred,) = extract_quantities("100 soldiers")
    (close,) = extract_quantities("104 soldiers")
    assert not conflicting(hundred, close) and conflicting(hundred, close, rel_tol=0.01)
    (bare,) = extract_quantities("التعليقات (2)")
    assert bare.unit is None and not comparable(bare, six)


# ---- property tests -------------------------------------------------------

AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
EN = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
      "fifteen sixteen seventeen eighteen nineteen").split()
EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
FR = ("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
      "quinze seize dix-sept dix-huit dix-neuf").split()
FR_TENS = "_ _ vingt trente quarante cinquante soixante".split()
RU = ("ноль один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
      "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать "
      "девятнадцать").split()
RU_TENS = ("_ _ двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят "
           "девяносто").split()
AR = "صفر واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة".split()
AR_TENS = "_ _ عشرون ثلاثون أربعون خمسون ستون سبعون ثمانون تسعون".split()


def english(n: int) -> str:
    tens, unit = divmod(n, 10)
    return EN[n] if n < 20 else EN_TENS[tens] + (f"-{EN[unit]}" if unit else "")


def french(n: int) -> str:
    if n < 20:
        return FR[n]
    if n < 70 or 80 <= n:
        base, rest = (FR_TENS[n // 10], n % 10) if n < 70 else ("quatre-vingt", n - 80)
        if rest == 0:
            return base + ("s" if n == 80 else "")
        return base + (" et un" if rest == 1 and n < 70 else f"-{FR[rest]}")
    return "soixante" + (" et onze" if n == 71 else f"-{FR[n - 60]}")


def russian(n: int) -> str:
    tens, unit = divmod(n, 10)
    return RU[n] if n < 20 else RU_TENS[tens] + (f" {RU[unit]}" if unit else "")


def arabic(n: int) -> str:
    tens, unit = divmod(n, 10)
    if n <= 10:
        return AR[n]
    if n < 20:
        return {11: "أحد عشر", 12: "اثنا عشر"}.get(n, f"{AR[unit]} عشر")
    return AR_TENS[tens] if unit == 0 else f"{AR[unit]} و{AR_TENS[tens]}"


WORDS = [(english, "en", "documents"), (french, "fr", "documents"),
         (russian, "ru", "документов"), (arabic, "ar", "وثيقة")]


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


DIGIT_FORMS = [
    ("{n} documents", "en", lambda n: str(n)),
    ("{n} documents", "en", lambda n: grouped(n, ",")),
    ("{n} وثيقة", "ar", lambda n: str(n).translate(AR_DIGITS)),
    ("{n} وثيقة", "ar", lambda n: grouped(n, "٬").translate(AR_DIGITS)),
    ("{n} وثيقة", "ar", lambda n: grouped(n, ",")),
    ("{n} documents", "fr", lambda n: grouped(n, " ")),
    ("{n} documents", "fr", lambda n: grouped(n, "\u202f")),
    ("{n} documents", "fr", lambda n: grouped(n, ".")),
    ("{n} документов", "ru", lambda n: grouped(n, "\u00a0")),
    ("{n} документов", "ru", lambda n: grouped(n, ".")),
]
THOUSANDS = [("{n} thousand documents", "en"), ("{n} ألف وثيقة", "ar"),
             ("{n} mille documents", "fr"), ("{n} тысяч документов", "ru")]


@settings(deadline=None)
@given(st.integers(0, 10**9), st.sampled_from(DIGIT_FORMS))
def test_digits_round_trip(n: int, form) -> None:
    template, lang, render = form
    quantity = only(template.format(n=render(n)), lang)
    assert quantity.value == n and quantity.unit == "document"


@settings(deadline=None)
@given(st.integers(0, 10**6), st.sampled_from(THOUSANDS))
def test_thousands_round_trip(n: int, form) -> None:
    template, lang = form
    assert only(template.format(n=n), lang).value == n * 1000


@settings(deadline=None)
@given(st.integers(0, 99), st.sampled_from(WORDS))
def test_words_round_trip(n: int, form) -> None:
    render, lang, noun = form
    quantity = only(f"{render(n)} {noun}", lang)
    assert quantity.value == n and quantity.unit == "document"


FUZZ_WORDS = ["62", "ألف", "مقاتل", "٥٢٬٠٠٠", "-", "و", "بين", "ما", "خمسة", "وسبعة", "أيام",
              "%", "٪", "2015", "أيلول", "/", "ديسمبر", "الـ", "24", "ساعة", "between", "and",
              "five", "thousand", "million", "1.5", "3,5", "entre", "et", "от", "до", "тысячи",
              "يومين", "ألفين", "الماضي", "08:51", "17/01/2017", "(", ")", ",", "in", "May",
              "أحد", "عشر", "quatre", "vingt", "dix", "مليون", "و500", "per", "cent"]


@settings(deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(FUZZ_WORDS)).map(" ".join),
                 st.lists(st.sampled_from(FUZZ_WORDS)).map("".join)))
def test_never_crashes_and_spans_hold(text: str) -> None:
    for lang in (None, "fr"):
        previous_end = 0
        for quantity in extract_quantities(text, lang):
            assert text[quantity.start:quantity.end] == quantity.text
            assert previous_end <= quantity.start < quantity.end
            assert quantity.high is None or quantity.high > quantity.value
            previous_end = quantity.end


@pytest.mark.parametrize("text, figure, unit", [
    ("The World Bank raised its forecast to $57 a barrel from $53.", "$57", "dollar"),
    ("Shell plans to reduce spending by $4 billion this year.", "$4 billion", "dollar"),
    ("The project costs €3 million.", "€3 million", "euro"),
    ("Le projet coûte 3 millions d'euros.", "3 millions d'euros", "euro"),
    ("بلغت التكلفة 5 ملايين جنيه", "5 ملايين جنيه", "pound"),
])
def test_a_currency_sign_or_word_is_the_figure_s_unit(text: str, figure: str, unit: str) -> None:
    assert (figure, unit) in [(q.text, q.unit) for q in extract_quantities(text)]


def test_a_year_before_a_noun_is_no_count_of_it() -> None:
    found = extract_quantities("The World Bank raised its 2015 oil price forecast to $57.")
    assert [q.text for q in found] == ["$57"]
    assert [q.unit for q in extract_quantities("Some 1950 people attended in 2015.")] == ["person"]


def test_a_percentage_then_another_figure_is_no_range() -> None:
    found = extract_quantities("The company's profits rose 20 percent to 5 billion riyals.")
    assert [(q.value, q.high, q.unit) for q in found] == [(20, None, "percent"), (5e9, None, "riyal")]
    assert [q.high for q in extract_quantities("بين 3 و4 آلاف زائر")] == [4000]


@pytest.mark.parametrize("text, value", [
    ("أدى مليونا حاج فريضة الحج هذا العام", 2_000_000),     # a construct dual: two million
    ("شارك ألفا طالب في الحفل", 2000),
    ("بلغ عدد الزوار 25 ألفا", 25_000),                      # after a number, an accusative singular
])
def test_an_accusative_multiplier_alone_is_a_dual(text: str, value: float) -> None:
    assert [q.value for q in extract_quantities(text)] == [value]


@pytest.mark.parametrize("claim, report", [
    ("The ministry hired five thousand teachers.", "عينت الوزارة ثلاثة آلاف معلم."),
    ("Le ministère a recruté deux mille enseignants.", "عينت الوزارة ثلاثة آلاف معلم."),
    ("В этом году хадж совершили три миллиона паломников.", "أدى مليونا حاج فريضة الحج هذا العام."),
])
def test_counted_people_meet_across_languages(claim: str, report: str) -> None:
    (a,), (b,) = extract_quantities(claim), extract_quantities(report)
    assert comparable(a, b) and conflicting(a, b)
