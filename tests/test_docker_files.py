"""The Docker files name real commands and wire the services together.

There is no Docker engine on the test machines, so nothing is built here:
instead every ``factalign`` command line the Dockerfile, compose.yml and the
nightly script run is parsed by the real CLI (a renamed command or option
fails this test), and the compose services are checked for what they need.
"""

from __future__ import annotations

import importlib
import re
import shlex

import pytest
import yaml
from click.testing import CliRunner

from service.cli import cli
from tests.conftest import REPO

DOCKER = REPO / "docker"
SHELL_JOINERS = {"&&", "||", ";", "exec"}


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n(\s*#[^\n]*\n)*", " ", (DOCKER / "Dockerfile").read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def compose() -> dict:
    return yaml.safe_load((DOCKER / "compose.yml").read_text(encoding="utf-8"))


def factalign_calls(words: list[str]) -> list[list[str]]:
    """The argument lists of every ``factalign`` call in a shell word list."""
    calls, current = [], None
    for word in words:
        if word == "factalign":
            current = []
            calls.append(current)
        elif word in SHELL_JOINERS or word.startswith("|"):
            current = None
        elif current is not None and not word.startswith("$"):
            current.append(word.rstrip(";"))
    return calls


def all_factalign_calls() -> list[list[str]]:
    commands = [yaml.safe_load(args) for name, args in dockerfile_instructions() if name == "CMD"]
    for service in compose()["services"].values():
        command = service.get("command")
        if command:
            commands.append(shlex.split(command[-1]) if command[0] == "sh" else command)
    script = (DOCKER / "nightly.sh").read_text(encoding="utf-8")
    commands += [shlex.split(line, comments=True) for line in script.splitlines()]
    return [call for words in commands for call in factalign_calls(words)]


def test_the_files_call_factalign_where_expected():
    calls = [call[:2] for call in all_factalign_calls()]
    assert ["serve", "--host"] in calls and ["db", "upgrade"] in calls and ["align", "--json"] in calls


@pytest.mark.parametrize("args", all_factalign_calls(), ids=" ".join)
def test_every_factalign_call_parses(args, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTALIGN_HOME", str(tmp_path))
    # --help after the real arguments: click parses them all first, so an
    # unknown command or option fails here, and nothing is started.
    result = CliRunner().invoke(cli, [*args, "--help"], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_the_image_bakes_the_default_model_and_runs_as_a_user():
    instructions = dockerfile_instructions()
    assert instructions[0] == ("FROM", "python:3.11-slim")
    runs = [args for name, args in instructions if name == "RUN"]
    # torch first, from the CPU index (PyPI's wheel pulls the CUDA libraries).
    assert runs[0].startswith("pip install") and "torch==" in runs[0] and "--index-url" in runs[0]
    assert ("ARG", "TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu") in instructions
    bake = next(args for args in runs if "load_encoder(None)" in args)
    module, name = re.search(r"from (\S+) import (\w+)", bake).groups()
    assert callable(getattr(importlib.import_module(module), name))
    users = [args for name, args in instructions if name == "USER"]
    assert users and not users[-1].startswith(("root", "0"))
    assert instructions.index(("USER", users[-1])) < instructions.index(("RUN", bake))
    assert "COPY --chmod=0755 docker/nightly.sh /usr/local/bin/factalign-nightly" in {
        f"{name} {args}" for name, args in instructions}


def test_compose_runs_the_api_on_postgres_and_the_nightly_job():
    services = compose()["services"]
    assert set(services) == {"db", "api", "nightly"}
    assert services["db"]["image"].startswith("postgres:16") and "healthcheck" in services["db"]
    for name in ("api", "nightly"):
        env = services[name]["environment"]
        assert env["FACTALIGN_DATABASE_URL"].startswith("postgresql+psycopg://factalign:")
        assert env["FACTALIGN_DATABASE_URL"].endswith("@db:5432/factalign")
        assert "factalign-home:/data" in services[name]["volumes"]
    assert "FACTALIGN_API_KEYS" in services["api"]["environment"]
    assert services["api"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["nightly"]["command"] == ["factalign-nightly"]
    assert "/healthz" in " ".join(services["api"]["healthcheck"]["test"])
