"""The real thing: ``factalign serve`` in its own process, spoken to over loopback HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.api.conftest import KEY

pytestmark = pytest.mark.slow
FACTALIGN = str(Path(sys.executable).with_name("factalign"))
CLAIM = "Groups representing 52,000 fighters signed the ceasefire."


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(url: str, body: bytes | None = None, headers: dict | None = None) -> tuple[int, dict]:
    req = urllib.request.Request(url, data=body, headers=headers or {}, method="POST" if body else "GET")
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture
def server(api_home, tmp_path):
    port = free_port()
    log = (tmp_path / "server.log").open("wb")
    env = {**os.environ, "FACTALIGN_API_KEYS": KEY, "FACTALIGN_OPEN_READS": "true", "HF_HUB_OFFLINE": "1"}
    process = subprocess.Popen([FACTALIGN, "--home", str(api_home), "serve", "--port", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if request(f"{base}/readyz")[0] == 200:
                break
        except (urllib.error.URLError, ConnectionError):
            pass
        assert process.poll() is None, (tmp_path / "server.log").read_text()
        time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("the server did not become ready in 180 s")
    yield base
    process.terminate()
    process.wait(timeout=30)
    log.close()


def test_curl_check_equals_cli_check_json(server, api_home):
    # Exactly what curl -d sends: no JSON content type.
    status, body = request(f"{server}/v1/claims/check", json.dumps({"claim": CLAIM}).encode(),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and body["conflicting"]
    cli = subprocess.run([FACTALIGN, "--home", str(api_home), "check", CLAIM, "--json"],
                         capture_output=True, text=True, timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout) == body


def test_real_server_refuses_unauthenticated_writes(server):
    status, body = request(f"{server}/v1/articles", json.dumps({"text": "x"}).encode(),
                           {"Content-Type": "application/json"})
    assert status == 401 and body["error"]["code"] == "unauthenticated"
