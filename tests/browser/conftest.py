"""Real headless Chromium on the report page.

The page is the report of the seeds plus three articles made for these
tests (``extra_articles.jsonl``): an English and a French wire report that
disagree with the seeds and each other on the number of fighters and on
the Syrian Coalition's stance (so there are several types to filter), and
a hostile article with ``<script>``, ``onerror=`` and a ``javascript:`` URL.

Chromium is Debian's (/usr/bin/chromium; ``playwright install`` is never
run). Without it the tests skip, except under CI, where they fail.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from service.config import load_settings
from service.context import Context

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-quic", "--disable-component-update", "--disable-sync"]
EXTRA_ARTICLES = Path(__file__).with_name("extra_articles.jsonl")
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must provide it (apt-get install chromium; pip install playwright)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def report_page(seeded_home, tmp_path_factory) -> Path:
    """The HTML report of the seeds plus the extra articles, aligned, as a file."""
    from service.jobs.align import run_align
    from service.jobs.ingest import ingest_paths
    from service.reports.publish import write_report

    home = tmp_path_factory.mktemp("browser") / "home"
    shutil.copytree(seeded_home, home)        # the seeds are aligned already: align only the extras
    ctx = Context(load_settings(home=home))
    try:
        s = ctx.settings
        ingested = ingest_paths(ctx.db, [EXTRA_ARTICLES], max_bytes=s.max_article_bytes,
                                max_chars=s.max_sentence_chars)
        assert ingested.added == 3, ingested.errors
        run_align(ctx.db, s)
        return write_report(ctx.db, home.parent / "report.html", tier="all")   # the rendering of every tier
    finally:
        ctx.close()


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """A Chromium context with a new, empty profile."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True, viewport=DESKTOP)
        try:
            yield context
        finally:
            context.close()


class Page:
    """A loaded report page with everything it logged and every request it made."""

    def __init__(self, page, url: str):
        self.page, self.problems, self.requests, self.dialogs = page, [], [], []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url)
        page.wait_for_load_state("load")


@pytest.fixture
def open_report(chromium, report_page):
    opened = []

    def open_(viewport=DESKTOP, path: Path = report_page) -> Page:
        page = chromium.new_page()
        page.set_viewport_size(viewport)
        opened.append(page)
        return Page(page, path.as_uri())

    yield open_
    for page in opened:
        page.close()
