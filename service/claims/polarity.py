"""Negation, hedging and antonyms: "attended" vs "did not attend", "reduce" vs "increase".

``is_negated`` counts negation cues clause by clause (clauses end at commas,
semicolons and "but"/لكن/بينما/mais/но) and calls the text negated when some
clause has an odd count: a double negation ("لم ينفِ", "did not deny")
cancels out, while "we do not coordinate, and we do not cooperate" stays
negated (each clause carries its own). Cues
inside quotation marks count like any other: a sentence that quotes a denial
reports that denial (``Cue.quoted`` says where they were, for callers who
want otherwise). Fixed phrases that only look negative are not cues: لا يزال
("still"), لا سيما ("especially"), غير أن ("however"), "not only", "no doubt",
"не только". Negative concord counts once (никто не, ne ... jamais: only не and
jamais are listed). Arabic ما is a negation only clause-first before a past
verb from a short list (ما شارك): elsewhere it is "what" (وما كان مقدمة).

``antonym_pairs`` finds, for two texts, cue words from opposite poles of one
group (reduce/increase, include/exclude, attend/boycott ...). A cue in the
scope of a negation or a refusal just before it flips its pole: "attended"
and "did not boycott" agree, "did not attend" and "boycotted" do too; such
pairs are not reported. The same word with and without a negation is a
negation matter for the caller (``is_negated``), except when the flip comes
from a refusal (رفضت التوقيع vs وقعت), which is stance, not a negation cue.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from functools import lru_cache

from service.claims.lexicon_antonyms import ANTONYM_POLES, Pole
from service.claims.lexicon_cues import HEDGES, NEGATION_EXCEPTIONS, NEGATIONS
from service.claims.lexicons import LexHit, Lexicon, fold_with_offsets


@dataclass(frozen=True)
class Cue:
    kind: str  # negation | hedge
    key: str  # not, deny, refuse | uncertain, attribution
    text: str
    start: int
    end: int
    quoted: bool = False  # inside quotation marks


@dataclass(frozen=True)
class AntonymHit:
    kind: str  # direction, scope, stance, participation, agreement, signing, state, military, outcome, assertion
    a_cue: str
    b_cue: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    group: str  # quantity, inclusion, support, attendance, ...
    a_pole: str
    b_pole: str
    a_negated: bool = False
    b_negated: bool = False


_NEGATION = Lexicon(NEGATIONS + NEGATION_EXCEPTIONS)
_HEDGES = Lexicon(HEDGES)
_ANTONYMS = Lexicon(ANTONYM_POLES)
# Each group has two poles; a negated pole says the other one.
_OTHER = {(p.group, p.pole): q.pole for p in ANTONYM_POLES for q in ANTONYM_POLES
          if p.group == q.group and p.pole != q.pole}
# ما + past verb, clause-first: ما شارك = "did not take part" (folded text).
_MA = re.compile(r"(?:^|(?<=[.،,؛:!?\n\"«»]))\s*[وف]?(ما)\s+(?=(?:شارك|حضر|وقع|وافق|اتفق|انسحب|قاطع|قبل|اعترف"
                 r"|سمح|تمكن|استطاع|تلق|ارسل|دعا)\w*)")
# ne ... plus ("no longer"): plus alone is "more".
_NE_PLUS = re.compile(r"(?<!\w)n(?:e\s+|')(?:\w+\s+){0,2}(plus)(?!\w)")
# قد before an imperfect verb is "may"; before a past verb it is "has indeed".
_QAD = re.compile(r"(?<!\w)[وف]?(قد)\s+(?=[يتن]\w)")
_QUOTES = re.compile(r"\"[^\"]*\"|«[^»]*»|“[^”]*”|„[^“”]*[“”]")
_CLAUSE_BREAK = re.compile(r"[،,;؛]|(?<!\w)(?:but|while|whereas|mais|tandis|но|однако|لكن|ولكن|بينما)(?!\w)",
                           re.IGNORECASE)
_BETWEEN = re.compile(r"\w+|[.,،;؛:!?؟]")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTES.finditer(text)]


def _cue(kind: str, key: str, text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> Cue:
    quoted = any(s < start and end < e for s, e in quotes)
    return Cue(kind, key, text[start:end], start, end, quoted)


def _pattern_cues(text: str, pattern: re.Pattern[str], kind: str, key: str, quotes: list) -> list[Cue]:
    folded = fold_with_offsets(text)
    spans = [folded.span(*m.span(1)) for m in pattern.finditer(folded.text)]
    return [_cue(kind, key, text, start, end, quotes) for start, end in spans]


def negation_cues(text: str, lang: str | None = None) -> list[Cue]:
    """Negation words in text order (see the module notes for what counts)."""
    return list(_negation_cues(text))


@lru_cache(maxsize=1024)  # is_negated and antonym_pairs ask again for the same sentence
def _negation_cues(text: str) -> tuple[Cue, ...]:
    quotes = _quoted_spans(text)
    cues = [_cue("negation", h.entry.key, text, h.start, h.end, quotes) for h in _NEGATION.find(text)
            if h.entry.kind == "negation" and not (h.text.lower() == "non" and text[h.end:h.end + 1] == "-")
            and h.text.lower() != "dont"]        # French "of which"; the English "don't" keeps its apostrophe
    cues += _pattern_cues(text, _MA, "negation", "not", quotes)
    cues += _pattern_cues(text, _NE_PLUS, "negation", "not", quotes)
    return tuple(sorted(cues, key=lambda c: c.start))


# Two negations cancel out only when they are this close (words between): "did not deny",
# «لم ينفِ». Farther apart in one clause, each negates its own verb: "has had no health
# problems and has not undergone any tests" is negated twice over, not affirmed.
DOUBLE_NEGATION_GAP = 2
_WORD = re.compile(r"\w+")


def is_negated(text: str, lang: str | None = None) -> bool:
    """True when some clause carries a run of negations of odd length: two close together
    cancel out ("did not deny"), two apart negate two things."""
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    runs: Counter = Counter()
    previous = None
    for cue in negation_cues(text, lang):
        clause = bisect_right(breaks, cue.start)
        close = previous is not None and previous[0] == clause \
            and len(_WORD.findall(text[previous[1]:cue.start])) <= DOUBLE_NEGATION_GAP
        run = previous[2] if close else (clause, cue.start)
        runs[run] += 1
        previous = (clause, cue.end, run)
    return any(n % 2 for n in runs.values())


def hedges(text: str, lang: str | None = None) -> list[Cue]:
    """Hedging and attribution cues: reportedly, ربما, قد + imperfect, selon, по данным ..."""
    quotes = _quoted_spans(text)
    cues = [_cue("hedge", h.entry.key, text, h.start, h.end, quotes) for h in _HEDGES.find(text)]
    cues += _pattern_cues(text, _QAD, "hedge", "uncertain", quotes)
    return sorted(cues, key=lambda c: c.start)


def _scope(text: str, hit: LexHit, negators: list[tuple[str, Any]]) -> str:
    """"negation" or "refusal" when one stands at most three words before the cue, same clause."""
    for kind, neg in negators:
        if neg.end <= hit.start:
            between = _BETWEEN.findall(fold_with_offsets(text[neg.end:hit.start]).text)
            if len(between) <= 3 and not any(not t[0].isalnum() for t in between):
                return kind
    return ""


PoleHit = tuple[Pole, LexHit, str]    # (pole, the cue found, "negation" | "refusal" | "" in scope)


def antonym_poles(text: str) -> tuple[PoleHit, ...]:
    """The antonym cues of a text with the negation in their scope (what ``antonym_pairs`` compares)."""
    return _poles(text)


@lru_cache(maxsize=50_000)  # align compares each sentence with ten or more neighbours
def _poles(text: str) -> tuple[PoleHit, ...]:
    hits = _ANTONYMS.find(text)
    if not hits:
        return ()                 # the common case: no negation scope to look for
    refusals = [("refusal", h) for h in hits if any(p.pole == "oppose" for p in h.entries)]
    negators = [("negation", c) for c in negation_cues(text)] + refusals
    return tuple((pole, hit, _scope(text, hit, negators)) for hit in hits for pole in hit.entries)


def _opposed(pa: Pole, na: str, pb: Pole, nb: str) -> bool:
    """Opposite once negation is applied; a plain negation of the same word is is_negated's job,
    but a refusal (رفضت التوقيع vs وقعت) is not a negation cue, so it is reported here."""
    if pa.pole == pb.pole:
        return bool(na) != bool(nb) and "refusal" in (na, nb)
    return bool(na) == bool(nb)


def _said(poles: tuple[tuple[Pole, LexHit, str], ...], group: str) -> set[str]:
    """What a text says in one group, negations applied ("did not boycott" says attend)."""
    return {_OTHER[(p.group, p.pole)] if n else p.pole for p, _, n in poles if p.group == group}


def antonym_pairs(a_text: str, b_text: str) -> list[AntonymHit]:
    """Cue pairs that say opposite things within one antonym group (see the module notes)."""
    return opposed_poles(_poles(a_text), lambda: _poles(b_text))


def opposed_poles(a_poles: tuple[PoleHit, ...], b_poles: Callable[[], tuple[PoleHit, ...]]) -> list[AntonymHit]:
    """``antonym_pairs`` from the two sides' ``antonym_poles`` (b's asked for only if a has some)."""
    if not a_poles:
        return []                 # nothing on a's side to oppose: b's cues are not looked for
    b_poles = b_poles()
    out = []
    for pa, ha, na in a_poles:
        if _said(a_poles, pa.group) == _said(b_poles, pa.group):  # both say the same things: nothing to oppose
            continue
        for pb, hb, nb in b_poles:
            if pb.group == pa.group and _opposed(pa, na, pb, nb):
                out.append(AntonymHit(pa.kind, ha.text, hb.text, (ha.start, ha.end), (hb.start, hb.end),
                                      pa.group, pa.pole, pb.pole, bool(na), bool(nb)))
    return out
