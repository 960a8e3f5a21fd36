"""The geometry of the report's per-day chart, drawn as inline SVG by the HTML template.

Two rows on one date axis: claims per day above, contradictions per day
below, each with its own scale (a day brings thousands of claims and a
handful of contradictions: one scale would flatten the second row). Every
calendar day between the first and the last gets its slot, so gaps in the
news show as gaps.
"""

from __future__ import annotations

import datetime as dt

WIDTH = 400             # viewBox units; the SVG scales to its card (max 480 px wide, see the CSS)
LEFT = 70               # room for the row labels
ROW = 46                # bar height at the day's maximum
TOP, GAP = 8, 18        # first row's top, space between the rows
MAX_TICKS = 3            # date labels are ~70 units wide: three fit without touching


def _ticks(first: dt.date, days: int, step: float) -> list[dict]:
    """Date labels: the first and last day, and evenly spaced days between when there is room."""
    count = min(MAX_TICKS, days)
    chosen = sorted({round(i * (days - 1) / (count - 1)) for i in range(count)}) if count > 1 else [0]
    return [{"x": round(LEFT + (i + 0.5) * step, 1),
             "label": (first + dt.timedelta(days=i)).isoformat(),
             "anchor": "start" if i == 0 and days > 1 else "end" if i == days - 1 and days > 1 else "middle"}
            for i in chosen]


def timeline_chart(timeline: list[dict]) -> dict | None:
    """Bars and labels for the template, or None when there is nothing to draw."""
    if not timeline:
        return None
    first = dt.date.fromisoformat(timeline[0]["date"])
    last = dt.date.fromisoformat(timeline[-1]["date"])
    days = (last - first).days + 1
    step = (WIDTH - LEFT) / days
    width = max(round(step * 0.8, 2), 1.5)
    top_claims = max(day["claims"] for day in timeline) or 1
    top_conflicts = max(day["contradictions"] for day in timeline) or 1
    base_claims, base_conflicts = TOP + ROW, TOP + 2 * ROW + GAP
    bars = []
    for day in timeline:
        x = LEFT + (dt.date.fromisoformat(day["date"]) - first).days * step + (step - width) / 2
        claims_h = round(ROW * day["claims"] / top_claims, 1)
        conflicts_h = round(ROW * day["contradictions"] / top_conflicts, 1)
        bars.append({**day, "x": round(x, 2), "width": width,
                     "claims_y": round(base_claims - claims_h, 1), "claims_h": claims_h,
                     "conflicts_y": round(base_conflicts - conflicts_h, 1), "conflicts_h": conflicts_h})
    return {
        "width": WIDTH, "height": base_conflicts + 26, "left": LEFT,
        "claims_base": base_claims, "conflicts_base": base_conflicts,
        "claims_label_y": TOP + ROW / 2, "conflicts_label_y": TOP + ROW + GAP + ROW / 2,
        "top_claims": top_claims, "top_conflicts": top_conflicts,
        "bars": bars, "ticks": _ticks(first, days, step), "axis_y": base_conflicts + 18,
        "first": first.isoformat(), "last": last.isoformat(), "days": days,
    }
