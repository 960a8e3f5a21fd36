"""/docs in real headless Chromium with no way out: Swagger UI must come from the package, not a CDN.

The server is the real app under uvicorn on loopback, over a copy of the
seeded store. Every request the page makes to another host is refused and
recorded, so a page that still needs a CDN shows up as a blank page and a
failed request here, as it did for a newcomer offline.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request

import pytest

CLAIM = "Groups representing 52,000 fighters signed the ceasefire."
OPERATIONS = {"POST /v1/claims/check", "POST /v1/claims/compare", "GET /v1/contradictions", "GET /v1/clusters"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_ready(base: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/readyz", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.3)
    pytest.fail("the API did not become ready in 180 s")


@pytest.fixture(scope="module")
def api_base(seeded_home, tmp_path_factory):
    """The API (no keys: loopback only) served by uvicorn on a thread, ready (model loaded)."""
    import uvicorn

    from service.api.app import create_app
    from service.config import load_settings

    home = tmp_path_factory.mktemp("docs") / "home"
    shutil.copytree(seeded_home, home)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(load_settings(home=home)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, name="docs-test-server", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    _wait_ready(base, time.monotonic() + 180)
    yield base
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture
def docs_page(chromium, api_base):
    page = chromium.new_page()
    outside: list[str] = []

    def only_loopback(route):
        if route.request.url.startswith(api_base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_loopback)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{api_base}/docs")
    yield page, outside, problems
    page.close()


def test_docs_render_every_operation_with_no_network(docs_page):
    page, outside, problems = docs_page
    page.wait_for_selector(".opblock-summary", timeout=30_000)
    shown = {" ".join(text.split()) for text in page.eval_on_selector_all(
        ".opblock-summary", "els => els.map(e => e.querySelector('.opblock-summary-method').textContent + ' '"
                            " + e.querySelector('.opblock-summary-path').textContent)")}
    assert OPERATIONS <= {s.replace("\u200b", "") for s in shown}, shown
    assert outside == [] and problems == []


def test_a_check_posted_from_the_docs_page_answers(docs_page):
    page, outside, _ = docs_page
    block = page.locator(".opblock-post", has=page.locator('[data-path="/v1/claims/check"]')).first
    block.locator(".opblock-summary").click()
    block.get_by_role("button", name="Try it out").click()
    block.locator("textarea.body-param__text").fill(json.dumps({"claim": CLAIM, "top_k": 3}))
    with page.expect_response(lambda r: r.url.endswith("/v1/claims/check")) as answered:
        block.get_by_role("button", name="Execute").click()
    response = answered.value
    assert response.status == 200
    body = response.json()
    assert body["claim"] == CLAIM and body["conflicting"]
    status = block.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for(timeout=30_000)
    assert status.text_content().strip().startswith("200")
    assert "conflicting" in block.locator(".live-responses-table tbody .microlight").first.text_content()
    assert outside == []


def test_redoc_loads_from_the_package_too(docs_page, api_base):
    page, outside, problems = docs_page
    page.goto(f"{api_base}/redoc")
    page.get_by_text("/v1/claims/check").first.wait_for(timeout=30_000)
    # ReDoc's own "powered by" badge is an image from its site: the page does not need it.
    assert [url for url in outside if not url.endswith("logo-mini.svg")] == [] and problems == []
