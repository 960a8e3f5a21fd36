"""The per-day chart's geometry: one slot per calendar day, two rows with their own scales."""

from __future__ import annotations

from service.reports.timeline_chart import LEFT, WIDTH, timeline_chart


def test_every_calendar_day_gets_a_slot_and_each_row_its_own_scale():
    chart = timeline_chart([{"date": "2016-12-27", "claims": 1000, "contradictions": 0},
                            {"date": "2016-12-29", "claims": 10, "contradictions": 4},
                            {"date": "2016-12-30", "claims": 500, "contradictions": 2}])
    assert chart["days"] == 4 and chart["top_claims"] == 1000 and chart["top_conflicts"] == 4
    first, middle, last = chart["bars"]
    step = (WIDTH - LEFT) / 4
    assert round(middle["x"] - first["x"], 1) == round(2 * step, 1)            # the empty 28th keeps its slot
    assert middle["conflicts_h"] == 2 * last["conflicts_h"] > 0 and first["conflicts_h"] == 0
    assert first["claims_h"] > last["claims_h"] > middle["claims_h"] > 0
    assert [t["label"] for t in chart["ticks"]][0::len(chart["ticks"]) - 1] == ["2016-12-27", "2016-12-30"]
    assert all(LEFT <= bar["x"] and bar["x"] + bar["width"] <= WIDTH for bar in chart["bars"])


def test_one_day_and_no_day():
    chart = timeline_chart([{"date": "2017-01-17", "claims": 3, "contradictions": 0}])
    assert chart["days"] == 1 and [t["anchor"] for t in chart["ticks"]] == ["middle"]
    assert timeline_chart([]) is None
