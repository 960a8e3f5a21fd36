"""Entities and roles (service.claims.entities): gazetteer actors in four
languages, unknown names by pattern, roles with holder and body, and the
seed sentences."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.claims.entities import Entity, Role, extract_entities, extract_roles, roles_conflict, same_entity

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

HAJI_AR = ("وأكدت وكالة \"سبوتنيك\" الروسية عن مصادر في الوفد الروسي، أن \"العسكريين يشاركون لأول مرة في مثل "
           "هذه المشاورات، فيما كشفت عن أن ستانيسلاف حاجي محمدوف نائب رئيس إدارة العمليات العامة سيمثل وزارة "
           "الدفاع الروسية في مباحثات الأستانة\".")
HAJI_EN = "Stanislav Hajimohammedov will represent the Russian defence ministry in Astana."
HAJI_EN_FOREIGN = "Stanislav Hajimohammedov will represent the Russian foreign ministry in Astana."


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def keys(text: str, kind: str | None = None) -> list[str]:
    return [e.key for e in extract_entities(text) if kind is None or e.kind == kind]


def find(text: str, key: str) -> Entity:
    return next(e for e in extract_entities(text) if e.key == key)


def assert_spans(text: str, items) -> None:
    for item in items:
        assert text[item.start:item.end] == item.text


@pytest.mark.parametrize("text, key", [
    ("تبدأ صباح غد الإثنين في الأستانة عاصمة كازاخستان", "astana"),
    ("محادثات قازاخستان", "kazakhstan"),
    ("للقاء في إستانا", "astana"),
    ("ستذهب إلى استانة", "astana"),
    ("يُعقد في أستانا", "astana"),
    ("talks in Astana on Monday", "astana"),
    ("переговоры в Астане", "astana"),
    ("les pourparlers d'Astana", "astana"),
    ("بمشاركة المبعوث الأممي ستيفان دي ميستورا", "de_mistura"),
    ("المبعوث الدولى إلى سوريا ستافان دى ميستورا", "de_mistura"),
    ("UN envoy Staffan de Mistura said", "de_mistura"),
    ("спецпосланник ООН Стаффан де Мистура", "de_mistura"),
    ("أعلن وزير الدفاع الروسي سيرغي شويغو", "shoigu"),
    ("министр обороны Сергей Шойгу", "shoigu"),
    ("أجراها سيرغي لافروف مع نظيريه", "lavrov"),
    ("Le chef de la diplomatie russe Sergueï Lavrov", "lavrov"),
    ("по словам Лаврова", "lavrov"),
    ("لقاء سابق بين أردوغان وبوتين", "putin"),
    ("with Vladimir Putin", "putin"),
    ("президент России Владимир Путин", "putin"),
    ("نظيره الأمريكى جون كيرى", "kerry"),
    ("والإيراني محمد جواد ظريف", "zarif"),
    ("التركي مولود جاوش أوغلو", "cavusoglu"),
    ("Turkish Foreign Minister Mevlut Cavusoglu", "cavusoglu"),
    ("قوات الرئيس بشار الأسد", "assad"),
    ("نظام الأسد", "syrian_government"),
    ("حركة أحرار الشام وجيش الإسلام وفيلق الشام ونور الدين الزنكي", "jaish_al_islam"),
    ("تنظيمي داعش و\"جبهة فتح الشام\"", "fateh_al_sham"),
    ("أي جبهة النصرة سابقا", "fateh_al_sham"),
    ("fighters of the Nusra Front", "fateh_al_sham"),
    ("تنظيم الدولة الإسلامية", "isis"),
    ("fighters from Islamic State", "isis"),
    ("والمنظمات الإرهابية كداعش والنصرة", "isis"),
    ("وسط غياب لافت لـ\"الائتلاف\" الوطني والهيئة العليا للمفاوضات", "high_negotiations_committee"),
    ("أعلن الائتلاف السوري المعارض دعمه", "syrian_national_coalition"),
    ("يعبّر الائتلاف الوطني عن دعمه للاتفاق", "syrian_national_coalition"),
    ("The Syrian National Coalition backs the ceasefire agreement.", "syrian_national_coalition"),
    ("مصدر عسكري في الجيش السوري الحر", "free_syrian_army"),
    ("التابع للجيش السوري الحر", "free_syrian_army"),
    ("l'Armée syrienne libre", "free_syrian_army"),
    ("قرارات مجلس الأمن", "security_council"),
    ("the UN Security Council", "security_council"),
    ("سيمثل وزارة الدفاع الروسية", "defence_ministry"),
    ("the Russian Defence Ministry said", "defence_ministry"),
    ("le ministère de la Défense", "defence_ministry"),
    ("Министерство обороны России", "defence_ministry"),
    ("представитель Минобороны", "defence_ministry"),
    ("وزارة الخارجية الروسية", "foreign_ministry"),
    ("وأشارت الخارجية الروسية", "foreign_ministry"),
    ("a déclaré le Quai d'Orsay", "foreign_ministry"),
    ("заявили в МИД России", "foreign_ministry"),
    ("نفت وزارة الدفاع الأمريكية «البنتاجون»", "pentagon"),
    ("a Pentagon spokesman", "pentagon"),
    ("عناصر حزب الله", "hezbollah"),
    ("حسبما صرح علوش لرويترز", "reuters"),
    ("للأمم المتحدة", "un"),
    ("رفع البنك الدولي توقعاته", "world_bank"),
    ("The World Bank raised its forecast", "world_bank"),
    ("La Banque mondiale a relevé sa prévision", "world_bank"),
    ("прогноз Всемирного банка", "world_bank"),
    ("مجلس المديرين التنفيذيين للبنك الإسلامي للتنمية", "islamic_development_bank"),
    ("совет директоров Исламского банка развития", "islamic_development_bank"),
    ("اجتماع وزراء أوبك في فيينا", "opec"),
    ("la réunion des ministres de l'OPEP", "opec"),
    ("سترفع المملكة أسعار الوقود", "saudi_arabia"),      # in Saudi papers "the kingdom" is theirs
    ("المملكة الأردنية الهاشمية", "jordan"),
    ("زار المملكة المتحدة", "united_kingdom"),
])
def test_gazetteer_in_four_languages(text, key):
    assert key in keys(text)
    assert_spans(text, extract_entities(text))


def test_clitics_stay_outside_the_entity():
    (entity,) = [e for e in extract_entities("وبموسكو") if e.key == "moscow"]
    assert entity.text == "موسكو"
    assert find("والأستانة", "astana").text == "الأستانة"
    assert find("للأمم المتحدة", "un").text == "أمم المتحدة"


def test_case_sensitive_acronyms():
    assert "united_states" in keys("The US backed the deal.")
    assert "united_states" not in keys("He told us about it.")
    assert "un" in keys("L'ONU a salué l'accord")
    assert "un" not in keys("un accord a été signé")


def test_adjectives_name_their_country():
    assert "russia" in keys("المصادر الروسية")
    assert "turkey" in keys("برعاية تركيّة")
    assert "syria" in keys("المحادثات السورية")
    assert "syria" in keys("الحكومة والمعارضة السوريتين")
    assert "russia" in keys("the Russian delegation")
    assert "russia" in keys("российская делегация")
    assert "turkey" not in keys("التركيز على الملفات العسكرية")  # ترك+يز is not a nisba


@pytest.mark.parametrize("text, name", [
    (HAJI_AR, "ستانيسلاف حاجي محمدوف"),  # apposition before a title
    ("وكان الرائد \"جميل الصالح قائد \"جيش العزة\" التابع للجيش السوري الحر", "جميل الصالح"),  # rank + name
    ("أكد \"بسام حجي مصطفى\" عضو المكتب السياسي لحركة", "بسام حجي مصطفى"),  # first name
    ("وقال رئيس الدائرة الإعلامية في الائتلاف السوري، أحمد رمضان، لوكالة", "أحمد رمضان"),
    ("ومنهم مصطفى الشيخ وخالد الحلبي", "خالد الحلبي"),  # the conjunction is not part of the name
    ("نائب رئيس الائتلاف الوطنى لقوى الثورة والمعارضة السورية عبد الحكيم بشار المجتمع الدولى", "عبد الحكيم بشار"),
    ("وقال المتحدث باسم البنتاجون ميشيل بالدانتسا فى تصريح", "ميشيل بالدانتسا"),
    (HAJI_EN, "Stanislav Hajimohammedov"),
    ("Ahmed Ramadan heads the media department of the Syrian coalition.", "Ahmed Ramadan"),
    ("Станислав Хаджимухаммедов представит Министерство обороны.", "Станислав Хаджимухаммедов"),
    ("Selon le général Jean Dupont, les combats ont cessé.", "Jean Dupont"),
    ("Министр здравоохранения Халид аль-Фалих открыл больницу.", "Халид аль-Фалих"),   # аль- inside a name
    ("Министр иностранных дел Саудовской Аравии Сауд аль-Фейсал заявил", "Сауд аль-Фейсал"),
])
def test_unknown_people_by_pattern(text, name):
    people = [e for e in extract_entities(text) if e.kind == "person"]
    assert name in [p.text for p in people]
    person = next(p for p in people if p.text == name)
    assert not person.known and person.key  # keyed by skeleton
    assert_spans(text, people)


def test_known_surname_widens_to_the_full_name():
    entity = find("Foreign Minister Sergei Lavrov said", "lavrov")
    assert entity.text == "Sergei Lavrov" and entity.known


def test_quoted_group_names_are_organisations():
    text = "وكان الرائد \"جميل الصالح قائد \"جيش العزة\" التابع للجيش السوري الحر"
    (org,) = [e for e in extract_entities(text) if e.text == "جيش العزة"]
    assert org.kind == "org"
    assert "الحياة" in [e.text for e in extract_entities("كشفت صحيفة \"الحياة\" اللندنية") if e.kind == "org"]


@pytest.mark.parametrize("text", [
    "ولا تشارك الولايات المتحدة في المساعي الدبلوماسية الأخيرة.",
    "وشهدت الفترة الماضية تقاربا بين روسيا وتركيا، برز خلال اتفاق الشهر الحالي",
    "تم بموجبه إجلاء مقاتلي الفصائل المعارضة والمدنيين الراغبين بالمغادرة من مدينة حلب",
    "The talks will begin on Monday in the capital.",
    "Le cessez-le-feu a été négocié.",
])
def test_no_invented_people(text):
    assert [e for e in extract_entities(text) if e.kind == "person" and not e.known] == []


def test_same_entity_across_scripts_and_spellings():
    ar = find(HAJI_AR, "stnslfhgmhmdf")
    en = next(e for e in extract_entities(HAJI_EN) if e.kind == "person")
    assert same_entity(ar, en)
    assert same_entity(find("في الأستانة", "astana"), find("in Astana", "astana"))
    assert same_entity(find("البنتاجون", "pentagon"), find("وزارة الدفاع", "defence_ministry"))
    assert same_entity(find("Sergei Lavrov said", "lavrov"), Entity(0, 6, "Лавров", "person", "lfrf"))
    assert not same_entity(find("وزارة الدفاع", "defence_ministry"), find("وزارة الخارجية", "foreign_ministry"))
    assert not same_entity(find("Putin", "putin"), find("Lavrov", "lavrov"))
    assert not same_entity(en, Entity(0, 8, "Ahmed Ramadan", "person", "ahmdrmdn"))


def test_roles_from_the_arabic_seed_and_the_english_claim():
    ar = [r for r in extract_roles(HAJI_AR) if r.role_key == "represent"]
    en = [r for r in extract_roles(HAJI_EN) if r.role_key == "represent"]
    assert len(ar) == len(en) == 1
    assert ar[0].org_key == en[0].org_key == "defence_ministry"
    assert ar[0].holder.text == "ستانيسلاف حاجي محمدوف"
    assert en[0].holder.text == "Stanislav Hajimohammedov"
    assert not roles_conflict(ar[0], en[0])
    (foreign,) = [r for r in extract_roles(HAJI_EN_FOREIGN) if r.role_key == "represent"]
    assert foreign.org_key == "foreign_ministry"
    assert roles_conflict(ar[0], foreign) and roles_conflict(foreign, ar[0])
    deputy = [r for r in extract_roles(HAJI_AR) if r.role_key == "deputy_head_operations"]
    assert deputy and deputy[0].holder.text == "ستانيسلاف حاجي محمدوف"


@pytest.mark.parametrize("text, role, org, holder", [
    ("أعلن وزير الدفاع الروسي سيرغي شويغو أن", "minister", "defence_ministry", "سيرغي شويغو"),
    ("أوضح وزير الخارجية الروسي سيرغي لافروف بدء الاستعدادات", "minister", "foreign_ministry", "سيرغي لافروف"),
    ("Russian Foreign Minister Sergei Lavrov said", "minister", "foreign_ministry", "Sergei Lavrov"),
    ("وقال المتحدث باسم البنتاجون ميشيل بالدانتسا فى تصريح", "spokesperson", "pentagon", "ميشيل بالدانتسا"),
    ("Pentagon spokesman Jeff Davis said", "spokesperson", "pentagon", "Jeff Davis"),
    ("أن الوفد يترأسه محمد علوش ممثل جماعة \"جيش الإسلام\" ويضم 50 شخصًا", "represent", "jaish_al_islam", "محمد علوش"),
    ("أن الوفد يترأسه محمد علوش ممثل جماعة", "head", None, "محمد علوش"),
    ("وفد سيرأسه محمد علوش", "head", None, "محمد علوش"),  # يترأسه/سيرأسه: "heads it", the holder follows
    ("محمد علوش رئيس المكتب السياسي لجماعة جيش الإسلام", "head", "jaish_al_islam", "محمد علوش"),
    ("وقال رئيس الدائرة الإعلامية في الائتلاف السوري، أحمد رمضان، لوكالة", "head", "syrian_national_coalition",
     "أحمد رمضان"),
    ("Ahmed Ramadan heads the media department of the Syrian coalition.", "head", "syrian_national_coalition",
     "Ahmed Ramadan"),
    ("Mohammed Alloush, head of the opposition delegation, said", "head", "delegation", "Mohammed Alloush"),
    ("بمشاركة المبعوث الأممي ستيفان دي ميستورا", "envoy", "un", "ستيفان دي ميستورا"),
    ("أعلن الرئيس الروسي فلاديمير بوتين الخميس", "president", "russia", "فلاديمير بوتين"),
    ("Глава МИД России Сергей Лавров заявил", "minister", "foreign_ministry", "Сергей Лавров"),
    ("Станислав Хаджимухаммедов представит Министерство обороны.", "represent", "defence_ministry",
     "Станислав Хаджимухаммедов"),
    ("M. Hajimohammedov représentera le ministère de la Défense.", "represent", "defence_ministry",
     "Hajimohammedov"),  # one capitalised word counts as a name after a title
])
def test_roles(text, role, org, holder):
    roles = [r for r in extract_roles(text) if r.role_key == role]
    assert roles, extract_roles(text)
    assert roles[0].org_key == org
    assert (roles[0].holder.text if roles[0].holder else None) == holder
    assert_spans(text, roles)


def test_role_holder_does_not_cross_that():
    # the groups represent the fighters, not Shoigu
    text = "أعلن وزير الدفاع الروسي سيرغي شويغو أن مجموعات تمثل 62 ألف مقاتل مسلح"
    (represent,) = [r for r in extract_roles(text) if r.role_key == "represent"]
    assert represent.holder is None


def test_plural_representatives_have_no_single_holder():
    text = "بمشاركة المبعوث الأممي ستيفان دي ميستورا، وممثلي وزارتي الخارجية والدفاع"
    assert all(r.holder is None for r in extract_roles(text) if r.text == "ممثلي")


def test_roles_conflict_needs_same_holder_and_exclusive_role():
    other = "Ahmed Ramadan will represent the Russian foreign ministry in Astana."
    (a,) = [r for r in extract_roles(HAJI_EN) if r.role_key == "represent"]
    (b,) = [r for r in extract_roles(other) if r.role_key == "represent"]
    assert not roles_conflict(a, b)  # different people
    head_a = Role(a.holder, "head", "delegation", "head", 0, 4)
    head_b = Role(a.holder, "head", "jaish_al_islam", "head", 0, 4)
    assert not roles_conflict(head_a, head_b)  # one can head a delegation and an office
    assert not roles_conflict(dataclasses.replace(a, org_key=None), b)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_articles_spans_are_exact(prefix):
    for line in seed(prefix).splitlines():
        assert_spans(line, extract_entities(line))
        assert_spans(line, extract_roles(line))


def test_entities_are_frozen():
    entity = extract_entities("Putin")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entity.key = "x"  # type: ignore[misc]


ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
WORDS = st.sampled_from(["الرئيس", "بوتين", "أحمد", "وزير", "الدفاع", "سيمثل", "Putin", "Minister", "Sergei",
                         "\"", "«", "»", "،", " ", "لل", "و", "de", "Astana", "Министерство", "ـ", "\u064b", "ß"])


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(ALPHABET, max_size=80), st.lists(WORDS, max_size=25).map(" ".join)))
def test_extractors_never_crash_and_spans_hold(text):
    entities = extract_entities(text)
    assert_spans(text, entities)
    assert all(e.kind in ("person", "org", "place", "role") for e in entities)
    assert_spans(text, extract_roles(text))


def test_french_nationality_between_title_and_ministry_is_not_the_body():
    from service.claims.entities import extract_roles, roles_conflict

    [french, *_] = extract_roles("Selon le ministre russe de la Défense Sergueï Choïgou, les groupes ont signé", "fr")
    [arabic, *_] = extract_roles("أعلن وزير الدفاع الروسي سيرغي شويغو أن مجموعات وقعت", "ar")
    assert french.org_key == arabic.org_key == "defence_ministry"
    assert french.holder.text == "Sergueï Choïgou"
    assert not roles_conflict(french, arabic)


@pytest.mark.parametrize("text", ["المملكة الأردنية الهاشمية", "زار المملكة المتحدة", "the Kingdom of Bahrain"])
def test_another_kingdom_is_not_saudi_arabia(text):
    assert "saudi_arabia" not in keys(text)
