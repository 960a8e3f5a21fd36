"""Parallel checks while a batch is ingested and the align job runs: no errors, consistent answers."""

from __future__ import annotations

import json
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.api.conftest import AUTH
from tests.api.test_routes import wait_for_job
from tests.conftest import shared_path

pytestmark = pytest.mark.slow
CLAIMS = ["Groups representing 52,000 fighters signed the ceasefire.",
          "Russia and Turkey brokered the ceasefire in Syria.",
          "وقف إطلاق النار يشمل كل الأراضي السورية"]


def saudi_articles(count: int) -> list[dict]:
    path = sorted(shared_path("data", "saudinewsnet").glob("*.zip"))[0]
    articles = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".json"):
                articles.extend(json.loads(archive.read(name)))
            if len(articles) >= count:
                break
    return articles[:count]


def test_checks_stay_correct_while_writing_and_aligning(client):
    new_articles = saudi_articles(30)        # before the threads start: a skip inside the pool would hang it
    check = lambda claim: client.post("/v1/claims/check", json={"claim": claim}, headers=AUTH)
    before = {claim: check(claim).json() for claim in CLAIMS}
    stop, answers, errors = threading.Event(), [], []

    def keep_checking(claim: str) -> None:
        while not stop.is_set():
            response = check(claim)
            (answers if response.status_code == 200 else errors).append((claim, response.json()))

    with ThreadPoolExecutor(max_workers=len(CLAIMS)) as pool:
        for claim in CLAIMS:
            pool.submit(keep_checking, claim)
        added = client.post("/v1/articles", json=new_articles, headers=AUTH)
        job = wait_for_job(client, client.post("/v1/jobs/align", headers=AUTH).json()["id"])
        stop.set()
    assert added.status_code == 201 and job["state"] == "succeeded", (added.json(), job)
    assert not errors, errors[:3]
    after = {claim: check(claim).json() for claim in CLAIMS}
    assert len(answers) >= len(CLAIMS)
    # Every answer is the one from before the new sentences were indexed or the one after: nothing in between.
    for claim, answer in answers:
        assert answer in (before[claim], after[claim])
