"""Split news text (Arabic, English, French, Russian) into sentences.

Offsets are exact: the text is never modified, every span is the verbatim
slice ``text[start - offset:end - offset]`` minus surrounding whitespace.

Rules, in the order they are applied:

- line breaks always end a sentence (crawled pages put headlines, captions and
  paragraphs on their own lines, and quotes never span them);
- a run of ``. ? ! ؟ ؛ …`` plus any closing quotes/brackets right after it ends
  a sentence when whitespace or the end of the line follows, and not when it
  lies inside a balanced quote or bracket pair;
- a single terminator glued to an Arabic letter ("المحادثات.وبعد") ends one
  too: crawled Arabic drops that space;
- abbreviations, initials, list numbers and a lower-case next word keep the
  sentence going;
- sentences longer than ``max_chars`` are cut at clause commas.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

__all__ = ["SentenceSpan", "split_sentences"]


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    start: int  # character offset (plus the caller's offset)
    end: int  # exclusive
    text: str  # verbatim slice of the source between start and end


# Every character str.splitlines() breaks on, so a line never holds a break.
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
# Closers after the run stay with the sentence; French sets a (narrow) space
# before its closing guillemet: « Nous sommes prêts ! »
_TERMINATOR_RUN = re.compile(r"[.?!؟؛…]+((?:[\"”»)\]’'“]|[ \u00a0\u202f]»)*)")
_VISIBLE = re.compile(r"\S")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_TATWEEL = "\u0640"

# A closed quote or bracket is trusted only this far: crawled text is full of
# stray quotes, and an opener that "closes" pages later protected nothing.
_QUOTE_REACH = 500
# Real text nests quotes two or three deep; looking deeper only finds noise.
_QUOTE_NESTING = 8
_OPEN_TO_CLOSE = {'"': '"', "“": "”", "«": "»", "„": "“", "(": ")", "[": "]"}
_QUOTE_CHARS = frozenset(_OPEN_TO_CLOSE) | frozenset(_OPEN_TO_CLOSE.values())
# One-letter words that glue to a following quote: و"جبهة فتح الشام".
_ARABIC_PREFIXES = frozenset("وفبلك")
_OPENERS = "\"“«„(['‘"

# Case-sensitive on purpose: "No. 5" is an abbreviation, "said no. Then" not.
_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Prof St Mt Ft Gen Col Lt Sgt Capt Gov Sen Rep Rev Hon Ph.D "
    "No Nos Vol vol ch p pp fig Fig art Art cf vs approx ca est Dept dept "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "M MM Mme Mmes Mlle Mlles Me av env "
    "г гг ул им пр см стр рис проф акад ген".split()
)
# Abbreviations that often close a sentence: they end it unless the next word
# starts lower-case (checked for every terminator), so "etc. and" continues
# but "etc. The" and "إلخ. وقال" (Arabic has no case) split.
_MAY_END = frozenset(
    "etc Inc Ltd Co Corp Jr Sr т.д т.п др тыс млн млрд руб долл إلخ الخ هـ".split()
)
_LONGEST_ABBREVIATION = 8
# U.S, e.g, т.е, ق.م and initials such as "J" or "أ": single letters and dots.
_DOTTED_LETTERS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")

_CLAUSE_MARKS = frozenset("،,;")
_CONNECTOR_WORD = re.compile(
    r"(?:ثم|بينما|فيما|في حين|كما|لكن\w*|إلا أن|غير أن|حيث|أما"
    r"|and|but|while|whereas|et|mais|tandis que|alors que"
    r"|и|но|а|однако|тогда как)(?!\w)",
    re.IGNORECASE,
)
# و/ف glued to a verb: imperfect prefixes (يتنس) or common reporting verbs.
# Nouns such as وتركيا slip through; this only ranks cut points, so tolerable.
_CONNECTOR_PREFIX = re.compile(
    r"(?:و(?:[يتنس]|قد|لم|لن|كان|قال|أكد|أضاف|أشار|أعلن|أوضح|لفت|شدد|ذكر)"
    r"|ف(?:إن|أن|قد|لم|لن|ال|[يتس]))(?=\w)"
)


def split_sentences(text: str, *, max_chars: int = 400, offset: int = 0) -> list[SentenceSpan]:
    """Sentences of ``text`` in order, each no longer than ``max_chars`` unless
    it has no clause comma to cut at; offsets are shifted by ``offset``."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    spans: list[SentenceSpan] = []
    for match in _LINE.finditer(text):
        line, base = match.group(), match.start()
        inside = _protected(line)
        for start, end in _sentence_bounds(line, inside):
            for a, b in _fit(line, inside, start, end, max_chars):
                spans.append(SentenceSpan(base + a + offset, base + b + offset, line[a:b]))
    return spans


def _sentence_bounds(line: str, inside: list[int]) -> list[tuple[int, int]]:
    cuts = [0]
    for run in _TERMINATOR_RUN.finditer(line):
        if _ends_sentence(line, inside, run.start(), run.start(1), run.end()):
            cuts.append(run.end())
    cuts.append(len(line))
    trimmed = (_trim(line, a, b) for a, b in zip(cuts, cuts[1:]))
    return [(a, b) for a, b in trimmed if a < b]


def _ends_sentence(line: str, inside: list[int], start: int, run_end: int, after: int) -> bool:
    """Whether the terminator run line[start:run_end] (closers up to ``after``)
    ends a sentence."""
    if inside[after]:
        return False
    if after < len(line) and not line[after].isspace():
        if not _glued_arabic(line, start, run_end, after):
            return False
    following = _next_visible(line, after)
    # "وفقد الخام 12. 1 دولار": a bidi-mangled decimal (1.12) whose dot got a space, not a
    # full stop between a figure and a sentence that starts with a bare figure.
    if line[start:run_end] == "." and start > 0 and line[start - 1].isdigit() and following.isdigit():
        return False
    # Lower case continues the sentence ("etc. and", "“Why?” he asked"), and so
    # does a dash after a quote (Russian «Готовы!» — заявил он).
    if following.islower() or (following in ("—", "–") and after > run_end):
        return False
    if line[start:run_end] == ".":
        return not _abbreviation_before(line, start)
    return True


def _glued_arabic(line: str, start: int, run_end: int, after: int) -> bool:
    """Crawled Arabic often drops the space after a full stop
    ("المحادثات.وبعد"): a single terminator glued to an Arabic letter is a
    boundary. Doubled dots ("بسوريا..أنقرة") are headline separators and a
    digit after a dot is a number, so neither splits."""
    single = run_end - start == 1 and after == run_end
    return single and _ARABIC_LETTER.match(line, after) is not None


def _abbreviation_before(line: str, dot: int) -> bool:
    """Whether the word ending at ``dot`` makes that full stop an abbreviation."""
    word_start = dot
    floor = max(0, dot - _LONGEST_ABBREVIATION - 2)
    while word_start > floor and not line[word_start - 1].isspace():
        word_start -= 1
    if word_start > 0 and not line[word_start - 1].isspace():
        return False  # a word longer than any abbreviation
    token = line[word_start:dot].lstrip(_OPENERS)
    if not token or token in _MAY_END:
        return False
    if token in _ABBREVIATIONS or _DOTTED_LETTERS.fullmatch(token):
        return True
    # "1. First point" at the start of a line numbers a list item.
    is_number = token.isdigit() and len(token) <= 3
    return is_number and _VISIBLE.search(line, 0, word_start) is None


def _next_visible(line: str, pos: int) -> str:
    found = _VISIBLE.search(line, pos)
    return found.group() if found else ""


def _protected(line: str) -> list[int]:
    """inside[p] > 0 when position p lies after an opening quote or bracket and
    at or before its closer; length len(line) + 1."""
    delta = [0] * (len(line) + 1)
    for opened, closed in _quote_pairs(line):
        delta[opened + 1] += 1
        delta[closed + 1] -= 1  # closed < len(line), so this index exists
    return list(accumulate(delta))


def _quote_pairs(line: str) -> list[tuple[int, int]]:
    """Balanced quote/bracket pairs no wider than _QUOTE_REACH; openers that
    never close are treated as absent."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (expected closer, opener position)
    for pos, char in enumerate(line):
        if char not in _QUOTE_CHARS:
            continue
        in_reach = (i for i, (_, at) in enumerate(stack) if pos - at <= _QUOTE_REACH)
        del stack[:next(in_reach, len(stack))]
        match = _matching_opener(stack, char) if _may_close(line, pos) else None
        if match is not None:
            pairs.append((stack[match][1], pos))
            del stack[match:]
        elif char in _OPEN_TO_CLOSE and _may_open(line, pos):
            stack.append((_OPEN_TO_CLOSE[char], pos))
    return pairs


def _matching_opener(stack: list[tuple[str, int]], char: str) -> int | None:
    for index in range(len(stack) - 1, max(-1, len(stack) - 1 - _QUOTE_NESTING), -1):
        if stack[index][0] == char:
            return index
    return None


def _may_close(line: str, pos: int) -> bool:
    """A straight quote closes only when glued to the text before it, and not
    after a prefix letter or tatweel (و"جبهة, لـ"أورينت), which open."""
    if line[pos] != '"':
        return True
    if pos == 0 or line[pos - 1].isspace() or line[pos - 1] == _TATWEEL:
        return False
    prefix_word = line[pos - 1] in _ARABIC_PREFIXES and (pos == 1 or line[pos - 2].isspace())
    return not prefix_word


def _may_open(line: str, pos: int) -> bool:
    """A straight quote followed by a space quotes nothing."""
    if line[pos] != '"':
        return True
    return pos + 1 < len(line) and not line[pos + 1].isspace()


def _fit(
    line: str, inside: list[int], start: int, end: int, max_chars: int
) -> list[tuple[int, int]]:
    """Cut an over-long sentence at clause commas until the pieces fit; a piece
    without a usable comma stays whole. Cut points are ranked once and pieces
    kept on a worklist, so a huge comma-separated run costs n log n, not n²,
    and cannot exhaust the stack."""
    if end - start <= max_chars:
        return [(start, end)]
    cuts = _clause_cuts(line, inside, start, end)
    positions = [cut for cut, _ in cuts]
    done: list[tuple[int, int]] = []
    todo = [(start, end)]
    while todo:
        a, b = todo.pop()
        # The mark of a usable cut lies strictly inside the piece.
        window = cuts[bisect_right(positions, a + 1):bisect_left(positions, b)]
        if b - a <= max_chars or not window:
            done.append((a, b))
            continue
        middle = (a + b) / 2
        cut, _ = min(window, key=lambda found: (found[1], abs(found[0] - middle)))
        todo.append(_trim(line, cut, b))
        todo.append(_trim(line, a, cut))
    return done


def _clause_cuts(
    line: str, inside: list[int], start: int, end: int
) -> list[tuple[int, tuple[bool, bool]]]:
    """Positions just after the clause commas of line[start:end], each with its
    tier: outside quotes first, then followed by a discourse connector
    ("، وأكد", ", but", ", mais"); within a tier the middle wins."""
    cuts = []
    for pos in range(start + 1, end - 1):
        if line[pos] in _CLAUSE_MARKS and _splittable_after(line, pos):
            cuts.append((pos + 1, (inside[pos] > 0, not _connector_at(line, pos + 1))))
    return cuts


def _splittable_after(line: str, mark: int) -> bool:
    """Never cut inside a token: "1,000" and "a,b" keep their comma. The Arabic
    comma may be glued to the next word in crawled text ("،وقال")."""
    following = line[mark + 1]
    if following.isspace():
        return True
    return line[mark] == "،" and not following.isdigit() and following not in _CLAUSE_MARKS


def _connector_at(line: str, pos: int) -> bool:
    word = _VISIBLE.search(line, pos)
    if word is None:
        return False
    at = word.start()
    return bool(_CONNECTOR_WORD.match(line, at) or _CONNECTOR_PREFIX.match(line, at))


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end
