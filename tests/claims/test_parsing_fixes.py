"""Parsing slips the SaudiNewsNet audit found, each on a sentence of the same shape."""

from __future__ import annotations

from service.claims.numbers import extract_quantities
from service.claims.polarity import is_negated, negation_cues


def test_a_bracketed_figure_takes_its_multiplier_and_unit():
    [quantity] = extract_quantities("ارتفع عدد العمليات لتبلغ (904.3) مليون عملية خلال الشهر")
    assert quantity.value == 904_300_000 and quantity.unit is not None


def test_a_bracketed_count_still_counts_its_noun():
    [quantity] = extract_quantities("قتل (5) أشخاص في الحادث")
    assert quantity.value == 5 and quantity.unit == "person"


def test_ghair_inside_a_noun_phrase_is_not_a_negation():
    for text in ("عقدت الجمعية العمومية غير العادية اجتماعها أمس", "ضبطت الشرطة عمالة غير نظامية في الحي"):
        assert not negation_cues(text) and not is_negated(text)


def test_clause_negation_is_still_read():
    assert is_negated("لم تشارك المعارضة في الاجتماع")
