"""Features of a sentence pair for the stance classifier.

``pair_features(a, b, va, vb)`` turns two sentences and their unit vectors
into one row whose columns are named by ``FEATURE_NAMES``. Every feature is
symmetric in (a, b): ANS does not say which side is the original headline,
and a verdict must not change when the caller swaps the sentences.

Embeddings alone cannot see "62,000" against "52,000" or "rises" against
"falls" (the vectors stay close), so the typed slots from ``service.claims``
(negation, antonyms, numbers, dates, entities) add the checkable signals,
and the lexical columns tell a reworded paraphrase (little word overlap,
same meaning) from a one-word corruption (large overlap, changed meaning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from service.judge.movement_words import FALL_WORDS, RISE_WORDS
from service.pipeline.normalize import normalize_for_match

EMBEDDING_DIM = 512  # USE multilingual v3; other encoders are padded or cut to this width

# Kinds reported by polarity.antonym_pairs; a kind not listed here counts in "antonym_other".
ANTONYM_KINDS = ("direction", "scope", "stance", "participation", "agreement", "signing",
                 "state", "military", "outcome", "assertion")

LEXICAL_NAMES = ("jaccard", "overlap_of_shorter", "only_one_side_min", "only_one_side_max",
                 "one_side_contains_other", "token_length_ratio", "char_length_ratio")
FUZZY_NAMES = ("fuzzy_jaccard", "fuzzy_unmatched_min", "fuzzy_unmatched_max", "fuzzy_one_side_covered",
               "fuzzy_near_matches")
MOVEMENT_NAMES = ("movement_opposite", "movement_same", "movement_both")
POLARITY_NAMES = ("negations_min", "negations_max", "negations_diff", "negated_xor", "hedges_diff")
ANTONYM_NAMES = tuple(f"antonym_{k}" for k in ANTONYM_KINDS) + ("antonym_other", "antonym_any")
SLOT_NAMES = ("number_conflict", "number_comparable", "number_one_side", "date_conflict", "date_both",
              "entity_overlap", "entity_unmatched_min", "entity_unmatched_max", "entity_both")
SCALAR_NAMES = (("cosine",) + LEXICAL_NAMES + FUZZY_NAMES + MOVEMENT_NAMES + POLARITY_NAMES
                + ANTONYM_NAMES + SLOT_NAMES)
EMBEDDING_NAMES = tuple(f"absdiff_{i}" for i in range(EMBEDDING_DIM)) + tuple(
    f"product_{i}" for i in range(EMBEDDING_DIM))
FEATURE_NAMES: tuple[str, ...] = SCALAR_NAMES + EMBEDDING_NAMES

_WORD = re.compile(r"\w+")
# Clitics glued to Arabic words ("والليرة", "بالنفط", "لليرة"): stripped so that the same
# word written with a conjunction or preposition still overlaps. Longest first.
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")
_MIN_STEM = 3  # shorter remainders are usually a whole word that happens to start with و/ب/ل
# Two different words this close (rapidfuzz ratio, 0-100) are taken as one word in another
# form: Arabic inflects by affixes ("يرتفع", "ارتفاع", "مرتفع"), which exact matching misses.
_NEAR_WORD = 75


@dataclass(frozen=True)
class SentenceSlots:
    """What the pair features need from one sentence, extracted once."""

    tokens: frozenset[str]
    n_tokens: int
    negations: int
    negated: bool
    hedges: int
    quantities: tuple
    dates: tuple
    entities: tuple


def match_tokens(text: str) -> list[str]:
    """Folded word tokens with leading Arabic clitics removed."""
    return [_strip_clitic(t) for t in _WORD.findall(normalize_for_match(text))]


def _strip_clitic(token: str) -> str:
    for prefix in _PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= _MIN_STEM:
            return token[len(prefix):]
    return token


@lru_cache(maxsize=8192)  # a sentence is compared with many candidates
def sentence_slots(text: str) -> SentenceSlots:
    from service.claims.dates import extract_dates
    from service.claims.entities import extract_entities
    from service.claims.numbers import extract_quantities
    from service.claims.polarity import hedges, is_negated, negation_cues

    tokens = match_tokens(text)
    return SentenceSlots(
        tokens=frozenset(tokens), n_tokens=len(tokens),
        negations=len(negation_cues(text)), negated=is_negated(text), hedges=len(hedges(text)),
        quantities=tuple(extract_quantities(text)), dates=tuple(extract_dates(text)),
        entities=tuple(e for e in extract_entities(text) if e.kind != "role"),
    )


def pair_features(a: str, b: str, va: np.ndarray, vb: np.ndarray) -> np.ndarray:
    """One float64 row, columns in ``FEATURE_NAMES`` order."""
    sa, sb = sentence_slots(a), sentence_slots(b)
    scalars = [embedding_cosine(va, vb)]
    scalars += lexical_features(a, b, sa, sb)
    scalars += fuzzy_features(sa, sb)
    scalars += movement_features(sa, sb)
    scalars += polarity_features(sa, sb)
    scalars += antonym_features(a, b)
    scalars += slot_features(sa, sb)
    return np.concatenate([np.asarray(scalars, dtype=np.float64), embedding_interaction(va, vb)])


def pair_feature_matrix(a_texts, b_texts, va: np.ndarray, vb: np.ndarray) -> np.ndarray:
    """``pair_features`` for aligned lists of sentences and their vector rows."""
    if not (len(a_texts) == len(b_texts) == len(va) == len(vb)):
        raise ValueError("a_texts, b_texts, va and vb must have the same length")
    if not len(a_texts):
        return np.zeros((0, len(FEATURE_NAMES)))
    return np.vstack([pair_features(a, b, x, y) for a, b, x, y in zip(a_texts, b_texts, va, vb)])


def embedding_cosine(va: np.ndarray, vb: np.ndarray) -> float:
    norm = float(np.linalg.norm(va) * np.linalg.norm(vb))
    return float(np.dot(va, vb)) / norm if norm else 0.0


def embedding_interaction(va: np.ndarray, vb: np.ndarray) -> np.ndarray:
    """|va - vb| and va * vb: symmetric, and what a linear model can weigh per dimension."""
    x, y = _fit_width(va), _fit_width(vb)
    return np.concatenate([np.abs(x - y), x * y])


def _fit_width(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float64).ravel()
    if v.shape[0] >= EMBEDDING_DIM:
        return v[:EMBEDDING_DIM]
    return np.pad(v, (0, EMBEDDING_DIM - v.shape[0]))


def lexical_features(a: str, b: str, sa: SentenceSlots, sb: SentenceSlots) -> list[float]:
    ta, tb = sa.tokens, sb.tokens
    shared = len(ta & tb)
    only_a, only_b = len(ta - tb), len(tb - ta)
    return [
        shared / max(1, len(ta | tb)),
        shared / max(1, min(len(ta), len(tb))),
        float(min(only_a, only_b)),
        float(max(only_a, only_b)),
        float(only_a == 0 or only_b == 0),
        _ratio(sa.n_tokens, sb.n_tokens),
        _ratio(len(a), len(b)),
    ]


@lru_cache(maxsize=4096)  # the fuzzy columns and the changed-word columns both ask (token sets cache their hash)
def unmatched_words(ta: frozenset[str], tb: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Words of each side with neither the same nor a near-spelled word on the other side."""
    from rapidfuzz import fuzz, process

    only_a, only_b = list(ta - tb), list(tb - ta)
    if not only_a or not only_b:
        return frozenset(only_a), frozenset(only_b)
    # Every ratio in one call; float64 so that ">= _NEAR_WORD" decides as fuzz.ratio's own float does.
    near = process.cdist(only_a, only_b, scorer=fuzz.ratio, dtype=np.float64, workers=1) >= _NEAR_WORD
    return (frozenset(x for x, hit in zip(only_a, near.any(axis=1)) if not hit),
            frozenset(y for y, hit in zip(only_b, near.any(axis=0)) if not hit))


def fuzzy_features(sa: SentenceSlots, sb: SentenceSlots) -> list[float]:
    """Overlap when a word counts as present if some near-spelled word is on the other side."""
    jaccard, near, left_a, left_b = _fuzzy_overlap(sa.tokens, sb.tokens)
    return [jaccard, float(min(len(left_a), len(left_b))), float(max(len(left_a), len(left_b))),
            float(not left_a or not left_b), near]


def word_overlap(a: str, b: str) -> float:
    """Share of the two sentences' words found on both sides, a near-spelled form counting (fuzzy Jaccard)."""
    return _fuzzy_overlap(word_set(a), word_set(b))[0]


@lru_cache(maxsize=65_536)  # align compares a sentence with each of its neighbours
def word_set(text: str) -> frozenset[str]:
    """The distinct ``match_tokens`` of a text."""
    return frozenset(match_tokens(text))


def _fuzzy_overlap(ta: frozenset[str], tb: frozenset[str]) -> tuple[float, float, frozenset[str], frozenset[str]]:
    """(fuzzy Jaccard, near matches per side, words of a and of b matched by nothing)."""
    left_a, left_b = unmatched_words(ta, tb)
    near = (len(ta - tb) - len(left_a) + len(tb - ta) - len(left_b)) / 2
    return (len(ta & tb) + near) / max(1, len(ta | tb)), near, left_a, left_b


def movement_features(sa: SentenceSlots, sb: SentenceSlots) -> list[float]:
    """Market and trend verbs (rise/fall): opposite on the two sides, same, or present on both.

    ``polarity.antonym_pairs`` leaves out هبط/صعد/تراجع/قفز/تدهور (ambiguous outside price
    and trend news, e.g. تراجع is also a military retreat), yet "oil rises" against "oil
    falls" is the commonest corruption in news-headline pairs. Here they are only learned
    evidence, never a reported reason.
    """
    up_a, down_a = bool(sa.tokens & RISE_WORDS), bool(sa.tokens & FALL_WORDS)
    up_b, down_b = bool(sb.tokens & RISE_WORDS), bool(sb.tokens & FALL_WORDS)
    opposite = (up_a and down_b) or (down_a and up_b)
    same = (up_a and up_b) or (down_a and down_b)
    return [float(opposite), float(same), float((up_a or down_a) and (up_b or down_b))]


def _ratio(x: int, y: int) -> float:
    return min(x, y) / max(x, y) if max(x, y) else 1.0


def polarity_features(sa: SentenceSlots, sb: SentenceSlots) -> list[float]:
    na, nb = sa.negations, sb.negations
    return [float(min(na, nb)), float(max(na, nb)), float(abs(na - nb)),
            float(sa.negated != sb.negated), float(abs(sa.hedges - sb.hedges))]


def antonym_features(a: str, b: str) -> list[float]:
    """Hit counts per antonym kind; the larger of the two orders, so swapping changes nothing."""
    forward, backward = _antonym_counts(a, b), _antonym_counts(b, a)
    counts = [max(f, g) for f, g in zip(forward, backward)]
    return [float(c) for c in counts] + [float(any(counts))]


def _antonym_counts(a: str, b: str) -> list[int]:
    from service.claims.polarity import antonym_pairs

    counts = dict.fromkeys(ANTONYM_KINDS + ("other",), 0)
    for hit in antonym_pairs(a, b):
        counts[hit.kind if hit.kind in counts else "other"] += 1
    return list(counts.values())


def slot_features(sa: SentenceSlots, sb: SentenceSlots) -> list[float]:
    return _number_features(sa.quantities, sb.quantities) + _date_features(sa.dates, sb.dates) + \
        _entity_features(sa.entities, sb.entities)


def _number_features(qa: tuple, qb: tuple) -> list[float]:
    from service.claims.numbers import comparable, conflicting

    pairs = [(x, y) for x in qa for y in qb if comparable(x, y)]
    # "5 dead, 12 hurt" against "5 dead" also compares 12 with 5; a quantity that has an
    # agreeing counterpart on the other side is therefore not counted as a conflict.
    agreed = {id(q) for x, y in pairs if not conflicting(x, y) for q in (x, y)}
    conflict = any(conflicting(x, y) and id(x) not in agreed and id(y) not in agreed for x, y in pairs)
    return [float(conflict), float(bool(pairs)), float(bool(qa) != bool(qb))]


def _date_features(da: tuple, db: tuple) -> list[float]:
    from service.claims.dates import dates_conflict

    conflict = any(dates_conflict(x, y) for x in da for y in db)
    return [float(conflict), float(bool(da) and bool(db))]


def _entity_features(ea: tuple, eb: tuple) -> list[float]:
    from service.claims.entities import same_entity

    unmatched_a = sum(1 for x in ea if not any(same_entity(x, y) for y in eb))
    unmatched_b = sum(1 for y in eb if not any(same_entity(x, y) for x in ea))
    total = len(ea) + len(eb)
    # Dice over both sides: one name on one side may match two spellings on the other.
    matched = total - unmatched_a - unmatched_b
    return [matched / total if total else 0.0, float(min(unmatched_a, unmatched_b)),
            float(max(unmatched_a, unmatched_b)), float(bool(ea) and bool(eb))]
