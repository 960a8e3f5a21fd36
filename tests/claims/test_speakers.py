"""Who says it (service.claims.speakers): Arabic reporting verbs and attribution
on seed sentences, English, French and Russian patterns, and negatives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.claims.speakers import extract_speaker

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("text, speaker, key", [
    ("وأكد مصدر عسكري في الجيش السوري الحر لـ\"أورينت نت\" أن فصائل عسكرية اجتمعت اليوم بممثلين روس",
     "مصدر عسكري في الجيش السوري الحر", "free_syrian_army"),
    ("من جانبها، نقلت وكالة \"نوفوستي\" عن مصدر دبلوماسي قوله، \"تجري حالياً اتصالات بيننا وبين الأتراك\"",
     "مصدر دبلوماسي", None),  # the agency passes on the source's words
    ("ونقلت وكالة الصحافة الفرنسية عن الرئيس بوتين قوله خلال لقاء", "الرئيس بوتين", "putin"),
    ("وأكدت وكالة \"سبوتنيك\" الروسية عن مصادر في الوفد الروسي، أن \"العسكريين يشاركون لأول مرة\"",
     "مصادر في الوفد الروسي", "russia"),
    ("لكن في المقابل، أكد \"بسام حجي مصطفى\" عضو المكتب السياسي لحركة \"نور الدين الزنكي\" في تصريح خاص",
     "بسام حجي مصطفى", "bsmhgmstf"),
    ("أعلن الرئيس الروسي فلاديمير بوتين الخميس، 29 كانون الأول/ديسمبر، التوصل إلى اتفاق",
     "الرئيس الروسي فلاديمير بوتين", "putin"),
    ("من جهته، أعلن وزير الدفاع الروسي سيرغي شويغو أن مجموعات تمثل 62 ألف مقاتل", "وزير الدفاع الروسي سيرغي شويغو",
     "shoigu"),
    ("بينما أوضح وزير الخارجية الروسي سيرغي لافروف بدء الاستعدادات لمحادثات السلام", "وزير الخارجية الروسي سيرغي لافروف",
     "lavrov"),
    ("وتابع لافروف \"سنبدأ مع تركيا وإيران الاعداد للقاء في إستانا\"", "لافروف", "lavrov"),
    ("وقال رئيس الدائرة الإعلامية في الائتلاف السوري، أحمد رمضان، لوكالة الصحافة الفرنسية \"يعبّر الائتلاف\"",
     "رئيس الدائرة الإعلامية في الائتلاف السوري، أحمد رمضان", "ahmdrmdn"),
    ("وقالت الخارجية الروسية في بيانها الصادر حول هذه الاجتماعات، إنها \"تناولت\"", "الخارجية الروسية",
     "foreign_ministry"),
    ("وقال الأسد إن حكومته مستعدة لحضور المحادثات.", "الأسد", "assad"),
    ("وتعمل الآن على تشكيل وفد سيرأسه محمد علوش حسبما صرح علوش لرويترز.", "علوش", "alloush"),
    ("ميدانياً، بدأ الهجوم الجديد يؤتى ثماره، بحسب مصادر بارزة فى المعارضة التى أكدت تسجيل «انسحابات»",
     "مصادر بارزة فى المعارضة", "syrian_opposition"),
    ("وأضاف بشار فى تصريح صحفى امس إن «المجتمع الدولى يقف عاجزاً»", "بشار", None),
    ("وقال المتحدث باسم البنتاجون ميشيل بالدانتسا فى تصريح لوكالة «انترفاكس»", "المتحدث باسم البنتاجون ميشيل بالدانتسا",
     "mxlbldnts"),
    ("دوليا نفت وزارة الدفاع الأمريكية «البنتاجون»، وجود تعاون", "وزارة الدفاع الأمريكية", "defence_ministry"),
    ("وفقا للمرصد السوري لحقوق الإنسان قتل 28 مدنيا", "مرصد السوري لحقوق الإنسان", "sohr"),
    ("Lavrov said on Thursday that the talks would start.", "Lavrov", "lavrov"),
    ("The Russian defence ministry said in a statement that troops would leave.", "The Russian defence ministry",
     "defence_ministry"),
    ("According to Reuters, the opposition will attend.", "Reuters", "reuters"),
    ("\"We will go,\" said Mohammed Alloush.", "Mohammed Alloush", "alloush"),
    ("Alloush told Reuters the opposition would attend.", "Alloush", "alloush"),
    ("Selon l'agence Interfax, les pourparlers commenceront lundi.", "l'agence Interfax", "interfax"),
    ("Sergueï Lavrov a déclaré que les pourparlers commenceront.", "Sergueï Lavrov", "lavrov"),
    ("« Nous irons », a déclaré Mohammed Allouche.", "Mohammed Allouche", "alloush"),
    ("По словам Лаврова, переговоры начнутся в понедельник.", "Лаврова", "lavrov"),
    ("Лавров заявил, что переговоры начнутся.", "Лавров", "lavrov"),
    ("«Мы поедем», — заявил Мохаммед Аллуш.", "Мохаммед Аллуш", "alloush"),
])
def test_speaker(text, speaker, key):
    found = extract_speaker(text)
    assert found is not None
    assert found.text == speaker
    assert text[found.start:found.end] == found.text
    assert (found.entity.key if found.entity else None) == key


@pytest.mark.parametrize("text", [
    "تبدأ صباح غد الإثنين في الأستانة عاصمة كازاخستان، مشاورات مباشرة بين ممثلي المعارضة والحكومة السوريتين",
    "وأكد أن فصائل المعارضة \"سوف تلتزم باتفاق وقف إطلاق النار\"",  # the speaker is in an earlier sentence
    "وبدأت روسيا -أقوى حلفاء الرئيس السوري بشار الأسد- الجهود الدبلوماسية الجديدة",  # بشار is not بـ+أشار
    "The talks will begin on Monday.",
    "He said the talks would start.",  # a pronoun names nobody
    "Les pourparlers commenceront lundi.",
    "Переговоры начнутся в понедельник.",
])
def test_no_speaker(text):
    assert extract_speaker(text) is None


def test_first_cue_wins():
    text = "بحسب مصادر في المعارضة، قال مسؤول إن الهجوم بدأ"
    assert extract_speaker(text).text == "مصادر في المعارضة"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_articles_spans_are_exact(prefix):
    for line in seed(prefix).splitlines():
        found = extract_speaker(line)
        if found is not None:
            assert line[found.start:found.end] == found.text and found.text.strip() == found.text


ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
WORDS = st.sampled_from(["وقال", "قال", "أكد", "عن", "بحسب", "حسبما", "صرح", "وفقا", "للمرصد", "لـ", "الرئيس",
                         "بوتين", "said", "according", "to", "selon", "a", "déclaré", "по", "словам", "заявил",
                         "\"", "«", "»", "،", ",", "—", "ـ", "\u0650", "ß", "Lavrov"])


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(ALPHABET, max_size=80), st.lists(WORDS, max_size=20).map(" ".join)))
def test_never_crashes_and_span_holds(text):
    found = extract_speaker(text)
    if found is not None:
        assert text[found.start:found.end] == found.text
        assert found.start < found.end
