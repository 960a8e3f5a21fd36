"""Pair features: named, symmetric, and firing on the cases they are for."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.judge.cue_words import changed_words, cue_word_matrix, learn_vocabulary
from service.judge.features import (
    EMBEDDING_DIM,
    FEATURE_NAMES,
    SCALAR_NAMES,
    match_tokens,
    pair_feature_matrix,
    pair_features,
)

PAIRS = [
    ("ارتفاع كبير في سعر المحروقات بالسودان", "أسعار المحروقات ترتفع في السودان"),
    ("النفط يرتفع مع انخفاض مخزونات الخام الأميركية", "النفط يهبط تزامناً مع ارتفاع مخزونات الخام الأميركي"),
    ("السعودية.. أرامكو تنفي رفع أسعار البنزين", "أرامكو ترفع أسعار الوقود"),
    ("مقتل 5 أشخاص في انفجار ببغداد يوم 3 مارس 2018", "مقتل 7 أشخاص في انفجار ببغداد يوم 5 أبريل 2018"),
    ("وزير الخارجية الروسي سيرغي لافروف يزور أنقرة", "لافروف يلتقي أردوغان في أنقرة"),
    ("Groups representing 52,000 fighters signed the ceasefire.", "62 ألف مقاتل وقعوا على الهدنة"),
    ("", "خبر"),
]
WORDS = ["النفط", "يرتفع", "يهبط", "لا", "لم", "5", "سبعة", "أشخاص", "مارس", "2018", "روسيا", "بوتين",
         "في", "و", "ترفض", "تدعم", "الاتفاق", "%", "ألف", "مقاتل", "انسحاب", "حضور", "لافروف", "قد"]


def unit(rng, n: int = EMBEDDING_DIM) -> np.ndarray:
    v = rng.normal(size=n).astype(np.float32)
    return v / np.linalg.norm(v)


def named(row: np.ndarray) -> dict[str, float]:
    return dict(zip(FEATURE_NAMES, row))


def test_names_match_the_row_and_are_unique():
    rng = np.random.default_rng(0)
    row = pair_features(*PAIRS[0], unit(rng), unit(rng))
    assert row.shape == (len(FEATURE_NAMES),) and len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)
    assert FEATURE_NAMES[: len(SCALAR_NAMES)] == SCALAR_NAMES
    assert np.isfinite(row).all()


@pytest.mark.parametrize("a, b", PAIRS)
def test_every_feature_is_symmetric(a, b):
    rng = np.random.default_rng(1)
    va, vb = unit(rng), unit(rng)
    assert np.array_equal(pair_features(a, b, va, vb), pair_features(b, a, vb, va))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8), st.lists(st.sampled_from(WORDS), max_size=8),
       st.integers(0, 2**32 - 1))
def test_symmetry_holds_for_any_word_salad(a_words, b_words, seed):
    rng = np.random.default_rng(seed)
    a, b, va, vb = " ".join(a_words), " ".join(b_words), unit(rng), unit(rng)
    assert np.array_equal(pair_features(a, b, va, vb), pair_features(b, a, vb, va))


def test_the_same_sentence_overlaps_fully():
    v = unit(np.random.default_rng(2))
    f = named(pair_features(PAIRS[0][0], PAIRS[0][0], v, v))
    assert f["cosine"] == pytest.approx(1.0)
    assert f["jaccard"] == 1.0 and f["only_one_side_max"] == 0.0 and f["negated_xor"] == 0.0
    assert f["absdiff_0"] == 0.0


def test_slot_features_fire_on_the_changes_they_describe():
    rng = np.random.default_rng(3)

    def f(i):
        return named(pair_features(*PAIRS[i], unit(rng), unit(rng)))

    assert f(1)["movement_opposite"] == 1.0
    assert f(2)["negations_diff"] >= 1.0 or f(2)["antonym_assertion"] >= 1.0
    assert f(3)["number_conflict"] == 1.0 and f(3)["number_comparable"] == 1.0
    assert f(3)["date_conflict"] == 1.0
    assert f(5)["number_conflict"] == 1.0


def test_clitics_are_stripped_so_forms_of_one_word_overlap():
    assert match_tokens("والليرة بالنفط للنفط") == ["ليره", "نفط", "نفط"]
    assert match_tokens("ولد") == ["ولد"]  # too short once stripped: left whole


def test_other_widths_of_vectors_are_cut_or_padded():
    rng = np.random.default_rng(4)
    assert pair_features("a", "b", unit(rng, 384), unit(rng, 384)).shape == (len(FEATURE_NAMES),)
    assert pair_features("a", "b", unit(rng, 768), unit(rng, 768)).shape == (len(FEATURE_NAMES),)


def test_matrix_checks_lengths_and_handles_no_pairs():
    rng = np.random.default_rng(5)
    v = np.stack([unit(rng), unit(rng)])
    assert pair_feature_matrix(["a", "b"], ["c", "d"], v, v).shape == (2, len(FEATURE_NAMES))
    assert pair_feature_matrix([], [], v[:0], v[:0]).shape == (0, len(FEATURE_NAMES))
    with pytest.raises(ValueError):
        pair_feature_matrix(["a"], ["b", "c"], v, v)


def test_changed_words_are_symmetric_and_counted_into_a_vocabulary():
    a, b = "النفط يرتفع اليوم", "النفط يهبط اليوم"
    assert changed_words(a, b) == changed_words(b, a) == {"يرتفع", "يهبط"}
    pairs = [(a, b)] * 3 + [("x y", "x z")]
    assert learn_vocabulary(pairs, min_count=3) == ("يرتفع", "يهبط")
    m = cue_word_matrix([a, "x y"], [b, "x z"], ("يهبط", "z"))
    assert m.tolist() == [[1.0, 0.0], [0.0, 1.0]]
