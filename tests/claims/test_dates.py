"""Dates and durations (service.claims.dates): month-name families, mixed
Levantine/Gregorian pairs, relative dates, the seed sentences, and property
tests over how dates get written."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.claims.dates import (DateMention, dates_conflict, extract_dates,
                                  extract_durations)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
D = datetime.date


def only(text: str, reference: datetime.date | None = None,
         lang: str | None = None) -> DateMention:
    (mention,) = extract_dates(text, reference, lang)
    assert text[mention.start:mention.end] == mention.text
    return mention


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


# ---- seed sentences -------------------------------------------------------

def test_seed_001_inconsistent_pair() -> None:
    mention = only("مع فصائل المعارضة السورية في 29 أيلول/ ديسمبر الماضي،", D(2017, 1, 22))
    assert mention.inconsistent and "أيلول" in mention.note
    assert (mention.month, mention.day) == (12, 29)
    assert mention.resolved == D(2016, 12, 29) and mention.text == "29 أيلول/ ديسمبر الماضي"


def test_seed_001_ordinal_next_month() -> None:
    mention = only("المرتقبة في جنيف في الثامن من شباط/ فبراير المقبل", D(2017, 1, 22))
    assert mention.resolved == D(2017, 2, 8) and not mention.inconsistent
    assert (mention.year, mention.month, mention.day) == (2017, 2, 8)


def test_seed_002_month_year() -> None:
    mention = only("حملة غارات جوية دعما للنظام في دمشق منذ أيلول/سبتمبر 2015.", D(2016, 12, 29))
    assert (mention.year, mention.month, mention.day) == (2015, 9, None)
    assert mention.granularity == "month"
    assert mention.resolved == D(2015, 9, 1) and mention.precision == "month"


def test_seed_002_weekday_and_date() -> None:
    mention = only("أعلن الرئيس الروسي فلاديمير بوتين الخميس، 29 كانون الأول/ديسمبر، التوصل",
                   D(2016, 12, 29))
    assert mention.resolved == D(2016, 12, 29) and not mention.inconsistent
    assert mention.text == "الخميس، 29 كانون الأول/ديسمبر"


def test_seed_001_tomorrow_monday() -> None:
    mention = only("تبدأ صباح غد الإثنين في الأستانة", D(2017, 1, 22))
    assert mention.resolved == D(2017, 1, 23) and mention.granularity == "weekday"


def test_seed_004_header_and_relatives() -> None:
    mentions = extract_dates(seed("004"), D(2017, 1, 17))
    assert mentions[0].resolved == D(2017, 1, 17) and mentions[0].text == "يناير 17, 2017"
    relative = {(m.text, m.resolved) for m in mentions if m.granularity == "relative"}
    assert {("الشهر الماضي", D(2016, 12, 1)), ("العام الماضي", D(2016, 1, 1))} <= relative


def test_seed_003_header_and_truce_length() -> None:
    first = extract_dates(seed("003"))[0]
    assert first.resolved == D(2024, 3, 28) and not first.inconsistent
    durations = [(d.text, d.days_low, d.days_high) for d in extract_durations(seed("003"))]
    assert ("ما بين خمسة وسبعة أيام", 5, 7) in durations
    assert ("أسبوع", 7, 7) in durations


# ---- examples -------------------------------------------------------------

@pytest.mark.parametrize("text, reference, expected", [
    ("29 كانون الأول 2016", None, D(2016, 12, 29)),
    ("في 5 نيسان 2017", None, D(2017, 4, 5)),
    ("15 تشرين الثاني 2015", None, D(2015, 11, 15)),
    ("1 كانون الثاني 2017", None, D(2017, 1, 1)),
    ("17 يناير 2017", None, D(2017, 1, 17)),
    ("يناير 17, 2017", None, D(2017, 1, 17)),
    ("3 إبريل 2016", None, D(2016, 4, 3)),
    ("3 ابريل 2016", None, D(2016, 4, 3)),
    ("20 يونيه 2016", None, D(2016, 6, 20)),
    ("14 جويلية 2016", None, D(2016, 7, 14)),
    ("5 أوت 2016", None, D(2016, 8, 5)),
    ("٢٩ ديسمبر ٢٠١٦", None, D(2016, 12, 29)),
    ("أيلول (سبتمبر) 2015", None, D(2015, 9, 1)),
    ("5 ديسمبر/كانون الأول 2016", None, D(2016, 12, 5)),
    ("في الحادي عشر من آذار 2011", None, D(2011, 3, 11)),
    ("الحادي والثلاثين من كانون الأول 2016", None, D(2016, 12, 31)),
    ("في العشرين من تموز 2016", None, D(2016, 7, 20)),
    ("September 29, 2016", None, D(2016, 9, 29)),
    ("29 December 2016", None, D(2016, 12, 29)),
    ("Dec. 29, 2016", None, D(2016, 12, 29)),
    ("the 29th of December 2016", None, D(2016, 12, 29)),
    ("le 1er janvier 2017", None, D(2017, 1, 1)),
    ("29 décembre 2016", None, D(2016, 12, 29)),
    ("29 декабря 2016 года", None, D(2016, 12, 29)),
    ("1 мая 2016 г.", None, D(2016, 5, 1)),
    ("2017-01-17", None, D(2017, 1, 17)),
    ("17/01/2017", None, D(2017, 1, 17)),
    ("17.01.2017", None, D(2017, 1, 17)),
    ("ديسمبر الماضي", D(2017, 1, 22), D(2016, 12, 1)),
    ("منذ أيلول/", D(2017, 1, 22), D(2016, 9, 1)),
    ("شباط المقبل", D(2017, 1, 22), D(2017, 2, 1)),
    ("30 أيلول/ ديسمبر", D(2017, 1, 22), D(2016, 12, 30)),
    ("last December", D(2017, 1, 22), D(2016, 12, 1)),
    ("janvier dernier", D(2017, 2, 10), D(2017, 1, 1)),
])
def test_calendar_dates(text: str, reference, expected: datetime.date) -> None:
    assert only(text, reference).resolved == expected


@pytest.mark.parametrize("text, reference, expected, granularity", [
    ("اجتمعت اليوم بممثلين", D(2016, 12, 27), D(2016, 12, 27), "relative"),
    ("قال أمس", D(2016, 12, 27), D(2016, 12, 26), "relative"),
    ("في تصريح صحفى امس", D(2016, 8, 2), D(2016, 8, 1), "relative"),
    ("يصل غداً", D(2016, 12, 27), D(2016, 12, 28), "relative"),
    ("yesterday", D(2016, 12, 27), D(2016, 12, 26), "relative"),
    ("demain", D(2016, 12, 27), D(2016, 12, 28), "relative"),
    ("вчера", D(2016, 12, 27), D(2016, 12, 26), "relative"),
    ("الشهر المقبل", D(2016, 12, 27), D(2017, 1, 1), "relative"),
    ("الشهر الحالي", D(2016, 8, 2), D(2016, 8, 1), "relative"),
    ("last month", D(2017, 1, 22), D(2016, 12, 1), "relative"),
    ("le mois prochain", D(2016, 12, 27), D(2017, 1, 1), "relative"),
    ("в прошлом году", D(2017, 1, 22), D(2016, 1, 1), "relative"),
    ("العام المقبل", D(2017, 1, 22), D(2018, 1, 1), "relative"),
    ("الأسبوع المقبل", D(2017, 1, 18), D(2017, 1, 23), "relative"),
    ("الخميس", D(2016, 12, 29), D(2016, 12, 29), "weekday"),
    ("الخميس", D(2017, 1, 22), D(2017, 1, 19), "weekday"),
    ("غدا الخميس", D(2016, 12, 28), D(2016, 12, 29), "weekday"),
    ("الخميس المقبل", D(2016, 12, 29), D(2017, 1, 5), "weekday"),
    ("Thursday", D(2017, 1, 22), D(2017, 1, 19), "weekday"),
    ("next Thursday", D(2017, 1, 22), D(2017, 1, 26), "weekday"),
    ("jeudi", D(2017, 1, 22), D(2017, 1, 19), "weekday"),
    ("в четверг", D(2017, 1, 22), D(2017, 1, 19), "weekday"),
    ("завтра четверг", D(2017, 1, 18), D(2017, 1, 19), "weekday"),
])
def test_relative_dates(text: str, reference, expected, granularity: str) -> None:
    mention = only(text, reference)
    assert (mention.resolved, mention.granularity) == (expected, granularity)


@pytest.mark.parametrize("text, year", [
    ("عام 2015", 2015), ("في العام 2016", 2016), ("in 2015", 2015), ("en 2014", 2014),
    ("в 2013 году", 2013), ("منذ 2011", 2011),
])
def test_year_only(text: str, year: int) -> None:
    mention = only(text)
    assert (mention.year, mention.month, mention.granularity) == (year, None, "year")


@pytest.mark.parametrize("text", [
    "اذكروا اليوم الذي ستقفون فيه", "الأمين العام الحالي", "May I ask", "مارس الضغط",
    "photo_2025-07-15_14-04-00", "الشهور القليلة الماضية", "62 ألف مقاتل", "إحدى النقاط",
])
def test_not_dates(text: str) -> None:
    assert extract_dates(text, D(2017, 1, 22)) == []


def test_weekday_contradicting_its_date() -> None:
    mention = only("الجمعة 29 كانون الأول 2016")
    assert mention.inconsistent and mention.resolved == D(2016, 12, 29)
    assert not only("مارس/أبريل 2016").inconsistent     # two Gregorian names: a span


def test_us_numeric_dates_need_english() -> None:
    assert only("01/02/2017", lang="en").resolved == D(2017, 1, 2)
    assert only("01/02/2017").resolved == D(2017, 2, 1)


def test_no_reference_leaves_relative_unresolved() -> None:
    assert only("الشهر الماضي").resolved is None
    assert only("الخميس").resolved is None
    partial = only("29 ديسمبر")
    assert (partial.month, partial.day, partial.year, partial.resolved) == (12, 29, None, None)


def test_dates_conflict() -> None:
    september = only("September 2015")
    assert dates_conflict(september, only("March 2014"))
    assert not dates_conflict(only("عام 2015"), september)
    assert not dates_conflict(september, only("29 September 2015"))
    assert dates_conflict(only("29 September 2015"), only("30 September 2015"))
    ref = D(2017, 1, 22)
    assert not dates_conflict(only("29 كانون الأول 2016"), only("ديسمبر الماضي", ref))
    assert dates_conflict(only("29 أيلول/ ديسمبر الماضي", ref), only("29 نوفمبر 2016"))
    assert dates_conflict(only("الشهر الماضي", ref), only("نوفمبر 2016"))
    assert not dates_conflict(only("الشهر الماضي", ref), only("29 ديسمبر 2016"))


@pytest.mark.parametrize("text, low, high", [
    ("لمدة يومين", 2, 2), ("ما بين خمسة وسبعة أيام", 5, 7), ("for five to seven days", 5, 7),
    ("48 ساعة", 2, 2), ("هدنة أسبوع", 7, 7), ("three weeks", 21, 21), ("for a week", 7, 7),
    ("لمدة شهر", 30, 30), ("entre 5 et 7 jours", 5, 7), ("на 3 дня", 3, 3),
    ("منذ 7 سنوات", 7 * 365, 7 * 365), ("الـ24 ساعة", 1, 1),
])
def test_durations(text: str, low: float, high: float) -> None:
    (duration,) = extract_durations(text)
    assert (duration.days_low, duration.days_high) == pytest.approx((low, high))
    assert text[duration.start:duration.end] == duration.text


def test_not_durations() -> None:
    assert extract_durations("الأسبوع المقبل و62 ألف مقاتل و5% فقط") == []


# ---- property tests -------------------------------------------------------

LEVANT = ["", "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
          "تشرين الأول", "تشرين الثاني", "كانون الأول"]
EGYPT = ["", "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
         "أكتوبر", "نوفمبر", "ديسمبر"]
MAGHREB = ["", "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"]
ENGLISH = ["", "January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
FRENCH = ["", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
RUSSIAN = ["", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"]
ORDINALS = ["", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
            "التاسع", "العاشر"]
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def ordinal(day: int) -> str:
    if day <= 10:
        return ORDINALS[day]
    if day < 20:
        return ("الحادي" if day == 11 else ORDINALS[day - 10]) + " عشر"
    tens, unit = divmod(day, 10)
    tens_word = "العشرين" if tens == 2 else "الثلاثين"
    if unit == 0:
        return tens_word
    return ("الحادي" if unit == 1 else ORDINALS[unit]) + " و" + tens_word


FORMATS = [
    lambda d: f"في {d.day} {LEVANT[d.month]} {d.year}",
    lambda d: f"{d.day} {EGYPT[d.month]} {d.year}",
    lambda d: f"{d.day} {MAGHREB[d.month]} {d.year}",
    lambda d: f"{d.day} {LEVANT[d.month]}/{EGYPT[d.month]} {d.year}",
    lambda d: f"{EGYPT[d.month]} {d.day}, {d.year}",
    lambda d: f"{d.day} {EGYPT[d.month]} {d.year}".translate(AR_DIGITS),
    lambda d: f"في {ordinal(d.day)} من {LEVANT[d.month]} {d.year}",
    lambda d: f"on {d.day} {ENGLISH[d.month]} {d.year}",
    lambda d: f"on {ENGLISH[d.month]} {d.day}, {d.year}",
    lambda d: f"le {'1er' if d.day == 1 else d.day} {FRENCH[d.month]} {d.year}",
    lambda d: f"{d.day} {RUSSIAN[d.month]} {d.year} года",
    lambda d: d.isoformat(),
    lambda d: d.strftime("%d/%m/%Y"),
]


@settings(deadline=None)
@given(st.dates(D(1950, 1, 1), D(2099, 12, 31)), st.sampled_from(FORMATS))
def test_dates_round_trip(date: datetime.date, render) -> None:
    mention = only(render(date))
    assert mention.resolved == date and not mention.inconsistent
    assert (mention.year, mention.month, mention.day) == (date.year, date.month, date.day)


@settings(deadline=None)
@given(st.dates(D(1950, 1, 1), D(2099, 12, 31)), st.dates(D(1950, 1, 1), D(2099, 12, 31)))
def test_relative_weekday_is_latest_on_or_before(date: datetime.date, ref: datetime.date) -> None:
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    mention = only(names[date.weekday()], ref)
    assert mention.resolved.weekday() == date.weekday()
    assert 0 <= (ref - mention.resolved).days < 7


FUZZ_WORDS = ("29 أيلول/ أيلول / ديسمبر الماضي المقبل الثامن من شباط 2015 الخميس ، غدا اليوم أمس الشهر "
              "العام يناير 17 , 2017-01-17 31/02/2017 May 1er janvier декабря года عام الحادي عشر "
              "والعشرين كانون الأول ( ) last next week لمدة يومين وسبعة أيام أسبوع a").split()


@settings(deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(FUZZ_WORDS)).map(" ".join)),
       st.one_of(st.none(), st.dates(D(1901, 1, 1), D(2099, 12, 31))))
def test_never_crashes_and_spans_hold(text: str, reference) -> None:
    previous_end = 0
    for mention in extract_dates(text, reference):
        assert text[mention.start:mention.end] == mention.text
        assert previous_end <= mention.start < mention.end
        previous_end = mention.end
    for duration in extract_durations(text):
        assert text[duration.start:duration.end] == duration.text
        assert 0 <= duration.days_low <= duration.days_high


@pytest.mark.parametrize("text, low, high", [
    ("He signed on a one-year deal.", 365, 365),
    ("a 10-day visit", 10, 10),
    ("a three-month ban", 90, 90),
    ("La climatisation est en panne depuis une dizaine de jours.", 8, 12),
    ("depuis une quinzaine de jours", 13, 16),
    ("out of order for a fortnight", 14, 14),
])
def test_lengths_written_before_their_noun_or_as_round_counts(text, low, high):
    from service.claims.dates import extract_durations

    assert [(d.days_low, d.days_high) for d in extract_durations(text)] == [(low, high)]


def test_an_age_is_not_a_length():
    from service.claims.dates import extract_durations

    assert extract_durations("a 25-year-old man was arrested") == []
