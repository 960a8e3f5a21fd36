"""RepeatedLineDetector: same-outlet furniture is learned, news is not."""

from __future__ import annotations

import pytest

from service.errors import ConfigError
from service.pipeline.boilerplate_lines import RepeatedLineDetector
from service.pipeline.clean import clean_text

FOOTER = "الآراء الواردة في المقالات تعبر عن رأي كتابها فقط"
WIRE = ("قررت جماعات المعارضة السورية حضور محادثات السلام التي تدعمها روسيا وتركيا في قازاخستان "
        "للسعي من أجل تنفيذ وقف شامل لإطلاق النار تقول إن الحكومة وحلفاءها ارتكبوا انتهاكات له.")


def _article(n: int, *extra: str) -> str:
    body = f"الخبر رقم {n} يتناول تطورات مختلفة تماما عن غيره من الأخبار في اليوم {n}."
    return "\n\n".join([body, *extra])


def _detector(outlet: str, count: int, *extra: str, **options) -> RepeatedLineDetector:
    detector = RepeatedLineDetector(**options)
    for n in range(count):
        detector.add_article(outlet, _article(n, *extra))
    return detector


def test_footer_in_three_articles_of_an_outlet_is_flagged():
    detector = _detector("Erem News", 3, FOOTER)
    assert detector.is_boilerplate("Erem News", FOOTER)
    assert detector.is_boilerplate("erem news ", f"  {FOOTER} ")  # outlet and line normalised
    assert not detector.is_boilerplate("Orient Net", FOOTER)


def test_line_in_only_two_articles_is_not_flagged():
    detector = _detector("Erem News", 2, FOOTER)
    assert not detector.is_boilerplate("Erem News", FOOTER)


def test_min_articles_is_configurable():
    assert _detector("Erem News", 2, FOOTER, min_articles=2).is_boilerplate("Erem News", FOOTER)


def test_wire_copy_across_outlets_is_not_boilerplate():
    detector = RepeatedLineDetector()
    for n, outlet in enumerate(["Reuters Arabic", "Erem News", "Orient Net", "Tajik news service"]):
        detector.add_article(outlet, _article(n, WIRE, FOOTER))
    for outlet in ["Reuters Arabic", "Erem News", "Orient Net"]:
        assert not detector.is_boilerplate(outlet, WIRE)
        assert not detector.is_boilerplate(outlet, FOOTER)


def test_repeated_prose_paragraph_of_one_outlet_is_not_flagged():
    detector = _detector("Erem News", 5, WIRE)
    assert not detector.is_boilerplate("Erem News", WIRE)


def test_lines_differing_in_numbers_are_different_lines():
    # A daily figure is the news: the same sentence with another number is a new claim.
    detector = RepeatedLineDetector()
    for n, cases in enumerate([120, 95, 143]):
        detector.add_article("Ministry feed", _article(n, f"سجلت وزارة الصحة {cases} إصابة جديدة"))
    assert not detector.is_boilerplate("Ministry feed", "سجلت وزارة الصحة 143 إصابة جديدة")


def test_spelling_variants_count_as_one_line():
    detector = RepeatedLineDetector()
    for n, variant in enumerate(["تابعوا آخر الأخبار على موقعنا", "تابعوا اخر الاخبار على موقعنا",
                                 "تابعوا آخر الأخبار  على موقعنا"]):
        detector.add_article("Erem News", _article(n, variant))
    assert detector.is_boilerplate("Erem News", "تابعوا أخر الأخبار على موقعنا")


def test_the_same_article_added_again_counts_once():
    detector = RepeatedLineDetector()
    for _ in range(3):
        detector.add_article("Erem News", _article(1, FOOTER))
    assert not detector.is_boilerplate("Erem News", FOOTER)


def test_blank_and_punctuation_lines_are_never_boilerplate():
    detector = _detector("Erem News", 4, "* * *")
    assert not detector.is_boilerplate("Erem News", "* * *")
    assert not detector.is_boilerplate("Erem News", "")


def test_table_stays_bounded_and_keeps_recurring_lines():
    detector = RepeatedLineDetector(max_lines=50)
    for n in range(200):
        unique = [f"سطر فريد {n} {i} من أسطر المقال" for i in range(5)]
        detector.add_article("Erem News", _article(n, *unique, FOOTER))
        assert len(detector) <= 50
    assert detector.is_boilerplate("Erem News", FOOTER)


def test_predicate_plugs_into_clean_text():
    detector = _detector("Erem News", 3, FOOTER)
    text = _article(7, FOOTER)
    result = clean_text(text, known_boilerplate=detector.predicate("Erem News"))
    assert [(text[d.start:d.end], d.reason) for d in result.dropped] == [(FOOTER, "repeated_in_corpus")]
    assert clean_text(text, known_boilerplate=detector.predicate("Orient Net")).dropped == ()


@pytest.mark.parametrize("options", [{"min_articles": 1}, {"max_lines": 1}, {"max_articles": 0}])
def test_bad_settings_are_refused(options):
    with pytest.raises(ConfigError):
        RepeatedLineDetector(**options)
