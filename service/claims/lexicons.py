"""Word lists, and the matcher that finds them in running text in any script.

The lists themselves live in ``lexicon_*.py`` (places, actors, roles, cues,
antonyms); this module turns them into a few compiled regular expressions and
reports every hit with offsets into the *original* text, so callers can quote
the sentence verbatim.

Alias syntax (one string per entry, aliases separated by ``|``):

``word*``  Latin/Cyrillic prefix: any word ending (``reduc*``: reduce, reduction).
``word-``  Arabic verb stem: optional imperfect prefix (يـ تـ نـ اـ, سيـ) and verb
           endings (ت وا ون ه ها ...): ``شارك-`` finds شاركت، يشارك، سيشاركون.
``+word``  Arabic verb stem whose imperfect prefix is required: ``+مثل`` finds
           يمثل/سيمثل but not مثل ("like").
``word~``  Arabic nisba stem that needs an adjective ending: ``روس~`` finds
           روسي، الروسية، الروسيين (and not a bare روس).
``=ALIAS`` case-sensitive (acronyms: "US" is not "us", "UN" is not French "un").

Every Arabic alias takes the clitics و/ف then ب/ك/ل and, unless the entry's
form is ``particle``, the article (ال, or a single ل after ل: للأمم); an alias
written with ال needs it. Cyrillic words of four letters or more take up to
three letters of case ending (Путина, Москве) because Russian inflects names.
Matching runs on a folded form (no diacritics, unified alef/ya/ta marbuta, no
accents, lower case); spans are mapped back to the original characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Sequence

from service.pipeline.normalize import ascii_digits, fold_arabic

ARABIC = re.compile("[\u0621-\u064a]")
CYRILLIC = re.compile("[\u0400-\u04ff]")
_QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2010": "-", "\u2011": "-"}
_NOUN_END = "(?:ه|ها|هم|هما|ي|يه|ا|ات|ان|ين|ون|نا)?"
_VERB_END = "(?:ت|تا|وا|ون|ان|ين|تم|نا|ه|ها|هم|هما|وه|ته|تها|تهم|ي|ا|وها)?"
_SHORT_END = "(?:ت|وا|ون|ه|ها|هم)?"  # two-letter stems: ضم + ان is ضمان ("guarantee")
_NISBA_END = "(?:ي|يه|يين|يون|يا|يتين|يان|ين)"
_WORD = re.compile(r"\w+")
_SCRIPT_RUN = re.compile(r"[A-Za-z]+|[\u0621-\u064a]+|[\u0400-\u04ff]+|[^\W\d_A-Za-z\u0600-\u06ff\u0400-\u04ff]+")
_VERB_PREFIX = "(?:س?[يتنا]|ل[يتن])"
_ARTICLE = "(?:ال|(?<=لل))"  # للأمم: the clitic ل took the article's ل


@dataclass(frozen=True)
class Term:
    """A list entry: canonical key, kind (person, org, negation, hedge...) and aliases."""

    key: str
    kind: str
    aliases: str
    form: str = "name"  # Arabic affixes: name, noun (takes suffixes), particle (و/ف only)


@dataclass(frozen=True)
class LexHit:
    entries: tuple[Any, ...]  # every entry that owns the matched alias
    start: int
    end: int
    text: str

    @property
    def entry(self) -> Any:
        return self.entries[0]


class _FoldTable(dict):
    """Folded string per code point, filled on demand; used by str.translate."""

    def __init__(self, casefold: bool):
        super().__init__()
        self.casefold = casefold
        self.irregular: set[str] = set()  # characters that fold to 0 or 2+ characters

    def __missing__(self, code: int) -> str:
        char = chr(code)
        out = "" if char == "\u0640" else unicodedata.normalize("NFKD", char)  # tatweel: decoration
        out = "".join(_QUOTES.get(c, c) for c in out if not unicodedata.combining(c))
        out = ascii_digits(fold_arabic(out))
        out = out.casefold() if self.casefold else out
        if len(out) != 1:
            self.irregular.add(char)
        self[code] = out
        return out


_TABLES = {True: _FoldTable(True), False: _FoldTable(False)}


@dataclass(frozen=True)
class Folded:
    """Folded text plus the map from folded positions back to the original."""

    original: str
    text: str
    starts: tuple[int, ...] | None  # None: one folded char per original char

    @cached_property
    def words(self) -> dict[str, list[int]]:
        """Each word of the folded text and where it starts (computed once per text)."""
        found: dict[str, list[int]] = {}
        for match in _WORD.finditer(self.text):
            found.setdefault(match.group(), []).append(match.start())
        return found

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None:
            return start, end
        first = self.starts[start]
        if end >= len(self.text):
            return first, len(self.original)
        last = self.starts[end - 1]
        nxt = self.starts[end]
        # The next folded char may come from the same original char (ß -> ss).
        return first, nxt if nxt > last else last + 1


def _fold(text: str, table: _FoldTable) -> Folded:
    folded = text.translate(table)
    if len(folded) == len(text) and table.irregular.isdisjoint(text):
        return Folded(text, folded, None)
    pieces = [table[ord(c)] for c in text]
    starts = tuple(i for i, p in enumerate(pieces) for _ in p)
    return Folded(text, folded, starts)


@lru_cache(maxsize=32_768)  # align reads a sentence's slots one at a time, lazily, between others
def fold_with_offsets(text: str, casefold: bool = True) -> Folded:
    """Fold for matching; cached because every extractor folds the same sentence."""
    return _fold(text, _TABLES[casefold])


@dataclass(frozen=True)
class Token:
    start: int  # offsets into the original text
    end: int
    word: str  # folded, case kept
    lower: str


def tokens(text: str) -> list[Token]:
    """Letter runs of one script each (Usmonzodaمشاركة is two words), original offsets."""
    folded = fold_with_offsets(text, casefold=False)
    spans = [(folded.span(*m.span()), m.group()) for m in _SCRIPT_RUN.finditer(folded.text)]
    return [Token(start, end, word, word.casefold()) for (start, end), word in spans]


def fold(text: str) -> str:
    return fold_with_offsets(text).text


def folded_words(words: str) -> frozenset[str]:
    """A set of words in folded form, for membership tests on folded tokens."""
    return frozenset(fold(w) for w in words.split())


def _arabic_word(word: str, form: str, first: bool, last: bool) -> str:
    """Regex for one folded Arabic alias word, with the affixes its marker and form allow."""
    if word.endswith("-") or word.startswith("+"):
        stem = word.strip("+-")
        prefix = _VERB_PREFIX if word.startswith("+") else _VERB_PREFIX + "?"
        end = _SHORT_END if len(stem) < 3 else _VERB_END  # رفضت التوقيع: endings on any word
        return prefix + re.escape(stem) + end
    article = ""
    if first and form != "particle":
        if word.startswith("ال") and len(word) > 3:
            word, article = word[2:], _ARTICLE
        else:
            article = _ARTICLE + "?"
    if word.endswith("~"):
        body = re.escape(word[:-1]) + _NISBA_END
    elif form == "noun" and last and word.endswith("ه") and len(word) > 3:
        # ta marbuta turns into ت before a pronoun: زيادة -> زيادته
        body = re.escape(word[:-1]) + "(?:ه|ات|ت" + _NOUN_END[:-1] + ")"
    elif form == "noun" and last:
        body = re.escape(word) + (_SHORT_END if len(word) < 3 else _NOUN_END)
    else:
        body = re.escape(word)
    return article + body


def _latin_word(raw: str, sensitive: bool) -> str:
    word = _fold_word(raw, sensitive)
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"\w*"
    if CYRILLIC.search(word) and raw[:1].isupper() and len(word) >= 4:
        # Russian declines names (Путина, Москве); common words use "*" instead.
        stem = word[:-1] if word[-1] in "аяеоиыьу" else word
        return re.escape(stem) + "[а-я]{0,3}"
    return re.escape(word)


def _fold_word(word: str, sensitive: bool) -> str:
    # Markers survive folding: they are ASCII punctuation.
    return fold_with_offsets(word, casefold=not sensitive).text


def alias_pattern(raw: str, form: str, sensitive: bool = False) -> tuple[str, str]:
    """(clitics, body) regexes for one alias as written in a list."""
    if ARABIC.search(raw):
        words = _fold_word(raw, sensitive).split()
        parts = [_arabic_word(w, form, i == 0, i == len(words) - 1) for i, w in enumerate(words)]
        verb = words[0].endswith("-") or words[0].startswith("+")
        # Verbs take و/ف (and ل before the prefix); ب+شار is the name بشار, not "pointed".
        clitics = "[وف]?" if form == "particle" or verb else "[وف]?(?:لل|[بكل])?"
        return clitics, r"\s+".join(parts)
    words = [w for w in re.split(r"[\s\-]+", raw) if w]
    return "", r"[\s\-]+".join(_latin_word(w, sensitive) for w in words)


@dataclass(frozen=True)
class _Alias:
    regex: re.Pattern[str]
    entries: tuple[Any, ...]
    sensitive: bool


def _anchor(raw: str) -> str:
    """The first letters of an alias's stem: what a text word must contain."""
    word = _fold_word(raw.split()[0] if raw.split() else raw, False).strip("+-~*")
    if ARABIC.search(word) and word.startswith("ال") and len(word) > 3:
        word = word[2:]
    run = re.match(r"\w+", word)
    return run.group(0)[:3] if run else ""


class Lexicon:
    """A list of entries compiled for search; ``find`` returns non-overlapping hits.

    One small regex per alias, tried only when a word of the text contains the
    alias's first letters (after up to four letters of clitics and prefixes):
    a single alternation of a few thousand aliases is a hundred times slower.
    """

    made: list[Lexicon] = []  # every lexicon of the process, for ``compile_all``

    def __init__(self, entries: Sequence[Any]):  # anything with ``aliases`` and ``form``
        self.entries = tuple(entries)
        self._index: dict[str, list[_Alias]] | None = None
        self._by_token: dict[str, tuple[_Alias, ...]] = {}
        self._sensitive = False
        Lexicon.made.append(self)

    def compile(self) -> None:
        """Build the alias regexes now (``find`` does it on first use otherwise)."""
        if self._index is None:
            self._index = self._build()
            self._sensitive = any(a.sensitive for aliases in self._index.values() for a in aliases)

    def _build(self) -> dict[str, list[_Alias]]:
        owners: dict[tuple[bool, str, str], list[Any]] = {}
        anchors: dict[tuple[bool, str, str], str] = {}
        for entry in self.entries:
            for raw in filter(None, (a.strip() for a in entry.aliases.split("|"))):
                sensitive = raw.startswith("=")
                clitics, body = alias_pattern(raw.lstrip("="), entry.form, sensitive)
                owners.setdefault((sensitive, clitics, body), []).append(entry)
                anchors[(sensitive, clitics, body)] = _anchor(raw.lstrip("="))
        index: dict[str, list[_Alias]] = {}
        for key, found in owners.items():
            sensitive, clitics, body = key
            regex = re.compile(rf"(?<!\w){clitics}(?P<core>{body})(?!\w)")
            index.setdefault(anchors[key], []).append(_Alias(regex, tuple(found), sensitive))
        return index

    def _aliases_for(self, token: str) -> tuple[_Alias, ...]:
        found = self._by_token.get(token)
        if found is None:
            if len(self._by_token) > 100_000:  # bounded: news vocabulary is open
                self._by_token.clear()
            reach = 5 if ARABIC.match(token) else 1
            index = self._index or {}
            found = tuple({id(a): a for k in range(min(reach, len(token))) for n in (1, 2, 3)
                           for a in index.get(token[k:k + n], ())}.values())
            self._by_token[token] = found
        return found

    def find(self, text: str) -> list[LexHit]:
        self.compile()
        hits: list[LexHit] = []
        for sensitive in (False, True) if self._sensitive else (False,):
            folded = fold_with_offsets(text, casefold=not sensitive)
            for word, starts in folded.words.items():
                for alias in self._aliases_for(word.casefold() if sensitive else word):
                    if alias.sensitive != sensitive:
                        continue
                    for position in starts:  # clitics belong to the word: aliases start where words do
                        match = alias.regex.match(folded.text, position)
                        if match:
                            start, end = folded.span(*match.span("core"))
                            hits.append(LexHit(alias.entries, start, end, text[start:end]))
        return drop_overlaps(hits)


def compile_all() -> None:
    """Build every lexicon's regexes: a server does it at start-up, not in its first requests.

    Compiling the larger lists (places and actors, role words) takes a few
    hundred milliseconds; the modules of ``service.claims`` that define them
    are imported here so that every list the slots use is built (slots know
    nothing of the judge: this package never imports ``service.judge``).
    """
    import service.claims.entities  # noqa: F401  (each module that defines a lexicon)
    import service.claims.polarity  # noqa: F401
    import service.claims.speakers  # noqa: F401

    for lexicon in Lexicon.made:
        lexicon.compile()


def drop_overlaps(hits: Sequence[Any]) -> list[Any]:
    """Keep the longest of overlapping hits (earliest on ties), in text order."""
    kept: list[Any] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)
