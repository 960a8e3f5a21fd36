"""Dates and durations in news text (Arabic, English, French, Russian).

A mention keeps what the text says (year, month, day; any may be missing) and the
date it points at, given a reference (the publication date). A Levantine/Gregorian
month pair naming two months ("أيلول/ ديسمبر") is flagged: an editor wants that slip.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from service.claims import calendar_words as cw
from service.claims.number_words import fold_key, match_phrase, unit_of, word_entry
from service.claims.numbers import Token, extract_quantities, tokenize


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    year: int | None        # as the text gives it ("ديسمبر الماضي" gives one too)
    month: int | None
    day: int | None
    resolved: datetime.date | None  # for month or year precision: the period's first day
    granularity: str        # "day" | "month" | "year" | "weekday" | "relative"
    inconsistent: bool      # e.g. "29 أيلول/ ديسمبر": the pair names two months
    note: str | None
    precision: str = "day"  # how much of ``resolved`` is meant: day, week, month, year


@dataclass(frozen=True)
class Duration:
    start: int
    end: int
    text: str
    days_low: float
    days_high: float


@dataclass(frozen=True)
class _Parts:
    first: int              # token span [first, end)
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    qualifier: str | None = None    # "past", "next", "current" ("شباط المقبل")
    weekday: int | None = None
    issue: str | None = None        # why the mention contradicts itself


@dataclass(frozen=True)
class _Ctx:
    text: str
    toks: tuple[Token, ...]
    keys: list[str]
    ref: datetime.date | None
    lang: str | None

    def key(self, i: int) -> str:
        return self.keys[i] if 0 <= i < len(self.keys) else ""

    def span(self, first: int, end: int) -> tuple[int, int, str]:
        start, stop = self.toks[first].start, self.toks[end - 1].end
        return start, stop, self.text[start:stop]


_DAYS_PER = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
_NOT_TODAY_BEFORE = frozenset("ذلك هذا نفس ذات".split())    # "ذلك اليوم" is "that day"
_NOT_YEAR_BEFORE = frozenset("الامين المدعي الراي النايب المدير القطاع".split())  # "الأمين العام"
_MONTH_CUES = frozenset(fold_key(w) for w in
                        "في شهر منذ حتى خلال in since until during by en mois depuis в с".split())
_FOR = frozenset("لمده مده طوال طيله a an".split())
_SINGULAR = frozenset(
    "يوم يوما شهر شهرا عام عاما سنه ساعه اسبوع اسبوعا دقيقه day week month year hour".split())


def extract_dates(text: str, reference: datetime.date | None = None,
                  lang: str | None = None) -> list[DateMention]:
    """Every date mention in ``text``; relative ones resolve against ``reference``."""
    toks = tokenize(text)
    ctx = _Ctx(text, toks, [t.key for t in toks], reference, lang)
    found, i = [], 0
    while i < len(toks):
        if toks[i].kind == "word" and not cw.may_start(toks[i].key, cw.DATE_STARTS):
            i += 1      # the fast path: most words cannot start a date
            continue
        parts = _calendar_parts(ctx, i)
        hit = (_numeric(ctx, i) or _weekday(ctx, i) or (parts and _mention(ctx, parts))
               or _relative(ctx, i) or _year_only(ctx, i))
        found += [hit[0]] if hit else []
        i = hit[1] if hit else i + 1
    return found


# English writes a length before its noun with a hyphen: "a one-year deal", "a 10-day visit"
# (not an age: "a 25-year-old").
_HYPHENATED = re.compile(r"(?<![\w-])(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                         r"|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)-(minute|hour|day|week|month|year)s?"
                         r"(?![\w-])", re.IGNORECASE)
_FORTNIGHT = re.compile(r"(?<!\w)(?:a\s+)?fortnight(?!\w)", re.IGNORECASE)
# Round counts French gives of days, weeks, years: "une dizaine de jours" is eight to twelve.
_ROUND_COUNTS = re.compile(r"(?<!\w)(?:une\s+)?(dizaine|douzaine|quinzaine|vingtaine|trentaine)\s+(?:de\s+|d')"
                           r"(jours|semaines|mois|ans|années|heures)(?!\w)", re.IGNORECASE)
_ROUND_VALUES = {"dizaine": (8, 12), "douzaine": (11, 13), "quinzaine": (13, 16), "vingtaine": (18, 22),
                 "trentaine": (28, 32)}
_FRENCH_UNITS = {"jours": "day", "semaines": "week", "mois": "month", "ans": "year", "années": "year",
                 "heures": "hour"}


def _written_lengths(text: str) -> list[Duration]:
    """Lengths the quantity reader does not see: "one-year", "une dizaine de jours", "a fortnight"."""
    found = []
    if "-" not in text and "aine" not in text and "ortnight" not in text:
        return found                    # most sentences: none of the three forms can be there
    for m in _HYPHENATED.finditer(text):
        if text[m.end():m.end() + 4].lower() == "-old":
            continue
        word = m.group(1).lower()
        value = float(word) if word.isdigit() else float(word_entry(fold_key(word))[0][1])
        days = value * _DAYS_PER[m.group(2).lower()]
        found.append(Duration(m.start(), m.end(), m.group(0), days, days))
    for m in _ROUND_COUNTS.finditer(text):
        low, high = _ROUND_VALUES[m.group(1).lower()]
        per = _DAYS_PER[_FRENCH_UNITS[m.group(2).lower()]]
        found.append(Duration(m.start(), m.end(), m.group(0), low * per, high * per))
    for m in _FORTNIGHT.finditer(text):
        found.append(Duration(m.start(), m.end(), m.group(0), 14.0, 14.0))
    return found


def extract_durations(text: str, lang: str | None = None) -> list[Duration]:
    """Spans of time: "لمدة يومين", "ما بين خمسة وسبعة أيام", "48 ساعة", "a week", "a one-year deal"."""
    found = [Duration(q.start, q.end, q.text, q.value * _DAYS_PER[q.unit],
                      (q.value if q.high is None else q.high) * _DAYS_PER[q.unit])
             for q in extract_quantities(text, lang) if q.unit in _DAYS_PER and not q.is_percent]
    toks = tokenize(text)
    for tok, prev in zip(toks, [None, *toks]):
        # A bare singular counts one: "هدنة أسبوع", "لمدة شهر", "for a week".
        after_for = prev is not None and prev.key in _FOR and tok.key in _SINGULAR
        bare = tok.key in ("اسبوع", "اسبوعا") or after_for
        unit = unit_of(tok.key) if bare else None
        start = prev.start if prev and prev.key in ("a", "an") else tok.start
        if unit and not any(d.start <= tok.start < d.end for d in found):
            days = float(_DAYS_PER[unit])
            found.append(Duration(start, tok.end, text[start:tok.end], days, days))
    found += [d for d in _written_lengths(text) if not any(f.start < d.end and d.start < f.end for f in found)]
    return sorted(found, key=lambda d: d.start)


def dates_conflict(a: DateMention, b: DateMention) -> bool:
    """Both pin down a field (year, month, or day within the same month) and differ."""
    (ya, ma, da), (yb, mb, db) = _pinned(a), _pinned(b)
    if ya is not None and yb is not None and ya != yb:
        return True
    if ma is None or mb is None:
        return False
    return ma != mb or (da is not None and db is not None and da != db)


def _pinned(m: DateMention) -> tuple[int | None, int | None, int | None]:
    if m.granularity not in ("weekday", "relative"):
        return m.year, m.month, m.day
    r, p = m.resolved, m.precision
    if r is None or p == "week":
        return None, None, None
    return r.year, (r.month if p in ("month", "day") else None), (r.day if p == "day" else None)


def _mention(ctx: _Ctx, parts: _Parts) -> tuple[DateMention, int]:
    year, resolved, note = _resolve(ctx.ref, parts)
    issue = parts.issue
    named = parts.weekday
    if named is not None and year and parts.day and resolved and resolved.weekday() != named:
        issue = issue or f"the weekday named is not that of {resolved.isoformat()}"
    granularity = "day" if parts.day else "month" if parts.month else "year"
    start, stop, text = ctx.span(parts.first, parts.end)
    mention = DateMention(start, stop, text, year, parts.month, parts.day, resolved,
                          granularity, issue is not None, issue or note, granularity)
    return mention, parts.end


def _resolve(ref: datetime.date | None, p: _Parts) -> tuple[int | None, datetime.date | None,
                                                            str | None]:
    """(year the text gives, resolved date, note) for a calendar mention."""
    year, note = p.year, None
    if year is None and p.month and ref:
        year = cw.year_for(ref, p.month, p.day, p.qualifier)
        note = None if p.qualifier else "year taken as the one nearest the reference date"
    if year is None:
        return None, None, None
    stated = p.year if p.year is not None else (year if p.qualifier else None)
    try:
        return stated, datetime.date(year, p.month or 1, p.day or 1), note
    except ValueError:
        return stated, None, "no such day"


def _numeric(ctx: _Ctx, i: int) -> tuple[DateMention, int] | None:
    """"2017-01-17", "17/01/2017", "17.01.2017" (not inside "photo_2025-07-15_14")."""
    tok = ctx.toks[i]
    if tok.kind != "numdate" or _inside_name(ctx, i):
        return None
    ymd = cw.numeric_date(tok.key, month_first=ctx.lang == "en")
    return _mention(ctx, _Parts(i, i + 1, *ymd)) if ymd else None


def _inside_name(ctx: _Ctx, i: int) -> bool:
    """Glued to a word or an underscore on either side ("photo_2025-07-15_14")."""
    toks = ctx.toks
    left = i > 0 and toks[i - 1].end == toks[i].start and toks[i - 1]
    right = i + 1 < len(toks) and toks[i + 1].start == toks[i].end and toks[i + 1]
    return any(t and (t.kind == "word" or t.text == "_") for t in (left, right))


def _weekday(ctx: _Ctx, i: int) -> tuple[DateMention, int] | None:
    """"الخميس", "غدا الخميس", "jeudi prochain", "الخميس، 29 كانون الأول/ديسمبر"."""
    day = cw.weekday_of(ctx.keys[i]) if ctx.toks[i].kind == "word" else None
    if day is None:
        return None
    before = ctx.key(i - 1)
    mode = "next" if before in cw.FORWARD else "last" if before in cw.BACKWARD else None
    first = i - 1 if mode or before in ("يوم", "اليوم", "today") else i
    k = i + 2 if ctx.key(i + 1) in (",", "،") else i + 1
    dated = _calendar_parts(ctx, k)
    if dated:
        return _mention(ctx, replace(dated, first=first, weekday=day))
    after = "next" if ctx.key(i + 1) in cw.NEXT else "last" if ctx.key(i + 1) in cw.PAST else None
    mode, end = (after, i + 2) if after else (mode, i + 1)
    resolved = _from_ref(ctx.ref, cw.weekday_date, day, mode)
    span = ctx.span(first, end)
    return DateMention(*span, None, None, None, resolved, "weekday", False, None), end


def _calendar_parts(ctx: _Ctx, i: int) -> _Parts | None:
    """"29 أيلول/ ديسمبر الماضي", "الثامن من شباط", "يناير 17, 2017", "September 2015"."""
    if i >= len(ctx.toks):
        return None
    day = cw.read_day(ctx.toks, i)
    if day:
        k = day[1] + (ctx.key(day[1]) in ("من", "of", "de"))
        group = _month_group(ctx, k)
        if group is None:
            return None
        return _tail(ctx, _Parts(i, group[3], month=group[0], day=day[0], issue=group[1]))
    group = _month_group(ctx, i)
    if group is None:
        return None
    month, issue, ambiguous, k = group
    day = cw.read_day(ctx.toks, k + (ctx.key(k) == "."), digits_only=True)  # "Dec. 29"
    parts = _tail(ctx, _Parts(i, day[1] if day else k, month=month, issue=issue,
                              day=day[0] if day else None))
    before = ctx.key(i - 1)
    if parts.qualifier is None and before in ("last", "next", "this"):
        qualifier = {"last": "past", "next": "next", "this": "current"}[before]
        parts = replace(parts, first=i - 1, qualifier=qualifier)
    if ambiguous and not (parts.day or parts.year or parts.qualifier or before in _MONTH_CUES):
        return None     # "May", "مارس" alone: more often a verb than a month
    return parts


def _month_group(ctx: _Ctx, i: int) -> tuple[int, str | None, bool, int] | None:
    """A month or a pair ("أيلول/سبتمبر", "أيلول (سبتمبر)") -> (month, issue, ambiguous, end)."""
    first = cw.match_month(ctx.toks, i) if i < len(ctx.toks) else None
    if first is None:
        return None
    k = first.end
    second = cw.match_month(ctx.toks, k + 1) if ctx.key(k) in ("/", "(", "-") else None
    if second is None or (first.family == "levant") == (second.family == "levant"):
        return first.month, None, first.ambiguous, k    # "March-April" is a span, not a pair
    end = second.end + (ctx.key(k) == "(" and ctx.key(second.end) == ")")
    if first.month == second.month:
        return first.month, None, False, end
    # Levantine names are the local rendering of a Gregorian original: trust the latter.
    month = first.month if second.family == "levant" else second.month
    _, _, text = ctx.span(i, end)
    return month, f"month pair names two different months: {text}", False, end


def _tail(ctx: _Ctx, parts: _Parts) -> _Parts:
    """The year ("2015", ", 2017", "عام 2015", "2016 года") or "الماضي"/"المقبل" after a month."""
    k = parts.end + (ctx.key(parts.end) == "," and _year_tok(ctx, parts.end + 1))
    k += ctx.key(k) == "من" and ctx.key(k + 1) in cw.YEAR_BEFORE
    k += ctx.key(k) in cw.YEAR_BEFORE and _year_tok(ctx, k + 1)
    if _year_tok(ctx, k):
        end = k + 1 + (ctx.key(k + 1) in cw.YEAR_AFTER)
        return replace(parts, end=end, year=int(ctx.keys[k]))
    after = ctx.key(parts.end)
    for qualifier, words in (("past", cw.PAST), ("next", cw.NEXT), ("current", cw.CURRENT)):
        if after in words:
            return replace(parts, end=parts.end + 1, qualifier=qualifier)
    return parts


def _year_tok(ctx: _Ctx, i: int) -> bool:
    return 0 <= i < len(ctx.toks) and cw.is_year(ctx.toks[i])


def _relative(ctx: _Ctx, i: int) -> tuple[DateMention, int] | None:
    """"اليوم", "أمس", "الشهر الماضي", "last week", "в прошлом году"."""
    hit = match_phrase(ctx.keys, i, cw.RELATIVE)
    if hit is None:
        return None
    (unit, step), end = hit
    if unit == "day" and cw.weekday_of(ctx.key(end)) is not None:
        return None     # "غد الإثنين": the weekday reads it, with this word
    if ctx.keys[i] == "اليوم" and (ctx.key(i - 1) in _NOT_TODAY_BEFORE
                                   or ctx.key(end).startswith("ال")):
        return None     # "ذلك اليوم", "اليوم الذي", "اليوم التالي": "the day"
    if unit == "year" and ctx.key(i - 1) in _NOT_YEAR_BEFORE:
        return None     # "الأمين العام الحالي" is the current secretary-general
    resolved = _from_ref(ctx.ref, cw.shift, unit, step)
    span = ctx.span(i, end)
    return DateMention(*span, None, None, None, resolved, "relative", False, None, unit), end


def _year_only(ctx: _Ctx, i: int) -> tuple[DateMention, int] | None:
    """"عام 2015", "in 2015", "в 2015 году", "2015م"."""
    if ctx.keys[i] in cw.YEAR_BEFORE and _year_tok(ctx, i + 1):
        first, k = i, i + 1
    elif _year_tok(ctx, i) and ctx.key(i + 1) in cw.YEAR_AFTER:
        first, k = i, i
    else:
        return None
    end = k + 1 + (ctx.key(k + 1) in cw.YEAR_AFTER)
    return _mention(ctx, _Parts(first, end, year=int(ctx.keys[k])))


def _from_ref(ref: datetime.date | None, step, *args) -> datetime.date | None:
    """Calendar arithmetic from the reference date (None past year 1 or 9999)."""
    try:
        return step(ref, *args) if ref else None
    except (OverflowError, ValueError):
        return None
