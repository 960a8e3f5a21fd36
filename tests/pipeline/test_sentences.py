"""Contract and behaviour of the sentence splitter (service.pipeline.sentences)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.pipeline.sentences import SentenceSpan, split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def texts(text: str, **kwargs) -> list[str]:
    return [span.text for span in split_sentences(text, **kwargs)]


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def assert_invariants(text: str, spans: list[SentenceSpan], offset: int = 0) -> None:
    previous_end = offset
    for span in spans:
        assert span.text == text[span.start - offset:span.end - offset]
        assert span.text and span.text == span.text.strip()
        assert previous_end <= span.start < span.end
        previous_end = span.end


def assert_covers(text: str, spans: list[SentenceSpan], offset: int = 0) -> None:
    """Every non-whitespace character lies inside exactly one span."""
    owners = [0] * len(text)
    for span in spans:
        for index in range(span.start - offset, span.end - offset):
            owners[index] += 1
    assert all(owners[i] == 1 for i, char in enumerate(text) if not char.isspace())


# --- the interface -----------------------------------------------------------

def test_span_is_frozen():
    span = split_sentences("One. Two.")[0]
    assert span == SentenceSpan(0, 4, "One.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 1  # type: ignore[misc]


def test_offset_points_into_the_larger_article():
    article = "HEADER\n\n  قال الوزير. وغادر الوفد.  "
    region_start = article.index("قال") - 2
    region = article[region_start:]
    spans = split_sentences(region, offset=region_start)
    assert [article[s.start:s.end] for s in spans] == ["قال الوزير.", "وغادر الوفد."]
    assert [s.text for s in spans] == ["قال الوزير.", "وغادر الوفد."]


def test_empty_and_blank_input_give_nothing():
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n\u00a0\u2028 \r\n") == []


def test_max_chars_must_be_positive():
    with pytest.raises(ValueError):
        split_sentences("text", max_chars=0)


# --- terminators -------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("It rained. We stayed home! Did you? Yes.",
     ["It rained.", "We stayed home!", "Did you?", "Yes."]),
    ("هل انتهت الحرب؟ لا؛ لم تنته بعد! قالها الوزير.",
     ["هل انتهت الحرب؟", "لا؛", "لم تنته بعد!", "قالها الوزير."]),
    ("Il pleut. Nous restons ici ! Pourquoi ?",
     ["Il pleut.", "Nous restons ici !", "Pourquoi ?"]),
    ("Переговоры начались. Стороны спорили? Да!",
     ["Переговоры начались.", "Стороны спорили?", "Да!"]),
])
def test_terminators_end_sentences(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Really?! Yes... We left.", ["Really?!", "Yes...", "We left."]),
    ("لماذا؟؟ لا نعرف!! انتهى...", ["لماذا؟؟", "لا نعرف!!", "انتهى..."]),
    ("Вот как… Всё.", ["Вот как…", "Всё."]),
])
def test_repeated_terminators_stay_with_the_sentence(text, expected):
    assert texts(text) == expected


def test_line_breaks_end_sentences_and_blank_lines_vanish():
    text = "عنوان الخبر\n\n   \nالفقرة الأولى، بلا نقطة\r\nSecond line\u2028third"
    assert texts(text) == ["عنوان الخبر", "الفقرة الأولى، بلا نقطة", "Second line", "third"]


@pytest.mark.parametrize("text", [
    "قال الوزير، في مؤتمر صحفي، إن الهدنة صامدة.",
    "The minister said, in Ankara, that the truce holds.",
])
def test_commas_do_not_end_sentences(text):
    assert texts(text) == [text]


# --- things that look like terminators but are not ---------------------------

@pytest.mark.parametrize("text", [
    "Growth was 3.5 percent in 2016.",
    "بلغ النمو ٣٫٥ بالمئة هذا العام.",
    "تمثل المجموعات 2.000 مقاتل مسلح.",
    "Visit www.site.com or site.org for details.",
])
def test_decimals_and_web_addresses_stay_whole(text):
    assert texts(text) == [text]


@pytest.mark.parametrize("text", [
    "Mr. Smith met Dr. Jones and Prof. Lee in the U.S. on Jan. 5 at No. 10.",
    "The U.N. envoy left St. Petersburg, i.e. the city, vs. staying, e.g. longer.",
    "M. Dupont et Mme. Martin sont arrivés à Paris.",
    "Переговоры прошли в г. Астана, т.е. в столице Казахстана.",
    "التقى د. محمد والمهندس م. أحمد في ص. ب 12 قرب معبد بني عام 500 ق.م. على التل.",
    "J. K. Rowling wrote the book.",
    "قال أ. محمد إن الوفد وصل.",
])
def test_abbreviations_and_initials_do_not_split(text):
    assert texts(text) == [text]


def test_abbreviation_then_real_sentence():
    assert texts("He met Dr. Jones. They talked.") == ["He met Dr. Jones.", "They talked."]


@pytest.mark.parametrize(("text", "expected"), [
    # Abbreviations that often close a sentence end it before a capital...
    ("They sold oil, gas etc. The talks ended.", ["They sold oil, gas etc.", "The talks ended."]),
    ("Обсуждали нефть, газ и т.д. Затем обсудили выборы.",
     ["Обсуждали нефть, газ и т.д.", "Затем обсудили выборы."]),
    # ...but not before lower case.
    ("They sold oil, gas etc. and then left.", ["They sold oil, gas etc. and then left."]),
    ("Обсуждали нефть, газ и т.д. и т.п. вопросы.",
     ["Обсуждали нефть, газ и т.д. и т.п. вопросы."]),
])
def test_sentence_final_abbreviations(text, expected):
    assert texts(text) == expected


def test_lower_case_continues_after_a_full_stop():
    assert texts("The approx. figure was given by Gen. staff.") == [
        "The approx. figure was given by Gen. staff."]


def test_list_numbers_at_line_start_are_not_sentences():
    assert texts("1. The first point is clear.\n2. So is the second.") == [
        "1. The first point is clear.", "2. So is the second."]


# --- quotes and brackets -----------------------------------------------------

@pytest.mark.parametrize("text", [
    'قال الوزير "انتهى الاجتماع. سنعود غداً" ثم غادر القاعة.',
    "قال الوزير «انتهى الاجتماع. سنعود غداً» ثم غادر القاعة.",
    "He said “We won. It is over” and left.",
    "Он сказал „Всё. Конец“ и ушёл.",
    "Ils ont signé (voir p. 3. Annexe. Article 2) le texte.",
])
def test_terminators_inside_closed_quotes_do_not_split(text):
    assert texts(text) == [text]


@pytest.mark.parametrize(("text", "expected"), [
    ('قال "انتهى." وغادر الوفد.', ['قال "انتهى."', "وغادر الوفد."]),
    ('He said "We won." Then he left.', ['He said "We won."', "Then he left."]),
    ("قال إن «الحل بعيد».. ودان الهجوم.", ["قال إن «الحل بعيد»..", "ودان الهجوم."]),
    ("Il a dit : « Nous sommes prêts ! » Le ministre est parti.",
     ["Il a dit : « Nous sommes prêts ! »", "Le ministre est parti."]),
    ("(Это было давно.) Теперь всё иначе.", ["(Это было давно.)", "Теперь всё иначе."]),
])
def test_closing_quote_after_terminator_belongs_to_the_sentence(text, expected):
    assert texts(text) == expected


def test_quote_followed_by_attribution_continues():
    assert texts("“Why?” he asked. «Готовы!» — заявил он.") == [
        "“Why?” he asked.", "«Готовы!» — заявил он."]


def test_unclosed_quote_is_treated_as_absent():
    assert texts('قال "الأول انتهى. والثاني بدأ.') == ['قال "الأول انتهى.', "والثاني بدأ."]


def test_odd_number_of_quotes_pairs_the_closable_ones():
    text = ('وكان الرائد "جميل الصالح قائد "جيش العزة" قد رفض "أي هدنة. مؤقتة" '
            "لا تشمل الفصائل. وبدأ التفاوض.")
    assert texts(text) == [text[:text.index("وبدأ") - 1], "وبدأ التفاوض."]


def test_quote_closing_too_far_away_does_not_protect():
    far = "كلام " * 120  # 600 characters, beyond what a quote is trusted for
    text = f'قال "بداية. {far}نهاية" وغادر.'
    assert texts(text, max_chars=10_000) == ['قال "بداية.', f'{far}نهاية" وغادر.'.strip()]


# --- Arabic full stops without a following space ------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # Doubled dots join the two halves of a headline.
    ("لبحث هدنة شاملة بسوريا..أنقرة تستضيف محادثات",
     ["لبحث هدنة شاملة بسوريا..أنقرة تستضيف محادثات"]),
    # A single dot glued to an Arabic word is a lost space: split.
    ("انتهت المحادثات.وبعد ذلك غادر الوفد.", ["انتهت المحادثات.", "وبعد ذلك غادر الوفد."]),
    ("هل انتهت؟قال لا.", ["هل انتهت؟", "قال لا."]),
    # ...unless the word before is an abbreviation or the dot is in a number.
    ("التقى د.محمد بالوزير.", ["التقى د.محمد بالوزير."]),
    ("وصل 2.500 لاجئ.", ["وصل 2.500 لاجئ."]),
])
def test_glued_arabic_full_stops(text, expected):
    assert texts(text) == expected


# --- over-long sentences -------------------------------------------------------

def test_long_arabic_sentence_splits_before_a_connector():
    first = "أعلن الوزير في مؤتمر صحفي عقده في العاصمة أن الهدنة صامدة في معظم المناطق"
    second = "وأكد أن المراقبين سيصلون خلال أيام، بحسب ما نقلته الوكالة الرسمية"
    text = f"{first}، {second}."
    assert texts(text, max_chars=120) == [f"{first}،", f"{second}."]


def test_long_english_sentence_prefers_a_connector_to_the_middle():
    text = ("The envoy, who arrived on Monday, met the delegations in the capital for six hours, "
            "but no agreement on the ceasefire maps was reached.")
    assert texts(text, max_chars=100) == [
        "The envoy, who arrived on Monday, met the delegations in the capital for six hours,",
        "but no agreement on the ceasefire maps was reached."]


def test_without_connector_the_comma_nearest_the_middle_wins():
    text = "alpha beta gamma, delta epsilon zeta eta, theta iota kappa lambda mu, nu xi omicron pi"
    assert texts(text, max_chars=60) == [
        "alpha beta gamma, delta epsilon zeta eta,", "theta iota kappa lambda mu, nu xi omicron pi"]


def test_long_pieces_recurse_until_they_fit():
    text = ", ".join(f"clause number {n} goes here" for n in range(40)) + "."
    pieces = texts(text, max_chars=80)
    assert len(pieces) > 10
    assert all(len(piece) <= 80 for piece in pieces)
    assert " ".join(pieces) == text


def test_commas_inside_quotes_are_the_last_resort():
    first = 'قال "أولاً، ثانياً، ثالثاً" ثم أضاف الوزير كلاماً طويلاً عن الهدنة،'
    assert texts(f"{first} وغادر.", max_chars=70) == [first, "وغادر."]


@pytest.mark.parametrize("text", [
    "The figure rose to 1,000,000 and then to 2,500,000 and then to 3,750,000 before falling back",
    "كلام " * 100,
])
def test_long_sentence_without_clause_comma_stays_whole(text):
    assert texts(text, max_chars=20) == [text.strip()]


# --- the seed articles -------------------------------------------------------

@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_invariants(path):
    text = path.read_text(encoding="utf-8")
    spans = split_sentences(text)
    assert_invariants(text, spans)
    assert_covers(text, spans)
    # The only over-long sentence in the seeds is a reader comment without commas.
    assert all(len(span.text) <= 400 or "،" not in span.text for span in spans)


def test_seed_002_fighters_sentence_is_whole():
    (sentence,) = [s for s in texts(seed("002")) if "62 ألف مقاتل" in s]
    assert sentence.startswith("من جهته، أعلن وزير الدفاع الروسي")
    assert "وقعت اتفاق وقف إطلاق النار مع النظام السوري" in sentence
    assert sentence.endswith("مع النظام السوري.")


def test_seed_002_quote_with_comma_stays_in_its_sentence():
    sentences = texts(seed("002"))
    (quoted,) = [s for s in sentences if "تم توقيع ثلاث وثائق" in s]
    assert quoted.startswith("ونقلت وكالة الصحافة الفرنسية")
    assert '"تم توقيع ثلاث وثائق، الأولى' in quoted
    assert quoted.endswith("مراقبة احترام الهدنة.")
    third = "أما الوثيقة الثالثة فهي إعلان (إطراف النزاع) استعدادهم لبدء محادثات السلام."
    assert third in sentences


def test_seed_000_headline_and_odd_quotes():
    sentences = texts(seed("000"))
    assert sentences[0] == "لبحث هدنة شاملة بسوريا..أنقرة تستضيف محادثات بين فصائل ثورية وروسيا"
    (major,) = [s for s in sentences if '"جيش العزة"' in s]
    assert major.startswith('وكان الرائد "جميل الصالح') and major.endswith("إنهاء حكم الأسد.")


def test_seed_001_run_on_sentence_splits_before_a_connector():
    sentences = texts(seed("001"))
    (first,) = [s for s in sentences if s.startswith("وكانت وزارة الخارجية الروسية أصدرت")]
    assert first.endswith("والإيراني محمد جواد ظريف،")
    assert any(s.startswith("وناقشوا خلالها مجمل القضايا") for s in sentences)


def test_seed_003_double_dot_after_quote_splits():
    sentences = texts(seed("003"))
    assert any(s.endswith("ليس لها وجود»..") for s in sentences)
    assert any(s.startswith("ودان نائب رئيس الائتلاف") for s in sentences)


def test_seed_004_curly_quote_closes_the_sentence():
    sentences = texts(seed("004"))
    assert any(s.endswith("من قبل النظام.”") for s in sentences)
    assert "وأضاف أن هذا سيكون اختبارا للروس كضامن." in sentences


# --- properties --------------------------------------------------------------

_ALPHABET = list(
    "abcXYZ ابجدوفلكمهـ ةىأ ٣٫5 0 .?!؟؛…،,; \"“”«»„()[]'’ —–-/ \n\r\t\u00a0\u202f\u2028"
)
_TEXT = st.text(alphabet=st.sampled_from(_ALPHABET) | st.characters(), max_size=200)


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, max_chars=st.integers(1, 120), offset=st.integers(0, 10_000))
def test_property_spans_are_verbatim_ordered_and_cover_everything(text, max_chars, offset):
    spans = split_sentences(text, max_chars=max_chars, offset=offset)
    assert_invariants(text, spans, offset)
    assert_covers(text, spans, offset)


@settings(max_examples=50, deadline=None)
@given(words=st.lists(st.sampled_from(["قال", "الوزير", "and", "но", "،", ",", "وأكد", "x" * 30]),
                      max_size=60))
def test_property_pieces_fit_when_a_comma_allows(words):
    text = " ".join(words)
    for span in split_sentences(text, max_chars=40):
        if len(span.text) > 40:
            inner = span.text[1:-1]
            assert not any(f"{mark} " in inner for mark in "،,")


def test_a_decimal_whose_dot_got_a_space_does_not_end_the_sentence():
    # Bidi-mangled "1.12" as crawled: "12. 1" must not leave a fragment "1 دولار ...".
    text = "وخسر خام برنت 34. 2 دولار ليسجل 51 دولارا للبرميل. وارتفع الذهب."
    assert [s.text for s in split_sentences(text)] == [
        "وخسر خام برنت 34. 2 دولار ليسجل 51 دولارا للبرميل.", "وارتفع الذهب."]
