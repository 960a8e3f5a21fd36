"""Actor stance maps: the cue rules on single sentences, and the maps on the seeds."""

from __future__ import annotations

import pytest

from service.errors import InputError
from service.reports.stance_cues import stance_mentions
from service.reports.stances import conflicts, stances_for


def said(text: str) -> set[tuple[str, str]]:
    return {(m.actor.key, m.cue.stance) for m in stance_mentions(text)}


@pytest.mark.parametrize("text, expected", [
    ("من جهته، أعلن الائتلاف السوري المعارض دعمه لاتفاق وقف إطلاق النار", ("syrian_national_coalition", "supports")),
    ("وسط غياب لافت لـ\"الائتلاف\" الوطني عن المحادثات", ("syrian_national_coalition", "stayed_away")),
    ("The Syrian National Coalition rejected the ceasefire agreement.", ("syrian_national_coalition", "rejects")),
    ("La Coalition nationale syrienne a signé l'accord de cessez-le-feu.", ("syrian_national_coalition", "signed")),
    ("Национальная коалиция поддержала соглашение о перемирии.", ("syrian_national_coalition", "supports")),
    ("وأكد أن حركة أحرار الشام لم تشارك في محادثات أستانة", ("ahrar_al_sham", "stayed_away")),
    ("رفضت المعارضة السورية الهدنة", ("syrian_opposition", "rejects")),
])
def test_who_said_or_did_what(text, expected):
    assert expected in said(text)


@pytest.mark.parametrize("text", [
    "أعلن الائتلاف دعمه للمعارضة في حلب",                       # not about the truce or its talks
    "وتوقعت مصادر روسية التوصل إلى اتفاق",                       # توقع is "expect", not "sign"
    "نقلت الوكالة عن بوتين قوله \"تم توقيع ثلاث وثائق\" حول الهدنة",   # passive: no signer named
    "أبرز داعمي الفصائل المعارضة اتفاقا مماثلا",                   # the name after "supporter of" is the object
])
def test_no_stance_is_read_into(text):
    assert said(text) == set()


def test_a_parent_body_does_not_take_its_units_stance():
    text = 'وكان الرائد "جميل الصالح قائد "جيش العزة" التابع للجيش السوري الحر قد رفض "أي هدنة"'
    keys = {key for key, stance in said(text) if stance == "rejects"}
    assert "free_syrian_army" not in keys and len(keys) == 2       # the commander and his group


def test_jamil_al_saleh_in_latin_script_finds_the_arabic_report(seeded):
    found = stances_for(seeded.db, "Jamil al-Saleh")
    assert [(r["outlet"], r["stance"]) for r in found["reports"]] == [("Orient Net", "rejects")]
    report = found["reports"][0]
    assert {report["sentence"][h["start"]:h["end"]] for h in report["highlights"]} >= {"رفض"}
    assert found["actor"]["names"] == ["جميل الصالح"]


def test_the_coalition_supports_in_one_outlet_and_stays_away_in_another(seeded):
    found = stances_for(seeded.db, "the Syrian Coalition")
    by_outlet = {row["outlet"]: row["stances"] for row in found["outlets"]}
    assert by_outlet["Irfaa Sawtak"] == ["supports"] and by_outlet["Orient Net"] == ["stayed_away"]
    assert found["actor"]["key"] == "syrian_national_coalition" and found["status"] == "consistent"
    assert stances_for(seeded.db, "الائتلاف الوطني السوري")["outlets"] == found["outlets"]


def test_opposite_stances_are_changed_when_dated_apart_and_disputed_when_not():
    def report(outlet, stance, day):
        return {"outlet": outlet, "stance": stance, "published_at": day}

    apart = conflicts([report("A", "supports", "2016-12-29"), report("B", "rejects", "2016-12-30")])
    assert apart == [{"kind": "changed", "stances": ["supports", "rejects"],
                      "outlets": {"supports": ["A"], "rejects": ["B"]}}]
    same_day = conflicts([report("A", "rejects", "2016-12-29"), report("B", "supports", "2016-12-29")])
    assert same_day[0]["kind"] == "disputed"


def test_an_unknown_actor_has_an_empty_map_and_an_empty_name_is_refused(seeded):
    assert stances_for(seeded.db, "Nobody Anywhere")["status"] == "unreported"
    with pytest.raises(InputError):
        stances_for(seeded.db, "   ")


def test_the_report_lists_actors_with_their_maps(seeded_report):
    names = {actor["actor"]["key"]: actor for actor in seeded_report["actors"]}
    assert "syrian_national_coalition" in names and "gmlslh" in names
