"""Where the conflicting values are: spans from the judge's quoted values and the slots."""

from __future__ import annotations

from service.reports.highlight import segments, shared_actor_spans, side_highlights, split_value

ARABIC = "أعلن وزير الدفاع الروسي سيرغي شويغو أن مجموعات تمثل 62 ألف مقاتل مسلح وقعت اتفاق وقف إطلاق النار."
ENGLISH = "Shoigu said groups representing 52,000 fighters signed the truce, not 62,000 fighters."


def texts(text: str, spans: list[dict]) -> list[str]:
    return [text[s["start"]:s["end"]] for s in spans]


def test_a_number_reason_marks_the_quantity_on_each_side():
    reason = {"type": "number", "claim": "62 ألف مقاتل", "evidence": "52,000 fighters"}
    assert texts(ARABIC, side_highlights(ARABIC, [reason], "a", language="ar")) == ["62 ألف مقاتل"]
    assert texts(ENGLISH, side_highlights(ENGLISH, [reason], "b", language="en")) == ["52,000 fighters"]


def test_an_antonym_reason_marks_the_cue_without_its_pole():
    assert split_value("يستثني (exclude)") == ("يستثني", "exclude")
    text = "على أن يستثني تنظيمي داعش"
    reason = {"type": "scope", "claim": "يستثني (exclude)", "evidence": "تضم (include)"}
    assert texts(text, side_highlights(text, [reason], "a")) == ["يستثني"]


def test_an_affirmed_side_of_a_negation_marks_nothing_and_the_negated_side_marks_its_cue():
    reason = {"type": "negation", "claim": "(affirmed)", "evidence": "لم"}
    assert side_highlights("شاركت الحركة في اللقاء", [reason], "a") == []
    negated = "الحركة لم تشارك بأي لقاء"
    assert texts(negated, side_highlights(negated, [reason], "b")) == ["لم"]


def test_a_value_found_only_by_search_must_be_a_whole_word():
    reason = {"type": "antonym", "claim": "cut (reduce)", "evidence": "x"}
    assert side_highlights("They cutting nothing", [reason], "a") == []


def test_a_role_reason_marks_holder_and_role_but_not_the_body_key():
    reason = {"type": "role", "claim": "سيرغي شويغو وزير الدفاع defence_ministry", "evidence": "x"}
    assert sorted(texts(ARABIC, side_highlights(ARABIC, [reason], "a"))) == sorted(["وزير الدفاع", "سيرغي شويغو"])


def test_overlapping_spans_keep_the_first_and_segments_rebuild_the_text():
    reasons = [{"type": "number", "claim": "52,000 fighters", "evidence": ""},
               {"type": "number", "claim": "52,000", "evidence": ""}]
    spans = side_highlights(ENGLISH, reasons, "a")
    assert texts(ENGLISH, spans) == ["52,000 fighters"]
    parts = segments(ENGLISH, spans)
    assert "".join(p["text"] for p in parts) == ENGLISH
    assert [p["text"] for p in parts if p["mark"]] == ["52,000 fighters"]


def test_shared_actors_match_across_spellings():
    a, b = 'على أن يستثني تنظيمي داعش و"جبهة فتح الشام"', "The truce covers areas held by Jabhat Fateh al-Sham."
    a_spans, b_spans = shared_actor_spans(a, b)
    assert texts(a, a_spans) == ["جبهة فتح الشام"] and texts(b, b_spans) == ["Jabhat Fateh al-Sham"]
