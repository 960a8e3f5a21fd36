"""Wire copy in check: one agency text carried by five outlets is one item naming the five outlets."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from service.cli import cli
from service.retrieval.check import check_claim
from tests.conftest import ingest_and_align, opened

AGENCY = "افتتحت وزارة الزراعة السعودية سوقا جديدا للتمور في مدينة بريدة يستقبل ثلاثة آلاف طن في موسمه الأول."
WIRE_OUTLETS = ["Okaz", "Al Riyadh", "Al Madina", "Al Watan", "Al Yaum"]
# Other outlets' own reports of the same opening, each worded its own way.
OWN_REPORTS = [
    ("Sabq", "2015-08-02", "وزارة الزراعة تفتتح في بريدة سوقا للتمور قادرا على استقبال ثلاثة آلاف طن خلال الموسم الأول."),
    ("Al Jazirah", "2015-08-02", "سوق التمور الجديد في بريدة الذي افتتحته وزارة الزراعة سيستقبل ثلاثة آلاف طن في أول مواسمه."),
    ("Al Bilad", "2015-08-03", "افتتح وزير الزراعة في مدينة بريدة سوقا جديدة للتمور تتسع لثلاثة آلاف طن في موسمها الأول."),
    ("Al Sharq", "2015-08-03", "أعلنت وزارة الزراعة افتتاح سوق للتمور في بريدة يستوعب ثلاثة آلاف طن من التمور في الموسم الأول."),
    ("Maaal", "2015-08-04", "بدأت في بريدة سوق التمور الجديدة التي افتتحتها وزارة الزراعة أعمالها وتستقبل ثلاثة آلاف طن في موسمها الأول."),
]
CLAIM = "وزارة الزراعة افتتحت سوقا جديدا للتمور في بريدة يستقبل ثلاثة آلاف طن في الموسم الأول"


def _articles() -> list[dict]:
    wire = [{"id": f"wire-{n}", "outlet": outlet, "language": "ar", "published_at": f"2015-08-0{1 + n % 2}",
             "url": f"https://example.org/{n}", "text": f"{AGENCY}\n\nوحضر الافتتاح عدد من المسؤولين في {outlet}."}
            for n, outlet in enumerate(WIRE_OUTLETS)]
    own = [{"id": f"own-{n}", "outlet": outlet, "language": "ar", "published_at": day, "text": text}
           for n, (outlet, day, text) in enumerate(OWN_REPORTS)]
    return wire + own


@pytest.fixture(scope="module")
def wire_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("wire")
    path = home / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in _articles()), encoding="utf-8")
    assert ingest_and_align(home, [path]).added == 10
    return home


@pytest.fixture
def wire_ctx(wire_home):
    with opened(wire_home) as ctx:
        yield ctx


def test_one_agency_text_in_five_outlets_is_one_item_with_five_outlets(wire_ctx):
    supporting = check_claim(wire_ctx, CLAIM, top_k=5)["supporting"]
    wire = [item for item in supporting if item["sentence"] == AGENCY]
    assert len(wire) == 1, [item["sentence"] for item in supporting]
    assert sorted(wire[0]["outlets"]) == sorted(WIRE_OUTLETS) and wire[0]["copy_count"] == 5
    assert {c["article_id"] for c in wire[0]["copies"]} == {f"wire-{n}" for n in range(5)}
    assert [c["published_at"] for c in wire[0]["copies"]] == sorted(c["published_at"] for c in wire[0]["copies"])
    assert {"sentence", "article_id", "outlet", "published_at", "score", "reasons"} <= set(wire[0])


def test_the_top_five_are_five_different_reports(wire_ctx):
    supporting = check_claim(wire_ctx, CLAIM, top_k=5)["supporting"]
    assert len(supporting) == 5
    assert len({item["sentence"] for item in supporting}) == 5
    assert sum(item["copy_count"] for item in supporting) == 9


def test_the_cli_names_the_other_outlets_once(wire_home):
    output = CliRunner().invoke(cli, ["--home", str(wire_home), "check", CLAIM]).output
    assert output.count(AGENCY) == 1
    assert "the same text in 5 outlets" in output and all(outlet in output for outlet in WIRE_OUTLETS)
