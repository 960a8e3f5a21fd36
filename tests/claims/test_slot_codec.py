"""Stored slots read back are the slots the text gives; payloads of other code are never trusted."""

from __future__ import annotations

import datetime as dt

import pytest

from service.claims import slot_codec
from service.claims.slot_codec import SLOT_NAMES, encode, prime, read_all, read_payloads
from service.claims.slots import ClaimSlots, extract_slots
from tests.conftest import SEEDS

DAY = dt.date(2016, 12, 30)
SENTENCES = [
    "Groups representing 62,000 fighters signed the ceasefire on 29 December, Lavrov said.",
    "Le ministre russe de la Défense Sergueï Choïgou a annoncé une trêve de sept jours.",
    "Путин заявил 5 мая, что в переговорах в Астане не участвовали 300 человек.",
    "قال المتحدث باسم الائتلاف الوطني إن الفصائل لم تشارك في اجتماع أنقرة يوم الخميس الماضي",
    "وقعت فصائل تمثل 52 ألف مقاتل على الاتفاق في 29 أيلول/ ديسمبر، بحسب وزارة الدفاع الروسية",
    "",
]


def _seed_sentences() -> list[str]:
    from service.pipeline.sentences import split_sentences

    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts += [text[s.start:s.end] for s in split_sentences(text)]
    return texts


def _fresh(text: str, reference, lang) -> dict:
    slots = read_all(ClaimSlots(text, reference, lang))
    return {name: slots.__dict__[name] for name in SLOT_NAMES}


@pytest.mark.parametrize("reference, lang", [(DAY, "ar"), (None, None)])
def test_every_slot_read_back_equals_the_slot_read_from_the_text(reference, lang):
    texts = SENTENCES + _seed_sentences()
    assert len(texts) > 50
    payloads = dict(read_payloads([(i, t, reference, lang) for i, t in enumerate(texts)]))
    extract_slots.cache_clear()
    for i, text in enumerate(texts):
        assert prime(text, reference, lang, payloads[i])
        primed = extract_slots(text, reference, lang).__dict__
        assert all(name in primed for name in SLOT_NAMES)        # nothing left to read from the text
        assert {name: primed[name] for name in SLOT_NAMES} == _fresh(text, reference, lang), text
    # Something was really carried: figures, dates, actors, roles, negation, speakers.
    seen = [_fresh(t, reference, lang) for t in texts]
    for name in ("quantities", "dates", "entities", "roles", "negations", "speaker", "poles"):
        assert any(s[name] for s in seen), name


def test_a_payload_of_other_extraction_code_or_unreadable_is_ignored(monkeypatch):
    text = SENTENCES[0]
    payload = encode(read_all(ClaimSlots(text, DAY, "en")))
    extract_slots.cache_clear()
    monkeypatch.setattr(slot_codec, "FINGERPRINT", "another-release")
    assert not prime(text, DAY, "en", payload)
    assert "quantities" not in extract_slots(text, DAY, "en").__dict__
    monkeypatch.undo()
    for broken in ("not json", '{"v": "%s", "quantities": [[1]]}' % slot_codec.FINGERPRINT, "[]", None, ""):
        extract_slots.cache_clear()
        assert not prime(text, DAY, "en", broken)
        assert extract_slots(text, DAY, "en").quantities == _fresh(text, DAY, "en")["quantities"]


def test_slots_already_read_in_the_process_are_kept():
    text = SENTENCES[4]
    extract_slots.cache_clear()
    read = extract_slots(text, DAY, "ar").quantities
    other = encode(read_all(ClaimSlots(SENTENCES[0], DAY, "ar")))         # a wrong payload for this text
    assert prime(text, DAY, "ar", other)
    assert extract_slots(text, DAY, "ar").quantities is read
