"""Which conflicts are *confirmed* (shown by default) and which only *possible*.

A slot reason says two sentences carry different values; it does not say
they state the same fact. Audits of SaudiNewsNet flags found most of them
were two facts of one template: the market wrap of two trading days, the
second against the third aid shipment, steel output of May against June,
one outlet's daily report on two days. A reason between two reports is
confirmed only when, besides the checks ``verdict.believable_reasons``
already made:

- the sentences state the same fact: most of their words shared, which
  ``verdict.same_fact`` already asked of every figure, date and length of
  time between two reports (the only kinds that confirm there);
- they are about the same referent: the same ordinal ("the second round"
  against "the third round" are two rounds), the same numbered item ("ranked
  6th to 10th" against "11th to 14th"), the same futures contract and
  reading of a session, and, for any reason but a date (where the month *is*
  the disagreement), the same months (``referents.py``);
- besides the disputed figures, one side's figures are all on the other
  side: two rows of one table keep other figures on both sides;
- they come from two outlets: one outlet's two reports with other figures
  were, on the development days, two sessions, two companies or an update
  (none of 20 was a conflict); figures and dates must also be published the
  same day (a toll, a price or a contract two days apart is an update);
- a floor the other figure meets is no conflict ("at least 12" and "31");
- in align, each sentence is the other's nearest in its article: a list
  article's other rows are not its counterpart (``jobs/counterparts.py``);
- the claim is restated, not merely similar: on one side at most
  MAX_CHANGED_WORDS words (figures and the reason's own words aside) have no
  counterpart on the other (within one script; a translation shares no word).
  Two market wraps or two companies' results share a template but change
  many words on both sides; a real disagreement over one fact changes the
  figure and little else on at least one side;
- figures are not of a move: a sentence that says a price or an index rose
  or fell is one reading of a moving value (16 of 17 such confirmed flags on
  the development days were two readings, or two sessions);
- two figures are not one figure written otherwise ("9599" and "9.599",
  "٦٠.٠٠٠" and "60,000", "310,000,000.00" and "310 ملايين": the same digits
  with the same multiplier words), nor taken at other times of day
  ("09:47 GMT" against "13:45 GMT") or of other places or actors (no
  specific actor or place in common: the Dubai and Amman market wraps);
- between two reports, only figures, dates and lengths of time confirm. Of
  the 440 audited flags (``benchmarks/labels``), the negation, antonym,
  scope, stance, role and entity ones held one real conflict in 229 on the
  development days and the held-out days together; a user's claim (check)
  keeps them, the learned classifier leaning to disagree for the weak ones.

Everything else with a reason is *possible*: stored, behind a flag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from service.claims.slots import ClaimSlots
from service.models import Reason
from service.judge.referents import (
    apart,
    delivery_months,
    lower_bounded,
    numbered_referents,
    other_side_of_a_contrast,
    session_marks,
)
from service.pipeline.normalize import ascii_digits, is_arabic, normalize_for_match

WEAK_CONFIRM_MIN = {"negation": 0.75, "antonym": 0.75, "stance": 0.75, "scope": 0.75, "duration": 0.6}
PAIR_CONFIRMING = frozenset({"number", "date", "duration"})
SAME_DAY_TYPES = frozenset({"number", "date", "antonym"})
# Chosen on the development days' confirmed flags: the real conflicts changed at most one
# word beside the figure (none beside a date); template twins changed the company or week.
MAX_CHANGED_WORDS = {"number": 1, "date": 0, "duration": 1}

_ORDINALS = {
    1: "الاول الاولى اول first 1st premier premiere первый первая первое",
    2: "الثاني الثانيه ثاني second 2nd deuxieme second seconde второй вторая второе",
    3: "الثالث الثالثه ثالث third 3rd troisieme третий третья третье",
    4: "الرابع الرابعه رابع fourth 4th quatrieme четвертый",
    5: "الخامس الخامسه خامس fifth 5th cinquieme пятый",
    6: "السادس السادسه sixth sixieme",
    7: "السابع السابعه seventh septieme",
    8: "الثامن الثامنه eighth huitieme",
    9: "التاسع التاسعه ninth neuvieme",
    10: "العاشر العاشره tenth dixieme",
}
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _ordinal_words() -> dict[str, int]:
    from service.judge.features import match_tokens

    return {token: rank for rank, words in _ORDINALS.items() for token in match_tokens(words)}


def ordinals(text: str) -> frozenset[int]:
    """The ranks an ordinal word of the text names ("والجولة الثانية" -> {2}); words are
    matched as ``features.match_tokens`` folds them, clitics (و، ب، ال ...) stripped."""
    from service.judge.features import match_tokens

    table = _ordinal_words()
    return frozenset(table[token] for token in match_tokens(text) if token in table)


def months(slots: ClaimSlots) -> frozenset[tuple[int | None, int]]:
    return frozenset((d.year, d.month) for d in slots.dates if d.month is not None and not d.inconsistent)


def other_referent(a: ClaimSlots, b: ClaimSlots, kind: str) -> bool:
    """Whether the two sentences name different instances: another ordinal or numbered item,
    another futures contract, other months, other times of day or readings of a session,
    or no specific actor or place in common (``referents.py``)."""
    if (apart(ordinals(a.text), ordinals(b.text)) or apart(times_of_day(a.text), times_of_day(b.text))
            or apart(numbered_referents(a.text), numbered_referents(b.text))
            or other_side_of_a_contrast(a.text, b.text)):
        return True
    if delivery_months(a) != delivery_months(b):
        return True                          # a December contract is not an August one, nor a date
    if kind == "date":
        return False
    if session_marks(a.text) != session_marks(b.text):
        return True                          # the settlement price against one during the session
    if apart({m for _, m in months(a)}, {m for _, m in months(b)}):
        return True
    from service.judge.event import GENERIC_KEYS

    return apart(a.entity_keys() - GENERIC_KEYS, b.entity_keys() - GENERIC_KEYS)


_TIME = re.compile(r"(?<!\d)(\d{1,2}):?(\d\d)\s*(?:gmt|utc|ت\s*غ|بتوقيت جرينتش|بتوقيت غرينتش)", re.IGNORECASE)


def times_of_day(text: str) -> frozenset[str]:
    """Clock times given with their zone ("09:47 GMT"): a price at two times is two prices."""
    return frozenset(f"{int(h):02d}:{m}" for h, m in _TIME.findall(ascii_digits(text)))


_MULTIPLIERS = {**dict.fromkeys(("ألف", "الف", "آلاف", "الاف", "ألفا", "thousand", "mille", "тысяч"), 1e3),
                **dict.fromkeys(("مليون", "ملايين", "million", "millions", "миллион", "миллионов"), 1e6),
                **dict.fromkeys(("مليار", "مليارات", "billion", "milliard", "milliards", "миллиард"), 1e9),
                **dict.fromkeys(("ترليون", "تريليون", "trillion"), 1e12)}
_MULTIPLIER_KEYS = {normalize_for_match(w): v for w, v in _MULTIPLIERS.items()}
_FIGURE = re.compile(r"\d+(?:[.,،٫]\d+)*")
READING_TOL = 0.05


def figure_readings(text: str) -> set[float]:
    """Every value a figure's text can mean: its separators read as decimal or as thousands
    ones ("363.378" is 363,378 in much of the Arabic press), times its multiplier word."""
    text = ascii_digits(text)
    scale = _scale(text)
    readings = set()
    for raw in _FIGURE.findall(text):
        parts = re.split(r"[.,،٫]", raw)
        readings.add(float("".join(parts)) * scale)                             # every mark a thousands one
        if len(parts) > 1:                                                       # the last mark a decimal one
            readings.add(float(f"{''.join(parts[:-1])}.{parts[-1]}") * scale)
        if len(parts) > 2:                                                       # "310.000.000.00"
            readings.add(float("".join(parts[:-1])) * scale)
    return readings


def _scale(text: str) -> float:
    """What a figure text's multiplier words make it (1e9 for "مليار", 1.0 for none)."""
    scale = 1.0
    for word in _WORD.findall(normalize_for_match(text)):
        scale *= _MULTIPLIER_KEYS.get(word, 1.0)
    return scale


def _digits(text: str) -> str:
    return re.sub(r"\D", "", ascii_digits(text)).strip("0")


def _multipliers(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(normalize_for_match(text)) if w in _MULTIPLIER_KEYS)


def same_figure_written_otherwise(x: str, y: str) -> bool:
    """Whether two figure texts can be one figure written two ways ("9599" and "9.599",
    "٦٠.٠٠٠" and "60,000", "310.000.000.00 ريال" and "310 ملايين ريال"); a text with no
    digit at all (a spelled-out number, a bare "مليون") is never trusted to differ."""
    if not re.search(r"\d", ascii_digits(x)) or not re.search(r"\d", ascii_digits(y)):
        return True
    if _digits(x) == _digits(y) and _multipliers(x) == _multipliers(y):
        return True                             # "45999540" and "45.999.54": one figure, a digit dropped
    if _digits(x) == _digits(y) and len(_digits(x)) >= 3 and not (_multipliers(x) and _multipliers(y)):
        return _point_placed(x, y) if _multipliers(y) else _point_placed(y, x)
    return any(abs(p - q) <= READING_TOL * max(abs(p), abs(q)) for p in figure_readings(x) for q in figure_readings(y))


def _point_placed(bare: str, scaled: str) -> bool:
    """Whether ``scaled``'s digits with a point put anywhere, times its multiplier word, make
    ``bare``'s figure: "1.340.7 مليار ريال" is "1.340.700.000 ريال" with a stray separator."""
    values = {float("".join(re.split(r"[.,،٫]", raw))) for raw in _FIGURE.findall(ascii_digits(bare))}
    digits, scale = _digits(scaled), _scale(scaled)
    placed = {float(f"{digits[:i]}.{digits[i:]}") * scale for i in range(1, len(digits) + 1)}
    return any(abs(p - v) <= 1e-6 * max(abs(v), 1.0) for p in placed for v in values)


def _same_script(a: ClaimSlots, b: ClaimSlots) -> bool:
    return is_arabic(a.text) == is_arabic(b.text)


def figures(text: str) -> frozenset[str]:
    """The figures a text writes, as bare digit strings ("1,500" -> "1500"): what the
    sentence's numbers are, whatever they count."""
    found = (re.sub(r"\D", "", raw).lstrip("0") for raw in _FIGURE.findall(ascii_digits(text)))
    return frozenset(d for d in found if d)


def other_figures_apart(a: str, b: str, reasons: Sequence[Reason]) -> bool:
    """Whether both sentences keep figures the other lacks, besides the reasons' own: two rows
    of one table ("the clubs ranked 1 to 5 ... 40 million" against "ranked 11 to 14 ... 15
    million"), two sessions with their other prices. A restated fact keeps the rest of its
    figures: on one side at least, every figure but the disputed ones is on the other side."""
    own = frozenset().union(*(figures(f"{r.claim} {r.evidence}") for r in reasons))
    only_a, only_b = figures(a) - figures(b) - own, figures(b) - figures(a) - own
    return bool(only_a and only_b)


def confirmed(reason: Reason, a: ClaimSlots, b: ClaimSlots, *, mode: str, same_outlet: bool,
              disagree: float | None, reasons: Sequence[Reason] = ()) -> bool:
    """Whether one believable reason makes a confirmed conflict (see the module notes);
    ``reasons`` are all of the pair's, whose figures are the disputed ones."""
    if reason.type in WEAK_CONFIRM_MIN and (disagree is None or disagree < WEAK_CONFIRM_MIN[reason.type]):
        return mode == "check" and disagree is None       # a user's claim in another language: no classifier
    if mode == "check":
        return True
    if same_outlet or reason.type not in PAIR_CONFIRMING:
        return False
    if other_referent(a, b, reason.type) or other_figures_apart(a.text, b.text, reasons or (reason,)):
        return False
    if _same_script(a, b) and changed_words(a.text, b.text, reason) > MAX_CHANGED_WORDS[reason.type]:
        return False
    if reason.type == "date" and not same_anchor(a.text, b.text, reason):
        return False
    if reason.type in ("number", "duration") and (figures_swapped(a.text, b.text, reason)
                                                  or bound_met(a.text, b.text, reason)):
        return False
    if reason.type == "number" and (same_figure_written_otherwise(reason.claim, reason.evidence)
                                    or moving_figures(a.text, b.text)):
        return False
    # A figure or a date of two publication days: on the audited days every real conflict
    # was printed the same day; a day apart it was another session or contract.
    return not (reason.type in SAME_DAY_TYPES and a.reference and b.reference and a.reference != b.reference)


def figures_swapped(a: str, b: str, reason: Reason) -> bool:
    """Whether one side writes the other's figure too: the reason paired the wrong figures
    (the same loans and sums in both sentences, one read off a bracket; "after 24 hours ...
    within 48" against "within 48 hours")."""
    claim, evidence = figures(reason.claim), figures(reason.evidence)
    return bool(claim and evidence and (claim <= _counted(b) or evidence <= _counted(a)))


def _counted(text: str) -> frozenset[str]:
    """The figures of a text but those naming an item ("الدورة 36" is no count of 36)."""
    names = {part for key in numbered_referents(text) for part in key.split(":", 1)[1].split("-")}
    return figures(text) - names


def same_anchor(a: str, b: str, reason: Reason, reach: int = 2) -> bool:
    """Whether the two dates sit among the same words: a word just before or just after
    them in common. "prices fell faster than in June, ... food rose 1.3 %" against "food
    rose 1.3 % in July" dates two clauses, not one fact told twice."""
    from service.judge.features import match_tokens

    def around(text: str, value: str) -> tuple[set[str], set[str]]:
        at = text.find(value)
        if at < 0:
            return set(), set()
        keep = [w for w in match_tokens(text[:at]) if len(w) > 1][-reach:], \
               [w for w in match_tokens(text[at + len(value):]) if len(w) > 1][:reach]
        return set(keep[0]), set(keep[1])

    before_a, after_a = around(a, reason.claim)
    before_b, after_b = around(b, reason.evidence)
    return bool(before_a & before_b or after_a & after_b)


def bound_met(a: str, b: str, reason: Reason) -> bool:
    """Whether one side gives a floor that the other's figure meets: "at least 12 killed"
    against "31 killed" is a toll that rose, not a conflict. Two floors still differ."""
    low_a, low_b = lower_bounded(a, reason.claim), lower_bounded(b, reason.evidence)
    if low_a == low_b:
        return False
    floor, other = (reason.claim, reason.evidence) if low_a else (reason.evidence, reason.claim)
    return any(q >= p * (1 - READING_TOL) for p in figure_readings(floor) for q in figure_readings(other))


def changed_words(a: str, b: str, reason: Reason | None = None) -> int:
    """Words of the side that changed least with no form on the other side, leaving out
    figures and the words of the reason itself (a month name, a multiplier, a unit)."""
    from service.judge.features import match_tokens, unmatched_words, word_set

    own = set(match_tokens(f"{reason.claim} {reason.evidence}")) if reason else set()
    only_a, only_b = unmatched_words(word_set(a), word_set(b))
    # One-letter tokens are list marks ("أ-", "ب-") and clitics, not words of the claim.
    return min(sum(len(w) > 1 and w not in own and not any(c.isdigit() for c in w) for w in side)
               for side in (only_a, only_b))


def moving_figures(a: str, b: str) -> bool:
    """Whether either sentence reports a move (rose, fell, gained ...): a price, an index or a
    rate read at two times differs without a conflict (intraday against the settlement)."""
    from service.judge.features import word_set
    from service.judge.movement_words import FALL_WORDS, MOVE_ADVERBS, RISE_WORDS

    return bool((word_set(a) | word_set(b)) & (RISE_WORDS | FALL_WORDS | MOVE_ADVERBS))


def tier(reasons: Sequence[Reason], a: ClaimSlots, b: ClaimSlots, *, mode: str, same_outlet: bool = False,
         disagree: float | None = None) -> tuple[str, tuple[Reason, ...]]:
    """("confirmed" | "possible", the reasons with the confirming ones first)."""
    sure = [r for r in reasons
            if confirmed(r, a, b, mode=mode, same_outlet=same_outlet, disagree=disagree, reasons=reasons)]
    rest = [r for r in reasons if r not in sure]
    return ("confirmed" if sure else "possible"), tuple(sure + rest)
