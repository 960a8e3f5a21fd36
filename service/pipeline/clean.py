"""Boilerplate removal on plain article text, before sentence splitting.

Works line by line and never rewrites the text: ``text[r.start:r.end]`` is the
published wording. Each non-blank line is either one kept Region or one
Dropped entry (so ``len(dropped)`` counts lines); blank lines are in neither.
Rules, in order (a documented heuristic, not a model):

1. A comment marker alone on a line (``التعليقات (2)``, ``Comments``,
   ``Commentaires``, ``Комментарии``) drops it and all after it: comments come
   last and read like prose, so no line rule could tell them apart.
2. A list marker ("most read", "related", "other news", "read also", "tags";
   ar/en/fr/ru) alone on a line drops the next lines while they look like list
   items: not prose (6+ words ending a sentence, or 25+ words) or with a file
   name/URL (``photo_2025-07-15...`` glued to a headline). The first prose line
   ends the list and is kept: a "related" box can sit above the story (seed
   004). ``Lire aussi : headline`` drops only its own line.
3. Line shapes, each strict so that prose using the same words survives:
   contact ("contact us" *and* a channel, or a short line with a phone/e-mail),
   caption (``.../agency``, ``Photo:``), byline (``كتب -``, ``متابعة:``, ``By``),
   masthead (``رئيس التحرير`` and the name under it), dateline (numbers plus
   month/weekday/"views"/"منذ"-type words, at most one other word), footer
   (copyright, a bare URL or domain, "No stories found").
4. Copies of the title (also glued repeats, or with a short suffix), compared
   spelling-folded; a full sentence is spared (the lede reused as headline).
5. ``known_boilerplate(line)``, e.g. ``RepeatedLineDetector.predicate``.
6. A repeat of an earlier line of the same text ("duplicate_line").
7. Short fragments: under 4 words, not ending a sentence or with ":" (site
   names, "logo", lone names, emoji headings); "وقال الوزير:" names a speaker.

Sub-headings of 4+ words are kept: in Arabic news they are often a claim in
headline form ("خفض الوجود العسكري الروسي"), a kept line is its own region so
they never merge into a sentence, and no surface rule tells them from a body
line that lost its full stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from service.pipeline.normalize import normalize_for_match

REASONS = ("comments", "related_list", "contact", "caption", "byline", "masthead", "dateline",
           "footer", "title_repeat", "repeated_in_corpus", "duplicate_line", "short_fragment")


@dataclass(frozen=True)
class Region:
    """A kept piece of the original text: ``text[start:end]`` is article prose."""

    start: int
    end: int


@dataclass(frozen=True)
class Dropped:
    start: int
    end: int
    reason: str  # one of REASONS


@dataclass(frozen=True)
class CleanResult:
    kept: tuple[Region, ...]
    dropped: tuple[Dropped, ...]


def _phrases(*chunks: str) -> tuple[str, ...]:  # spelling-folded, from "a|b" chunks
    return tuple(normalize_for_match(p) for chunk in chunks for p in chunk.split("|"))


_COMMENT_MARKERS = frozenset(_phrases(
    "التعليقات|تعليقات|تعليقات القراء|أضف تعليق|أضف تعليقك|اترك تعليقا|comments|comment",
    "leave a comment|leave a reply|reader comments|commentaires|commentaire|réagissez",
    "laisser un commentaire|комментарии|комментариев|оставить комментарий"))
_LIST_MARKERS = _phrases(
    "الأكثر قراءة|الأكثر مشاهدة|الأكثر تداولا|مواضيع ذات صلة|أخبار ذات صلة|مقالات ذات صلة",
    "اقرأ أيضا|اقرأ المزيد|شاهد أيضا|أخبار أخرى|المزيد من الأخبار|قد يعجبك أيضا|الوسوم",
    "كلمات مفتاحية|كلمات دلالية|most read|most popular|related|read also|read more|see also",
    "more from|more stories|other news|you may also like|recommended|tags|lire aussi",
    "à lire aussi|a lire aussi|voir aussi|les plus lus|sur le même sujet|autres articles",
    "mots-clés|читайте также|похожие новости|другие новости|самое читаемое|по теме|теги")
_MASTHEAD = _phrases(
    "رئيس مجلس الإدارة|رئيس التحرير|نائب رئيس التحرير|مدير التحرير|المدير العام|editor-in-chief",
    "editor in chief|managing editor|rédacteur en chef|directeur de la publication",
    "главный редактор")
# Words a date, time or view-count line is made of (months: Egyptian, Levantine
# and Maghrebi Arabic names, English, French, Russian genitive).
_DATE_WORDS = frozenset(normalize_for_match(
    "يناير فبراير مارس أبريل مايو يونيو يونيه يوليو يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون "
    "شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الأول الثاني جانفي فيفري أفريل ماي جوان "
    "جويلية أوت السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة منذ قبل في بتاريخ تاريخ النشر "
    "نشر آخر تحديث الساعة ساعة ساعات دقيقة دقائق يوم أيام أسبوع أسابيع شهر أشهر سنة سنوات عام "
    "أعوام مشاهدة مشاهدات قراءة قراءات زيارة ص م صباحا مساء بتوقيت غرينتش january february march "
    "april may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday views view "
    "reads ago updated published posted last on at am pm gmt utc min mins minutes hour hours day "
    "days week weeks month months year years janvier février mars avril mai juin juillet août "
    "septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche vues "
    "lectures publié mis à jour le il y a heures января февраля марта апреля мая июня июля августа "
    "сентября октября ноября декабря просмотров просмотра просмотр обновлено опубликовано назад в "
    "мин часов часа ч").split())

_WORD = re.compile(r"\w+")
_BLANK = r"\s\u200b-\u200f\u2060\ufeff"  # whitespace and zero-width marks
_CONTENT = re.compile(rf"[^{_BLANK}](?:.*[^{_BLANK}])?", re.S)
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # punctuation or emoji around a marker
_NON_WORD = re.compile(r"[\W_]+")
_SENTENCE_END = re.compile(r"[.!?؟…。][\"'”’»)\]]*$")
_FILE_TOKEN = re.compile(
    r"[A-Za-z][\w.\-]*[\u0621-\u064a]|photo_\d|img_\d|\.(?:jpe?g|png|gif|webp)\b|https?://|www\.",
    re.I)
_CONTACT_PHRASE = re.compile(
    r"تواصل معنا|راسلونا|اتصل بنا|اتصلوا بنا|تابعونا|contact us|follow us|get in touch"
    r"|nous contacter|contactez-nous|suivez-nous|свяжитесь с нами|подписывайтесь")
_CHANNEL = re.compile(
    r"واتس ?ا?ب|تلغرام|تيليغرام|تليجرام|فيس ?بوك|تويتر|انستغرام|انستجرام|يوتيوب|فايبر"
    r"|whatsapp|telegram|facebook|twitter|instagram|youtube|viber|@|https?://|www\.|\d{9,}")
_PHONE_OR_MAIL = re.compile(r"\d{9,}|(?:\+|00)\d[\d \-]{7,}\d|[\w.\-]+@[\w\-]+\.\w+")
_CAPTION = re.compile(
    r"/\s*(?:وكاله|ا ف ب|رويترز|الاناضول|فرانس برس|سانا|afp|reuters|ap|getty|epa|anadolu)\b"
    r"|^(?:صوره|الصوره|photo|image|crédit photo|credit|фото)\s*[:\-–—]")
# Arabic verbs like "كتب" also open prose, so they count only before a colon or dash.
_BYLINE_LABEL = re.compile(r"^(?:كتب|كتبت|متابعه|اعداد|ترجمه|مراسل\w*|المصدر|تصوير|source|auteur"
                           r"|автор|источник|текст)\s*[:\-–—]")
_BYLINE_NAME = re.compile(r"^(?:بقلم|by|par|written by|reporting by)\s")
_FOOTER = re.compile(r"©|copyright *(?:\(c\)|\d{4})|all rights reserved|الحقوق محفوظه"
                     r"|حقوق النشر محفوظه|tous droits réservés|все права защищены"
                     r"|no stories found|powered by")
_BARE_URL = re.compile(r"^(?:https?://)?(?:www\.)?[\w\-]+(?:\.[\w\-]+)+(?:/\S*)?$")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str   # the line without surrounding blanks, verbatim
    key: str    # normalize_for_match(text)
    bare: str   # key without punctuation or emoji around it (for markers)
    words: int
    ends_sentence: bool


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    for raw in text.splitlines(keepends=True):
        content = _CONTENT.search(raw)
        if content:
            piece = content.group()
            key = normalize_for_match(piece)
            yield _Line(pos + content.start(), pos + content.end(), piece, key, _EDGES.sub("", key),
                        len(_WORD.findall(piece)), bool(_SENTENCE_END.search(piece)))
        pos += len(raw)


def _repeated_unit(compact: str) -> str:
    """``abcabc`` -> ``abc``: crawlers glue a title to itself without a space."""
    for times in (4, 3, 2):
        size, rest = divmod(len(compact), times)
        if not rest and size >= 10 and compact == compact[:size] * times:
            return compact[:size]
    return compact


def _is_prose(line: _Line) -> bool:
    return line.words >= 25 or (line.words >= 6 and line.ends_sentence)


def _is_comment_marker(line: _Line) -> bool:
    marker = _EDGES.sub("", re.sub(r"[\d()\[\]]", "", line.bare))  # "التعليقات (2)"
    return line.words <= 5 and marker in _COMMENT_MARKERS


def _list_marker(line: _Line) -> str | None:
    """"block" for a marker heading a list, "inline" for ``Read also: headline``."""
    bare = line.bare
    for marker in _LIST_MARKERS:
        if not bare.startswith(marker):
            continue
        rest = bare[len(marker):]
        if not rest or (rest[0] == " " and line.words <= len(marker.split()) + 3
                        and not line.ends_sentence):
            return "block"
        if re.match(r"\s*[:：\-–—|»>]", rest):
            return "inline"
    return None


def _is_dateline(line: _Line) -> bool:
    tokens = _WORD.findall(line.key)
    if not any(t.isdigit() for t in tokens) or len(tokens) > 14:
        return False
    return sum(1 for t in tokens if not t.isdigit() and t not in _DATE_WORDS) <= 1


def _is_contact(line: _Line) -> bool:
    return bool(_CONTACT_PHRASE.search(line.key) and _CHANNEL.search(line.key)) or (
        line.words <= 8 and bool(_PHONE_OR_MAIL.search(line.key)))


def _is_byline(line: _Line) -> bool:
    if line.ends_sentence:
        return False
    # "Par ailleurs, ..." is French prose: a name after "by"/"par" is short.
    return (line.words <= 10 and bool(_BYLINE_LABEL.match(line.bare))) or (
        line.words <= 6 and bool(_BYLINE_NAME.match(line.bare)))


def _pattern_reason(line: _Line) -> str | None:
    """The furniture a single line shows by its own shape, if any."""
    short = line.words <= 20 and not line.ends_sentence
    if _is_contact(line):
        return "contact"
    if short and _CAPTION.search(line.key):
        return "caption"
    if _is_byline(line):
        return "byline"
    if line.words <= 8 and line.bare.startswith(_MASTHEAD):
        return "masthead"
    if _is_dateline(line):
        return "dateline"
    if (line.words <= 20 and _FOOTER.search(line.key)) or _BARE_URL.match(line.text):
        return "footer"
    return None


def _is_short_fragment(line: _Line) -> bool:  # words == 0: "***", "…", a lone emoji
    return line.words == 0 or (
        line.words < 4 and not (line.ends_sentence or line.text.endswith((":", "："))))


class _Scanner:
    """One pass over the lines; its state is what earlier lines opened."""

    def __init__(self, title: str | None, known: Callable[[str], bool] | None):
        self.title = _repeated_unit(_NON_WORD.sub("", normalize_for_match(title))) if title else ""
        self.title_words = len(_WORD.findall(title)) if title else 0
        self.known = known
        self.seen: set[str] = set()
        self.in_comments = False
        self.in_list = False
        self.after_masthead = False

    def reason(self, line: _Line) -> str | None:
        """Why ``line`` is dropped, or None to keep it."""
        after_masthead, self.after_masthead = self.after_masthead, False
        if self.in_comments or _is_comment_marker(line):
            self.in_comments = True
            return "comments"
        marker = _list_marker(line)
        if marker:
            self.in_list = marker == "block"
            return "related_list"
        if self.in_list and (_FILE_TOKEN.search(line.text) or not _is_prose(line)):
            return _pattern_reason(line) or "related_list"
        self.in_list = False
        if after_masthead and line.words <= 4 and not line.ends_sentence:
            return "masthead"  # the name under "رئيس التحرير"
        reason = self._single_line_reason(line)
        self.after_masthead = reason == "masthead"
        return reason

    def _single_line_reason(self, line: _Line) -> str | None:
        compact = _NON_WORD.sub("", line.key)
        unit = _repeated_unit(compact)
        repeated = bool(unit) and (unit in self.seen or unit != compact)
        self.seen.add(unit)
        if reason := _pattern_reason(line):
            return reason
        if self._is_title_copy(line, unit):
            return "title_repeat"
        if self.known and self.known(line.text):
            return "repeated_in_corpus"
        if repeated:
            return "duplicate_line"
        return "short_fragment" if _is_short_fragment(line) else None

    def _is_title_copy(self, line: _Line, unit: str) -> bool:
        # A full sentence is spared: some outlets reuse the lede as headline,
        # and titles are not split into sentences downstream.
        if not self.title or _is_prose(line) or not unit.startswith(self.title):
            return False
        return unit == self.title or line.words <= self.title_words + 4


def clean_text(text: str, *, title: str | None = None,
               known_boilerplate: Callable[[str], bool] | None = None) -> CleanResult:
    """Kept prose lines and dropped furniture lines of ``text`` (rules: module doc)."""
    scanner = _Scanner(title, known_boilerplate)
    kept: list[Region] = []
    dropped: list[Dropped] = []
    for line in _lines(text):
        reason = scanner.reason(line)
        if reason is None:
            kept.append(Region(line.start, line.end))
        else:
            dropped.append(Dropped(line.start, line.end, reason))
    return CleanResult(tuple(kept), tuple(dropped))
