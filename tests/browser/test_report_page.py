"""The report page in real headless Chromium: loads clean, filters, marks, right-to-left, inert, fits."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import DESKTOP, PHONE

VISIBLE_TYPES = "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.type)"


def test_the_page_loads_offline_without_console_errors(open_report):
    view = open_report()
    assert view.problems == []
    assert all(url.startswith(("file:", "data:")) for url in view.requests), view.requests
    assert view.page.locator(".contradiction").count() >= 5
    assert view.page.text_content("#shown").endswith("shown")


def test_clicking_a_type_shows_only_that_type(open_report):
    page = open_report().page
    types = page.eval_on_selector_all(".contradiction", "els => els.map(e => e.dataset.type)")
    assert {"number", "scope", "stance"} <= set(types)
    page.click('[data-filter-type="scope"]')
    assert page.eval_on_selector_all(".contradiction", VISIBLE_TYPES) == ["scope"] * types.count("scope")
    assert page.locator('.contradiction[data-type="number"]').first.is_hidden()
    assert page.get_attribute('[data-filter-type="scope"]', "aria-pressed") == "true"
    assert page.text_content("#shown") == f"{types.count('scope')} of {len(types)} shown"
    page.click('[data-filter-type=""]')
    assert sorted(page.eval_on_selector_all(".contradiction", VISIBLE_TYPES)) == sorted(types)


def test_outlet_and_date_filters(open_report):
    page = open_report().page
    page.select_option("#f-outlet", "Dépêche du Levant")
    shown = page.eval_on_selector_all(".contradiction", "els => els.filter(e => e.offsetParent !== null)"
                                                        ".map(e => JSON.parse(e.dataset.outlets))")
    assert shown and all("Dépêche du Levant" in outlets for outlets in shown)
    page.select_option("#f-outlet", "")
    page.fill("#f-since", "2016-12-30")
    dates = page.eval_on_selector_all(".contradiction", "els => els.filter(e => e.offsetParent !== null)"
                                                        ".map(e => JSON.parse(e.dataset.dates))")
    assert dates and all(max(d for d in pair if d) >= "2016-12-30" for pair in dates)
    assert page.locator(".story:visible").count() < page.locator(".story").count()   # whole stories hide


@pytest.mark.parametrize("value", ["62 ألف مقاتل", "52,000 fighters", "يستثني", "تضم", "rejeté"])
def test_the_conflicting_values_are_visibly_highlighted(open_report, value):
    page = open_report().page
    mark = page.locator("mark.hl", has_text=value).first
    assert mark.is_visible()
    box = mark.bounding_box()
    assert box["width"] > 10 and box["height"] > 10
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_the_two_sides_stand_side_by_side_on_a_laptop_and_stack_on_a_phone(open_report):
    for viewport, beside in ((DESKTOP, True), (PHONE, False)):
        pair = open_report(viewport).page.locator(".contradiction").first
        a, b = pair.locator(".side-a").bounding_box(), pair.locator(".side-b").bounding_box()
        if beside:
            assert abs(a["y"] - b["y"]) < 2 and a["x"] + a["width"] <= b["x"]
        else:
            assert a["y"] + a["height"] <= b["y"]


def test_arabic_reads_right_to_left_and_its_numbers_left_to_right(open_report):
    page = open_report().page
    found = page.evaluate("""() => {
      const mark = [...document.querySelectorAll('blockquote[dir=rtl][lang=ar] mark.hl')]
        .find(m => m.textContent.startsWith('62'));
      const box = (node, i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                                 return r.getBoundingClientRect(); };
      const digits = mark.firstChild, before = mark.previousSibling, after = mark.nextSibling;
      return {direction: getComputedStyle(mark.closest('blockquote')).direction,
              six: box(digits, 0).left, two: box(digits, 1).left, mark: mark.getBoundingClientRect().toJSON(),
              before: box(before, before.length - 2).toJSON(), after: box(after, 1).toJSON()};
    }""")
    assert found["direction"] == "rtl"
    assert found["six"] < found["two"]                       # "62", not "26"
    mark, checked = found["mark"], 0
    if abs(found["before"]["top"] - mark["top"]) < 4:         # what the sentence says before it: to its right
        assert found["before"]["left"] >= mark["right"] - 1
        checked += 1
    if abs(found["after"]["top"] - mark["top"]) < 4:          # and what follows: to its left
        assert found["after"]["right"] <= mark["left"] + 1
        checked += 1
    assert checked


def test_a_hostile_article_is_shown_as_text_and_runs_nothing(open_report):
    view = open_report()
    page = view.page
    assert page.evaluate("() => window.__pwned") is None and view.dialogs == []
    assert page.locator("script").count() == 1
    assert page.locator(".story img, .actor img, .counts img").count() == 0
    assert page.locator("a[href^='javascript' i]").count() == 0
    text = "\n".join(page.locator(".story").all_inner_texts())
    assert "<script>window.__pwned='script'</script>" in text and "onerror=" in text
    assert "<script>window.__pwned = 'title'</script>Truce news" in text
    options = page.eval_on_selector_all("#f-outlet option", "els => els.map(e => e.value)")
    assert any(option.startswith("Hostile <b>Outlet</b>") for option in options)


@pytest.mark.parametrize("name, viewport", [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots_and_no_sideways_scrolling(open_report, tmp_path, name, viewport):
    page = open_report(viewport).page
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {viewport['width']}px"
    path = tmp_path / f"report-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot ({name}): {path}")
    assert path.stat().st_size > 20_000
    assert json.loads(page.evaluate("() => JSON.stringify(document.fonts.status)")) == "loaded"
