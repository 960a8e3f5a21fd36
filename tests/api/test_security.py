"""Keys, limits and malformed requests: the right status, a readable message, an unchanged store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from service.api.security import key_matches
from service.api.server import check_exposure, is_loopback
from service.cli import cli
from service.config import load_settings
from service.errors import ConfigError
from tests.api.conftest import AUTH, KEY, count_articles

ARTICLE = {"text": "أعلن وزير الزراعة اليوم افتتاح سوق جديد للتمور في مدينة بريدة بحضور المزارعين.",
           "outlet": "Test Daily"}


def test_writes_need_a_key_401_then_a_valid_one_403(client):
    before = count_articles(client)
    missing = client.post("/v1/articles", json=ARTICLE)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert "Authorization: Bearer" in missing.json()["error"]["message"]
    not_bearer = client.post("/v1/articles", json=ARTICLE, headers={"Authorization": f"Basic {KEY}"})
    assert not_bearer.status_code == 401
    wrong = client.post("/v1/articles", json=ARTICLE, headers={"Authorization": "Bearer not-a-key"})
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "forbidden"
    assert client.post("/v1/jobs/align").status_code == 401
    assert client.post("/v1/jobs/align", headers={"Authorization": "Bearer nope"}).status_code == 403
    assert count_articles(client) == before
    assert client.post("/v1/articles", json=ARTICLE, headers={"Authorization": "Bearer another-key"}).status_code == 201


def test_reads_are_closed_unless_opened(make_client):
    closed = make_client()
    assert closed.get("/v1/contradictions").status_code == 401
    assert closed.post("/v1/claims/check", json={"claim": "a claim of some length"}).status_code == 401
    assert closed.get("/healthz").status_code == 200            # probes never need a key
    opened = make_client(open_reads=True)
    assert opened.get("/v1/contradictions").status_code == 200
    assert opened.post("/v1/articles", json=ARTICLE).status_code == 401    # writes stay closed


def test_without_keys_the_loopback_server_is_open(make_client):
    client = make_client(api_keys="")
    assert client.post("/v1/articles", json=ARTICLE).status_code == 201


def test_oversize_bodies_are_413_and_change_nothing(make_client):
    client = make_client(max_request_bytes=2_000)
    before = count_articles(client)
    big = [dict(ARTICLE, outlet=f"outlet {i}") for i in range(40)]
    declared = client.post("/v1/articles", json=big, headers=AUTH)
    assert declared.status_code == 413 and "FACTALIGN_MAX_REQUEST_BYTES" in declared.json()["error"]["message"]
    chunks = (json.dumps(big).encode()[i:i + 500] for i in range(0, len(json.dumps(big).encode()), 500))
    streamed = client.post("/v1/articles", content=chunks, headers={**AUTH, "Content-Type": "application/json"})
    assert streamed.status_code == 413 and streamed.json()["error"]["code"] == "payload_too_large"
    assert count_articles(client) == before


def test_malformed_json_and_wrong_types_are_422_with_the_field(client):
    before = count_articles(client)
    broken = client.post("/v1/articles", content=b'{"text": "abc", ', headers={**AUTH, "Content-Type": "application/json"})
    assert broken.status_code == 422 and "malformed JSON" in broken.json()["error"]["message"]
    typed = client.post("/v1/claims/check", json={"claim": ["not", "a", "string"], "top_k": "many"}, headers=AUTH)
    assert typed.status_code == 422
    fields = {f["field"] for f in typed.json()["error"]["details"]["fields"]}
    assert fields == {"claim", "top_k"}
    typo = client.post("/v1/claims/check", json={"claims": "x"}, headers=AUTH)
    assert typo.status_code == 422 and "claims" in typo.json()["error"]["message"]
    assert client.post("/v1/articles", json={"text": 42}, headers=AUTH).status_code == 422
    assert client.post("/v1/articles", json=[], headers=AUTH).status_code == 422
    assert count_articles(client) == before


def test_claim_limits(make_client):
    client = make_client(max_claim_chars=50)
    long = client.post("/v1/claims/check", json={"claim": "word " * 20}, headers=AUTH)
    assert long.status_code == 422 and "50-character limit" in long.json()["error"]["message"]
    blank = client.post("/v1/claims/check", json={"claim": "   "}, headers=AUTH)
    assert blank.status_code == 422 and "empty" in blank.json()["error"]["message"]
    assert client.post("/v1/claims/check", json={"claim": "x y z", "top_k": 0}, headers=AUTH).status_code == 422


def test_curl_style_form_content_type_is_read_as_json_only_for_claims(client):
    form = {**AUTH, "Content-Type": "application/x-www-form-urlencoded"}
    check = client.post("/v1/claims/check", content=json.dumps({"claim": "الهدنة في سوريا"}), headers=form)
    assert check.status_code == 200
    write = client.post("/v1/articles", content=json.dumps(ARTICLE), headers=form)
    assert write.status_code == 422


def test_key_comparison():
    assert key_matches("b", ["a", "b"]) and not key_matches("c", ["a", "b"]) and not key_matches("", ["a"])


@pytest.mark.parametrize("host,loopback", [("127.0.0.1", True), ("::1", True), ("localhost", True),
                                           ("0.0.0.0", False), ("10.1.2.3", False), ("example.org", False)])
def test_loopback_detection(host, loopback):
    assert is_loopback(host) is loopback


def test_no_keys_on_a_network_address_refuses_to_start(tmp_path):
    open_settings = load_settings(home=tmp_path, api_keys="")
    with pytest.raises(ConfigError, match="FACTALIGN_API_KEYS"):
        check_exposure(open_settings, "0.0.0.0", allow_unauthenticated=False)
    check_exposure(open_settings, "0.0.0.0", allow_unauthenticated=True)
    check_exposure(load_settings(home=tmp_path, api_keys="k"), "0.0.0.0", allow_unauthenticated=False)
    result = CliRunner().invoke(cli, ["--home", str(tmp_path), "serve", "--host", "0.0.0.0"], env={"FACTALIGN_API_KEYS": ""})
    assert result.exit_code == 2 and "refusing to serve on 0.0.0.0" in result.output
