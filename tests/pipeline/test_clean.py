"""clean_text: seed articles keep every body paragraph and lose their furniture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.pipeline.clean import REASONS, CleanResult, clean_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MANIFEST = {row["file"]: row for row in map(json.loads, (SEEDS / "manifest.jsonl").read_text(
    encoding="utf-8").splitlines())}

# One substring of every body paragraph of each seed.
BODY = {
    "000_be24e1eb1075d265.txt": [
        "تستضيف العاصمة التركية أنقرة مجدداً", "وأكد مصدر عسكري في الجيش السوري الحر",
        'كشفت صحيفة "الحياة" اللندنية', "ولفتت الصحيفة إلى أن ممثلي الفصائل",
        'قائد "جيش العزة"', 'نقلت وكالة "نوفوستي" عن مصدر دبلوماسي',
        "كذلك أشار بيان صادر عن وزارة الخارجية الروسية", "عضو المكتب السياسي لحركة",
        'وشدد "حجي مصطفى" على أن روسيا عدو للثورة', "وجدد القيادي في حركة",
        "ستستبعد القضايا السياسية الرئيسية",
    ],
    "001_2d03434e453c7c72.txt": [
        "تبدأ صباح غد الإثنين في الأستانة", "فيما تشهد المحادثات السورية للمرة الأولى، مشاركة",
        'وأكدت وكالة "سبوتنيك" الروسية', 'وتوقعت مصادر روسية، أن "تمتد المشاورات',
        'ونقلت وكالة أنباء "انترفاكس"', "المكالمات الهاتفية التي أجراها سيرغي لافروف",
        "ميخائيل بوجدانوف المبعوث الشخصي", "وقالت الخارجية الروسية في بيانها الصادر",
    ],
    "002_e9726bd0ffba4b0e.txt": [
        "أعلن الرئيس الروسي فلاديمير بوتين", "ونقلت وكالة الصحافة الفرنسية عن الرئيس بوتين",
        "أعلن وزير الدفاع الروسي سيرغي شويغو", "بينما أوضح وزير الخارجية الروسي سيرغي لافروف",
        'وتابع لافروف "سنبدأ مع تركيا وإيران', "خفض الوجود العسكري الروسي",
        "بالتزامن مع الإعلان عن اتفاق اطلاق النار", 'وتابع بوتين "أنا أؤيد اقتراح وزارة الدفاع',
        "أعلن الائتلاف السوري المعارض دعمه", "وقال رئيس الدائرة الإعلامية في الائتلاف السوري",
        'وأكد أن فصائل المعارضة "سوف تلتزم', "واتفقت تركيا وروسيا الخميس على خطة",
        "وأوضح المتحدث باسم الائتلاف السوري المعارض", "وهذه ليست المرة الأولى التي يتم التوصل فيها",
        "وشهدت الفترة الماضية تقاربا بين روسيا وتركيا",
    ],
    "003_18a2c8e27a3ab171.txt": [
        "فى محاولة من المبعوث الدولى إلى سوريا", "المصادر إن إحدى النقاط الرئيسية",
        "ميدانياً، بدأ الهجوم الجديد", "فيما طالب نائب رئيس الائتلاف الوطنى",
        "وأضاف بشار فى تصريح صحفى امس", "ولفت بشار إلى حق الثوار", "وختم حديثه قائلاً",
        "دوليا نفت وزارة الدفاع الأمريكية", "وقال المتحدث باسم البنتاجون",
    ],
    "004_f0eaa0c7fd89aae2.txt": [
        "قررت جماعات المعارضة السورية حضور محادثات السلام", "وبدأت روسيا -أقوى حلفاء الرئيس السوري",
        "ولا تشارك الولايات المتحدة", "وقال الأسد إن حكومته مستعدة", "واتخذت جماعات المعارضة القرار",
        "ويري محللون إن المعارضة تتعرض لضغوط", "وتحولت أولوية تركيا في سوريا",
        "وقال مسؤول في جماعة مسلحة",
    ],
}

# Furniture that must not survive in any seed (the brief's list and a few more).
GONE = [
    "طاجيكستان", "واتساب", "الخطر هو أيران", "منذ 7 سنوات", "رئيس التحرير", "www.eremnews.com",
    "مشاهدات", "No stories found", "photo_2025", "رئيس مجلس الإدارة", "هبة صادق",
    "الخميس 28 مارس 2024", "التعليقات (2)", "ابو حمد", "الأكثر قراءة", "مواضيع ذات صلة",
    "أخبار أخرى لهذا القسم", "إرم نيوز", "logo", "أهم المواضيع", "متابعة: إرفع صوتك",
    "كتب - مصطفى امين عامر", "وبوتين/وكالة الصحافة الفرنسية",
]

# (seed, a dropped line's substring, the reason it must be dropped for)
REASON_CASES = [
    ("000_be24e1eb1075d265.txt", "التعليقات (2)", "comments"),
    ("000_be24e1eb1075d265.txt", "ابو حمد", "comments"),
    ("001_2d03434e453c7c72.txt", "أستانةللمرة الأولى", "title_repeat"),
    ("001_2d03434e453c7c72.txt", "www.eremnews.com", "footer"),
    ("002_e9726bd0ffba4b0e.txt", "وبوتين/وكالة", "caption"),
    ("002_e9726bd0ffba4b0e.txt", "متابعة: إرفع صوتك", "byline"),
    ("002_e9726bd0ffba4b0e.txt", "واتساب", "contact"),
    ("002_e9726bd0ffba4b0e.txt", "مواضيع ذات صلة", "related_list"),
    ("003_18a2c8e27a3ab171.txt", "الخميس 28 مارس 2024", "dateline"),
    ("003_18a2c8e27a3ab171.txt", "هبة صادق", "masthead"),
    ("003_18a2c8e27a3ab171.txt", "احمد باشا", "masthead"),
    ("003_18a2c8e27a3ab171.txt", "كتب - مصطفى", "byline"),
    ("004_f0eaa0c7fd89aae2.txt", "447 مشاهدات", "dateline"),
    ("004_f0eaa0c7fd89aae2.txt", "photo_2025-07-15_14-04-00", "related_list"),
    ("004_f0eaa0c7fd89aae2.txt", "S.-Muhriddin", "related_list"),
]


def _seed(name: str, *, with_title: bool = True) -> tuple[str, CleanResult]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    title = MANIFEST[name]["title"] if with_title else None
    return text, clean_text(text, title=title)


def _kept(text: str, result: CleanResult) -> list[str]:
    return [text[r.start:r.end] for r in result.kept]


def test_every_seed_is_listed():
    assert sorted(BODY) == sorted(MANIFEST)


@pytest.mark.parametrize("with_title", [True, False])
@pytest.mark.parametrize("name", sorted(BODY))
def test_seed_body_paragraphs_are_kept(name, with_title):
    text, result = _seed(name, with_title=with_title)
    kept = _kept(text, result)
    for piece in BODY[name]:
        assert any(piece in region for region in kept), piece


@pytest.mark.parametrize("name", sorted(BODY))
def test_seed_furniture_is_dropped(name):
    text, result = _seed(name)
    kept = "\n".join(_kept(text, result))
    assert [piece for piece in GONE if piece in kept] == []
    assert MANIFEST[name]["title"] not in kept


@pytest.mark.parametrize("name", sorted(BODY))
def test_seed_keeps_only_body_lines(name):
    text, result = _seed(name)
    assert len(result.kept) == len(BODY[name])


@pytest.mark.parametrize(("name", "piece", "reason"), REASON_CASES)
def test_seed_drop_reasons(name, piece, reason):
    text, result = _seed(name)
    reasons = {d.reason for d in result.dropped if piece in text[d.start:d.end]}
    assert reasons == {reason}


def test_related_list_above_the_body_ends_at_the_first_prose_line():
    text, result = _seed("004_f0eaa0c7fd89aae2.txt")
    first = _kept(text, result)[0]
    assert first.startswith("قررت جماعات المعارضة السورية")


def test_subheading_is_kept_as_its_own_region():
    text, result = _seed("002_e9726bd0ffba4b0e.txt")
    assert "خفض الوجود العسكري الروسي" in _kept(text, result)


ENGLISH = """Ceasefire talks to resume in Astana next week

By Jane Doe

Delegations from the government and the armed opposition will meet in Astana on Monday, officials said.

The talks, brokered by Russia and Turkey, are the first to include military commanders.

Related articles
Russia and Turkey agree truce plan
Opposition sets conditions for talks
https://example.com/news/12345

The United Nations envoy will attend as an observer, a spokesman said on Friday.

Follow us on Twitter @example_news

Comments (3)
John: This will never work, mark my words, the last truce collapsed within days.
Posted 2 hours ago
Maria: Let us hope for the best this time, people have suffered enough already.
"""


def test_english_related_list_and_comments():
    result = clean_text(ENGLISH, title="Ceasefire talks to resume in Astana next week")
    kept = _kept(ENGLISH, result)
    assert kept == [
        "Delegations from the government and the armed opposition will meet in Astana on Monday, "
        "officials said.",
        "The talks, brokered by Russia and Turkey, are the first to include military commanders.",
        "The United Nations envoy will attend as an observer, a spokesman said on Friday.",
    ]
    reasons = {ENGLISH[d.start:d.end]: d.reason for d in result.dropped}
    assert reasons["By Jane Doe"] == "byline"
    assert reasons["Russia and Turkey agree truce plan"] == "related_list"
    assert reasons["Follow us on Twitter @example_news"] == "contact"
    assert reasons["Posted 2 hours ago"] == "comments"


def test_french_lire_aussi_line_alone_is_dropped():
    text = ("Les pourparlers de paix reprendront lundi à Astana, selon le ministère russe.\n"
            "Lire aussi : Syrie, la trêve menacée à Alep\n"
            "Les délégations de l'opposition et du gouvernement seront présentes, a précisé Moscou.\n")
    result = clean_text(text)
    assert len(result.kept) == 2
    assert [(text[d.start:d.end], d.reason) for d in result.dropped] == [
        ("Lire aussi : Syrie, la trêve menacée à Alep", "related_list")]


def test_article_without_boilerplate_is_returned_whole():
    paragraphs = [
        "قال وزير الخارجية الروسي إن المحادثات ستبدأ في موعدها المحدد.",
        "وأضاف أن الوفود ستصل إلى العاصمة الكازاخية مساء الأحد.",
        "ولم تعلق الحكومة السورية على التصريحات حتى الآن.",
    ]
    text = "\n\n".join(paragraphs) + "\n"
    result = clean_text(text, title="موسكو: محادثات أستانة في موعدها")
    assert _kept(text, result) == paragraphs
    assert result.dropped == ()


@pytest.mark.parametrize("line", [
    "وقال المتحدث إن الوزارة ستتواصل مع المواطنين عبر واتساب لتلقي الشكاوى.",
    "By the end of the week, the ministry said it would publish the casualty figures.",
    "Par ailleurs, la Russie a annoncé une réduction de sa présence militaire en Syrie.",
    "وفي 17 يناير 2017 أعلنت المعارضة حضورها المحادثات في أستانة.",
    "كتب الرئيس في تغريدة أن الاتفاق سيصمد رغم الخروقات الأخيرة.",
    "وقال الوزير:",
    "The court ruled on the copyright case on Monday, lawyers for both sides said.",
    "دمشق - أعلنت وزارة الدفاع الروسية عن هدنة جديدة في حلب لمدة ثلاثة أيام.",
])
def test_prose_that_mentions_furniture_words_is_kept(line):
    text = f"{line}\n"
    assert _kept(text, clean_text(text)) == [line]


def test_lede_equal_to_title_is_kept_once():
    lede = "Russia and Turkey agree on a nationwide ceasefire in Syria starting at midnight."
    text = f"{lede}\n\n{lede}\n\nThe deal excludes groups listed as terrorist by the United Nations.\n"
    result = clean_text(text, title=lede)
    assert _kept(text, result)[0] == lede
    assert [d.reason for d in result.dropped] == ["duplicate_line"]


def test_title_with_site_suffix_is_a_title_copy():
    text = "Truce holds in Aleppo | Example News\nThe truce held overnight, monitors said on Sunday.\n"
    result = clean_text(text, title="Truce holds in Aleppo")
    assert [d.reason for d in result.dropped] == ["title_repeat"]


def test_known_boilerplate_predicate_is_consulted():
    footer = "الآراء الواردة في المقالات تعبر عن رأي كتابها فقط"
    text = f"أعلنت روسيا وتركيا اتفاقا لوقف إطلاق النار في سوريا.\n{footer}\n"
    result = clean_text(text, known_boilerplate=lambda line: line == footer)
    assert [(text[d.start:d.end], d.reason) for d in result.dropped] == [
        (footer, "repeated_in_corpus")]


def test_offsets_point_into_the_original_text():
    text = "\ufeff  First paragraph is long enough to stay here.  \r\n\r\n\tSecond one stays too, surely.\r\n"
    result = clean_text(text)
    assert _kept(text, result) == ["First paragraph is long enough to stay here.",
                                   "Second one stays too, surely."]


def test_empty_text():
    assert clean_text("") == CleanResult((), ())
    assert clean_text(" \n\u00a0\n") == CleanResult((), ())


LINE_PIECES = st.sampled_from([
    "وقال الوزير إن المحادثات ستبدأ غدا.", "التعليقات (2)", "مواضيع ذات صلة", "Related articles",
    "photo_2025-07-15_14-04-00بحث التعاون", "logo", "يناير 17, 2017 08:51", "كتب - فلان",
    "رئيس التحرير", "  ", "\u00a0", "Lire aussi : titre", "The talks ended without a deal.",
    "١٢٣", "…", "💡 أهم المواضيع", "www.example.com", "وقال الوزير:",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE_PIECES, max_size=25), st.sampled_from(["\n", "\r\n", "\n\n"]),
       st.one_of(st.none(), LINE_PIECES))
def test_every_non_blank_line_is_kept_or_dropped_exactly_once(lines, newline, title):
    text = newline.join(lines)
    result = clean_text(text, title=title)
    spans = sorted([(r.start, r.end) for r in result.kept]
                   + [(d.start, d.end) for d in result.dropped])
    expected = [line.strip() for line in text.splitlines() if line.strip()]
    assert [text[s:e] for s, e in spans] == expected
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert {d.reason for d in result.dropped} <= set(REASONS)
