"""Counted nouns across scripts by the default encoder (service/retrieval/counted_nouns.py)."""

from __future__ import annotations

import pytest

from embeddings.encoders import load_encoder
from service.retrieval.counted_nouns import CountedNouns


@pytest.fixture(scope="module")
def nouns():
    encoder = load_encoder(None, threads=2)
    return CountedNouns(encoder.encode)


@pytest.mark.parametrize("a, b", [("homes", "منزل"), ("maisons", "منزل"), ("séances", "جلسه"),
                                  ("resolutions", "قرار"), ("решения", "قرار"), ("mosques", "مسجد")])
def test_a_noun_and_its_translation_count_one_thing(nouns, a, b):
    assert nouns.same(a, b) and nouns.same(b, a)


@pytest.mark.parametrize("a, b", [("homes", "جلسه"), ("resolutions", "مسجد"), ("sessions", "منزل"),
                                  ("tests", "مقابل")])
def test_other_nouns_do_not(nouns, a, b):
    assert not nouns.same(a, b)


def test_lexicon_classes_and_one_script_are_not_asked(nouns):
    assert not nouns.same("fighter", "مقاتل")          # a class meets by its name, in numbers.comparable
    assert not nouns.same("homes", "houses")            # one script: the words themselves are compared


def test_nouns_are_encoded_once(nouns):
    calls = []
    counting = CountedNouns(lambda words: calls.append(list(words)) or nouns._encode(words))
    counting.prepare(["homes", "منزل", "fighter", None])
    counting.same("homes", "منزل")
    assert calls == [["homes", "منزل"]]


@pytest.mark.parametrize("claim", [
    "Gunmen torched about 30 homes in the village.",
    "Des hommes armés ont incendié 30 maisons du village.",
    "Боевики подожгли около 50 домов в деревне.",
])
def test_a_figure_of_another_count_of_houses_is_a_number_conflict_in_each_language(nouns, claim):
    from service.claims.numbers import counted_nouns_matched_by
    from service.claims.slots import extract_slots
    from service.judge.reasons import slot_reasons

    report = extract_slots("أشعل المسلحون النار في أكثر من 300 منزل بالقرية.")
    with counted_nouns_matched_by(nouns.same):
        assert "number" in {r.type for r in slot_reasons(extract_slots(claim), report)}
