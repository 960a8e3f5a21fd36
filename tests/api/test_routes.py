"""Each route answers with the same JSON as the function the CLI calls."""

from __future__ import annotations

import json
import time

from service.retrieval.check import CheckFilters, check_claim
from service.retrieval.compare import compare_pair
from tests.api.conftest import AUTH, count_articles

CONFLICTING = "Groups representing 52,000 fighters signed the ceasefire."
SUPPORTED = "Russia and Turkey brokered the ceasefire in Syria."
ARABIC = ("أعلن وزير الزراعة اليوم افتتاح سوق جديد للتمور في مدينة بريدة بحضور عدد من المزارعين. "
          "وقال الوزير إن السوق سيستقبل أكثر من ثلاثة آلاف طن من التمور في الموسم الأول.")


def test_check_equals_the_in_process_function(client):
    ctx = client.app.state.context
    for claim in (CONFLICTING, SUPPORTED):
        response = client.post("/v1/claims/check", json={"claim": claim}, headers=AUTH)
        assert response.status_code == 200
        assert response.json() == check_claim(ctx, claim)
    assert response.json()["supporting"]


def test_conflicting_reports_carry_reasons(client):
    body = client.post("/v1/claims/check", json={"claim": CONFLICTING}, headers=AUTH).json()
    assert body["conflicting"] and all(item["reasons"] for item in body["conflicting"])
    assert {"number"} <= {r["type"] for item in body["conflicting"] for r in item["reasons"]}


def test_check_filters_restrict_the_reports(client):
    ctx = client.app.state.context
    full = client.post("/v1/claims/check", json={"claim": SUPPORTED, "top_k": 20}, headers=AUTH).json()
    outlet = full["supporting"][0]["outlet"]
    only = client.post("/v1/claims/check", json={"claim": SUPPORTED, "top_k": 20, "outlets": [outlet]},
                       headers=AUTH).json()
    assert only["supporting"] and {e["outlet"] for e in only["supporting"] + only["conflicting"]} == {outlet}
    assert only == check_claim(ctx, SUPPORTED, top_k=20, filters=CheckFilters(outlets=frozenset([outlet])))
    none = client.post("/v1/claims/check", json={"claim": SUPPORTED, "since": "2030-01-01"}, headers=AUTH).json()
    assert none["supporting"] == [] and none["conflicting"] == []
    english = client.post("/v1/claims/check", json={"claim": SUPPORTED, "languages": ["en"]}, headers=AUTH).json()
    assert english["supporting"] == []            # the seeds are all Arabic


def test_compare_equals_the_function(client):
    a, b = "62,000 fighters signed the truce", "وقعت فصائل تمثل 52 ألف مقاتل على الهدنة"
    response = client.post("/v1/claims/compare", json={"a": a, "b": b}, headers=AUTH)
    assert response.status_code == 200
    assert response.json() == compare_pair(client.app.state.context, a, b)
    assert response.json()["verdict"] == "conflict"


def test_articles_are_stored_with_offsets_and_duplicates_named(client):
    batch = [{"text": ARABIC, "outlet": "Test Daily", "published_at": "2015-08-01", "language": "ar",
              "url": "https://example.test/a1"},
             {"content": ARABIC.replace("بريدة", "عنيزة"), "source": "Other Daily", "date": "2015-08-02"}]
    first = client.post("/v1/articles", json=batch, headers=AUTH)
    assert first.status_code == 201 and first.json()["added"] == 2
    article_id = first.json()["article_ids"][0]
    article = client.get(f"/v1/articles/{article_id}", headers=AUTH).json()
    assert article["outlet"] == "Test Daily" and article["sentences"]
    for sentence in article["sentences"]:
        start, end = sentence["offsets"]
        assert article["text"][start:end] == sentence["sentence"]
    again = client.post("/v1/articles", json=batch[0], headers=AUTH)
    assert again.status_code == 200 and again.json()["duplicate_ids"] == [article_id]


def test_a_batch_with_one_bad_article_stores_nothing(client):
    before = count_articles(client)
    good = {"text": ARABIC, "outlet": "Test Daily"}
    for bad, why in (({"outlet": "no text"}, "no 'text'"), ({"text": ARABIC, "language": "xx"}, "unknown language"),
                     ({"text": ARABIC, "date": "not a date"}, "not a date")):
        response = client.post("/v1/articles", json=[good, bad], headers=AUTH)
        assert response.status_code == 422 and why in response.json()["error"]["message"], response.json()
    response = client.post("/v1/articles", json=[good, {"text": ARABIC, "date": "1 May"}], headers=AUTH)
    assert "nothing was stored" in response.json()["error"]["message"]
    assert response.json()["error"]["details"]["problems"][0]["index"] == 1
    # The first is written (flushed) before the second clashes with its id: the rollback must undo it.
    clash = [{"id": "same", "text": ARABIC, "outlet": "x"}, {"id": "same", "text": "آخر " + ARABIC}]
    response = client.post("/v1/articles", json=clash, headers=AUTH)
    assert response.status_code == 422 and "already exists" in response.json()["error"]["message"]
    assert count_articles(client) == before


def test_batch_size_limit(make_client):
    client = make_client(max_batch_articles=2)
    before = count_articles(client)
    response = client.post("/v1/articles", json=[{"text": ARABIC, "outlet": str(i)} for i in range(3)],
                           headers=AUTH)
    assert response.status_code == 413 and "split the batch" in response.json()["error"]["message"]
    assert count_articles(client) == before


def test_contradictions_filter_and_page(client):
    everything = client.get("/v1/contradictions", params={"tier": "all"}, headers=AUTH).json()["contradictions"]
    assert everything, "align found no contradiction in the seeds"
    confirmed = client.get("/v1/contradictions", headers=AUTH).json()["contradictions"]
    assert all(c["tier"] == "confirmed" for c in confirmed)          # the default tier
    kind = everything[0]["type"]
    typed = client.get("/v1/contradictions", params={"type": kind, "tier": "all"}, headers=AUTH).json()["contradictions"]
    assert typed and {c["type"] for c in typed} == {kind}
    assert client.get("/v1/contradictions", params={"type": "no-such-type", "tier": "all"}, headers=AUTH).json()[
        "contradictions"] == []
    outlet = everything[0]["a"]["outlet"]
    by_outlet = client.get("/v1/contradictions", params={"outlet": outlet, "tier": "all"}, headers=AUTH).json()["contradictions"]
    assert all(outlet in (c["a"]["outlet"], c["b"]["outlet"]) for c in by_outlet)
    assert client.get("/v1/contradictions", params={"until": "2000-01-01", "tier": "all"}, headers=AUTH).json()[
        "contradictions"] == []
    page = client.get("/v1/contradictions", params={"offset": len(everything), "tier": "all"}, headers=AUTH).json()
    assert page["contradictions"] == [] and page["offset"] == len(everything)


def test_clusters_list_members_from_several_outlets(client):
    clusters = client.get("/v1/clusters", headers=AUTH).json()["clusters"]
    assert clusters and all(len(c["members"]) >= 2 for c in clusters)
    assert client.get("/v1/clusters", params={"limit": 1}, headers=AUTH).json()["clusters"] == clusters[:1]


def wait_for_job(client, job_id: int, timeout: float = 180) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}", headers=AUTH).json()
        if job["state"] in ("succeeded", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still {job['state']} after {timeout}s")


def test_align_job_runs_in_the_background_and_new_articles_become_checkable(client):
    client.post("/v1/articles", json={"text": ARABIC, "outlet": "Test Daily", "published_at": "2015-08-01"},
                headers=AUTH)
    started = client.post("/v1/jobs/align", headers=AUTH)
    assert started.status_code == 202 and started.json()["state"] in ("queued", "running")
    assert started.headers["location"] == f"/v1/jobs/{started.json()['id']}"
    job = wait_for_job(client, started.json()["id"])
    assert job["state"] == "succeeded" and job["counts"]["encoded"] >= 2, job
    found = client.post("/v1/claims/check", json={"claim": "افتتاح سوق جديد للتمور في بريدة"}, headers=AUTH).json()
    assert any(item["outlet"] == "Test Daily" for item in found["supporting"])
    listed = client.get("/v1/jobs", headers=AUTH).json()["jobs"]
    assert listed[0]["id"] == job["id"]


def test_unknown_job_and_article_are_404_problems(client):
    for path in ("/v1/jobs/99999", f"/v1/jobs/{2**63}", "/v1/jobs/-1", "/v1/articles/nope", "/v1/no-such-route"):
        response = client.get(path, headers=AUTH)
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert client.get("/v1/claims/check", headers=AUTH).status_code == 405


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    deadline = time.monotonic() + 120
    while (ready := client.get("/readyz")).status_code != 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert ready.status_code == 200 and ready.json()["model"] and ready.json()["store"]
    assert ready.json()["indexed"] > 0


def test_report_in_three_formats_equals_the_cli(client, api_home):
    from click.testing import CliRunner

    from service.cli import cli

    html = client.get("/v1/report", params={"tier": "all"}, headers=AUTH)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in html.headers["content-security-policy"]
    assert 'dir="rtl"' in html.text
    as_json = client.get("/v1/report", params={"format": "json", "tier": "all"}, headers=AUTH).json()
    assert as_json["totals"]["contradictions"] >= 1
    markdown = client.get("/v1/report", params={"format": "md", "tier": "all"}, headers=AUTH)
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "|" in markdown.text
    cli_json = CliRunner().invoke(cli, ["--home", str(api_home), "report", "--tier", "all", "--format", "json"])
    assert cli_json.exit_code == 0
    same = lambda report: {k: v for k, v in report.items() if k != "generated_at"}  # noqa: E731
    assert same(json.loads(cli_json.output)) == same(as_json)
    bad = client.get("/v1/report", params={"since": "2017-01-02", "until": "2016-01-01"}, headers=AUTH)
    assert bad.status_code == 422


def test_stances_of_an_actor(client):
    found = client.get("/v1/entities/Jamil al-Saleh/stances", headers=AUTH)
    assert found.status_code == 200, found.json()
    body = found.json()
    assert body != {} and "outlets" in str(body.keys()) + str(body)
