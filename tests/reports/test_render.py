"""The three renderings: escaping of untrusted text, direction attributes, links, CSP, Markdown, JSON."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import json
import re

import pytest

from service.errors import InputError
from service.reports.builder import build_report
from service.reports.render import markdown_escape, render_report, safe_href
from tests.reports.conftest import all_items

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.fixture
def hostile_report(seeded_report):
    """The seeds' report with attacker-controlled text in every untrusted field of one pair."""
    report = copy.deepcopy(seeded_report)
    item = all_items(report)[0]
    side = item["b"]
    side.update(sentence=f"52,000 fighters {HOSTILE} signed.", outlet=f"Evil {HOSTILE}", title=HOSTILE,
                url="javascript:alert(3)", language='ar" onmouseover="alert(4)',
                highlights=[{"start": 0, "end": 15, "type": "number"}])
    item["reasons"][0].update(a_value=HOSTILE, b_value="[click](https://evil.example)")
    item["type"] = f"x{HOSTILE}"
    return report


def test_html_escapes_every_untrusted_field(hostile_report):
    html = render_report(hostile_report, "html")
    assert "<script>alert" not in html and "<img src=x" not in html and "onerror=\"alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html                      # the link is dropped, not escaped
    assert 'onmouseover="alert' not in html
    assert len(re.findall(r"<script\b", html)) == 1       # only the page's own script


def test_the_content_policy_allows_only_the_inline_style_and_script_by_hash(seeded_report):
    html = render_report(seeded_report, "html")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in policy
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", html, re.DOTALL).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in policy
    assert not re.search(r"(src|href)=\"(https?:)?//", html.split("<body>")[0])   # nothing fetched


def test_arabic_text_is_rtl_with_its_language_and_unknown_text_is_auto(seeded_report):
    report = copy.deepcopy(seeded_report)
    html = render_report(report, "html")
    assert 'lang="ar" dir="rtl">' in html and '<html lang="en" dir="ltr">' in html
    all_items(report)[0]["a"]["language"] = "und"
    unknown = render_report(report, "html")
    assert '<blockquote class="sentence" dir="auto">' in unknown


def test_html_marks_the_values_side_by_side(seeded_report):
    html = render_report(seeded_report, "html")
    assert '<mark class="hl hl-scope" dir="auto">يستثني</mark>' in html
    assert '<mark class="hl hl-scope" dir="auto">تضم</mark>' in html
    assert html.count('class="side side-a"') == html.count('class="side side-b"') == len(all_items(seeded_report))


def test_only_plain_web_links_are_kept():
    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example", "/etc/pw", None):
        assert safe_href(bad) is None


def test_markdown_escapes_and_bolds_the_marked_values(seeded_report, hostile_report):
    md = render_report(seeded_report, "md")
    assert "**يستثني**" in md and "**تضم**" in md and md.startswith("# Contradiction report")
    hostile = render_report(hostile_report, "md")
    assert "<script>" not in hostile and "\\<script\\>" in hostile
    assert "[click](https" not in hostile and "javascript" not in hostile
    assert markdown_escape("- item | *x*\nnext") == "\\- item \\| \\*x\\* next"


def test_json_is_the_report_itself(seeded_report):
    assert json.loads(render_report(seeded_report, "json")) == seeded_report


def test_an_unknown_format_is_refused(seeded_report):
    with pytest.raises(InputError, match="html, md, json"):
        render_report(seeded_report, "pdf")


def test_an_empty_report_renders_in_every_format(seeded):
    empty = build_report(seeded.db, since=dt.date(2030, 1, 1), tier="all")
    assert "No contradictions were recorded in this period" in render_report(empty, "html")
    assert "No contradictions were recorded in this period" in render_report(empty, "md")
    assert json.loads(render_report(empty, "json"))["stories"] == []


@pytest.mark.parametrize("n, words", [(1, "1 contradiction"), (2, "2 contradictions")])
def test_the_report_counts_in_words_that_agree(n, words):
    from service.reports.render import counted

    assert counted(n, "contradiction") == words
    assert counted(1, "story", "stories") == "1 story" and counted(3, "story", "stories") == "3 stories"


def test_the_seeds_report_never_says_1_contradictions(seeded_report):
    from service.reports.render import render_report

    for fmt in ("html", "md"):
        text = render_report(seeded_report, fmt)
        assert "1 contradictions" not in text and "1 claims" not in text
        assert "1 contradiction" in text
