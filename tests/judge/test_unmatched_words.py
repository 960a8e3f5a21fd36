"""Near-spelled word matching in one rapidfuzz call decides as the pairwise loop did."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from service.judge.features import _NEAR_WORD, unmatched_words


def loop_unmatched(ta: frozenset[str], tb: frozenset[str]):
    only_a, only_b = ta - tb, tb - ta
    left_a = frozenset(x for x in only_a if not any(fuzz.ratio(x, y) >= _NEAR_WORD for y in only_b))
    left_b = frozenset(y for y in only_b if not any(fuzz.ratio(x, y) >= _NEAR_WORD for x in only_a))
    return left_a, left_b


_WORDS = st.frozensets(st.text(alphabet="ابتثجحخدرسعلمنوي", min_size=1, max_size=7), max_size=12)


@given(_WORDS, _WORDS)
def test_matrix_and_loop_agree(ta, tb):
    assert unmatched_words(ta, tb) == loop_unmatched(ta, tb)


def test_inflected_forms_match_and_other_words_do_not():
    left_a, left_b = unmatched_words(frozenset({"مقاتل", "النفط"}), frozenset({"مقاتلا", "الذهب"}))
    assert (left_a, left_b) == (frozenset({"النفط"}), frozenset({"الذهب"}))
