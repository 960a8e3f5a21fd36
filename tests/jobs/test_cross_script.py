"""The cross-script link test: figures, written dates and rare names meet across scripts; formulas do not."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from service.claims.slots import extract_slots
from service.errors import ConfigError
from service.jobs import common_names
from service.jobs.cross_script import (across_scripts, dates_agree, figures_agree, same_claim_across, script_of,
                                       shared_facts)
from service.jobs.link_bar import same_claim
from service.models import SentenceRecord

DAY = dt.date(2015, 7, 22)
SURUC_AR = ("وعدت الحكومة التركية بتعزيز الإجراءات الأمنية غداة هجوم انتحاري نسب إلى تنظيم داعش "
            "وضرب مدينة سوروج بالقرب من الحدود السورية، مما أودى بحياة 32 شخصا.")
SURUC_EN = ("Turkey's government promised tighter security after a suicide bombing blamed on ISIS "
            "killed 32 people in Suruc, near the Syrian border.")
KING_AR = "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في الرياض اليوم سفير الصين لدى المملكة."
KING_EN = ("The Custodian of the Two Holy Mosques King Salman bin Abdulaziz received in Riyadh today "
           "the ambassador of Japan to the Kingdom.")


def _record(text: str, article: str, lang: str, sentence_id: int = 1) -> SentenceRecord:
    return SentenceRecord(sentence_id, text, article, f"outlet-{article}", DAY, lang, 0, len(text))


def test_the_script_is_the_one_most_letters_are_in():
    assert script_of(SURUC_AR) == "arabic"
    assert script_of("Правительство Турции пообещало (ISIS) 32") == "cyrillic"
    assert script_of("Le gouvernement turc a promis") == "latin"
    assert script_of("32 / 45") == ""
    assert across_scripts(SURUC_AR, SURUC_EN) and across_scripts(SURUC_EN, "Правительство Турции пообещало")
    assert not across_scripts(SURUC_EN, "Le gouvernement turc a promis de renforcer la sécurité")
    assert not across_scripts("32 / 45 / 2015", SURUC_AR)          # figures only: in no script


def test_a_translation_shares_its_figure_and_rare_place():
    facts = shared_facts(extract_slots(SURUC_AR, DAY, "ar"), extract_slots(SURUC_EN, DAY, "en"))
    assert "figure 32" in facts and "name suruc" in facts


def test_a_translation_is_a_link_and_another_figure_is_not():
    arabic, english = _record(SURUC_AR, "a", "ar", 1), _record(SURUC_EN, "b", "en", 2)
    assert same_claim_across(arabic, english, 0.68)
    assert same_claim(arabic, english, 0.68)                      # the link bar takes the route
    other = _record(SURUC_EN.replace("32", "23"), "c", "en", 3)
    assert not same_claim(arabic, other, 0.68)
    assert not same_claim(arabic, english, 0.6)                    # below the cross-script floor


def test_the_royal_formula_and_the_capital_are_not_shared_facts():
    facts = shared_facts(extract_slots(KING_AR, DAY, "ar"), extract_slots(KING_EN, DAY, "en"))
    assert not [f for f in facts if f.startswith("name")]
    assert not same_claim(_record(KING_AR, "a", "ar", 1), _record(KING_EN, "b", "en", 2), 0.72)


def test_a_figure_one_reading_misses_is_not_a_second_fact():
    brent_ar = extract_slots("وقفز سعر برنت 39 سنتًا أو 0.69 % إلى 57.04 دولارًا بعدما انخفض 45 سنتًا.", DAY, "ar")
    brent_en = extract_slots("Brent rose 39 cents, or 0.69%, to settle at $57.04 a barrel.", DAY, "en")
    gold_up = extract_slots("Gold rose 0.4% to 1,100.5 dollars an ounce.", DAY, "en")
    gold_down = extract_slots("تراجع الذهب 0.3% إلى 1095.2 دولار للأوقية.", DAY, "ar")
    assert figures_agree(brent_ar, brent_en)
    assert not figures_agree(gold_up, gold_down)


def test_common_names_are_those_named_by_enough_sentences(tmp_path, monkeypatch):
    slot_sets = [extract_slots("وصل الوفد إلى الرياض اليوم.", DAY, "ar")] * 5 + [
        extract_slots("افتتح المعرض في سوروج.", DAY, "ar")]
    table = common_names.count_names(slot_sets, minimum_share=0.0)
    assert table["sentences"] == 6 and table["names"]["riyadh"] == 5
    path = tmp_path / "names.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    monkeypatch.setattr(common_names, "COMMON_SHARE", 0.5)
    common_names.common_keys.cache_clear()
    try:
        assert common_names.common_keys(path) == frozenset({"riyadh"})
    finally:
        common_names.common_keys.cache_clear()


def test_an_unreadable_common_names_table_says_how_to_rebuild_it(tmp_path):
    path = tmp_path / "names.json"
    path.write_text("{", encoding="utf-8")
    common_names.common_keys.cache_clear()
    try:
        with pytest.raises(ConfigError, match="common_names.py"):
            common_names.common_keys(path)
    finally:
        common_names.common_keys.cache_clear()


def test_the_shipped_table_holds_the_kingdom_and_not_a_rare_town():
    assert common_names.is_common("saudi_arabia") and common_names.is_common("riyadh")
    assert not common_names.is_common("suruc")


BRENT_AR = ("وقفز سعر برنت في عقود سبتمبر عند التسوية 39 سنتًا أو 0.69 % إلى 57.04 دولارًا للبرميل "
            "بعدما انخفض 45 سنتًا أمس.")


def test_a_telling_with_the_other_direction_or_a_negation_is_not_a_link():
    arabic = _record(BRENT_AR, "a", "ar", 1)
    rose = _record("Нефть Brent подорожала на 39 центов, или на 0,69%, до 57,04 доллара за баррель.", "b", "ru", 2)
    fell = _record("Brent crude fell 39 cents, or 0.69%, to settle at $57.04 a barrel.", "c", "en", 3)
    assert same_claim_across(arabic, rose, 0.7)       # the Arabic also says "fell" of yesterday: it states both
    assert not same_claim_across(rose, fell, 0.88)
    makkah_ar = _record("وتتوقع الشؤون الصحية في منطقة مكة المكرمة ارتفاع عدد الأسرة من 8500 سرير "
                        "إلى أكثر من 10000 سرير.", "d", "ar", 4)
    expects = _record("Health affairs in Makkah expect the number of beds to rise from 8,500 to more than 10,000.",
                      "e", "en", 5)
    expects_not = _record("Health affairs in Makkah do not expect the number of beds to rise from 8,500 to more "
                          "than 10,000.", "f", "en", 6)
    assert same_claim_across(makkah_ar, expects, 0.7)
    assert not same_claim_across(makkah_ar, expects_not, 0.7)


def test_dates_agree_at_their_precision():
    def slots(text: str, lang: str):
        return extract_slots(text, DAY, lang)

    on_the_28th = slots("The talks in Vienna will resume on 28 July, the ministry said.", "en")
    assert dates_agree(on_the_28th, slots("ستستأنف المحادثات في فيينا في يوليو بحسب الوزارة.", "ar"))
    on_the_30th = slots("ستستأنف المحادثات في فيينا في 30 يوليو بحسب الوزارة.", "ar")
    assert not dates_agree(on_the_28th, on_the_30th)
    assert not dates_agree(slots("The talks resumed on Monday in Vienna.", "en"),
                           slots("استؤنفت المحادثات يوم الأحد في فيينا.", "ar"))
