"""The CLI and the API are two faces of one set of functions: the same filters under the same names, the same rows."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from service.cli import cli
from tests.api.conftest import AUTH

# Endpoint -> command; a query parameter or body field is the option --name (underscores as dashes)
# unless named here.
ENDPOINTS = {("get", "/v1/contradictions"): "contradictions", ("get", "/v1/clusters"): "clusters",
             ("get", "/v1/report"): "report", ("get", "/v1/jobs"): "jobs",
             ("post", "/v1/claims/check"): "check", ("post", "/v1/claims/compare"): "compare",
             ("get", "/v1/entities/{name}/stances"): "stances"}
RENAMED = {"top_k": "--top", "outlets": "--outlet", "languages": "--language"}
ARGUMENTS = {"claim", "a", "b", "name"}
# What only a terminal needs: machine output, batch files, an output file.
CLI_ONLY = {"--json", "--batch", "--out", "--help"}


def run(home, *args):
    result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _api_names(schema: dict, method: str, path: str) -> set[str]:
    operation = schema["paths"][path][method]
    names = {p["name"] for p in operation.get("parameters", []) if p["in"] in ("query", "path")}
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    if body:
        ref = body["$ref"].rsplit("/", 1)[-1]
        names |= set(schema["components"]["schemas"][ref]["properties"])
    return {RENAMED.get(name, "--" + name.replace("_", "-")) for name in names - ARGUMENTS}


def _cli_names(command: str) -> set[str]:
    params = cli.commands[command].params
    return {p.opts[0] for p in params if isinstance(p, click.Option)} - CLI_ONLY


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e[0]} {e[1]}")
def test_every_filter_of_an_endpoint_is_an_option_of_its_command_and_back(client, endpoint):
    schema = client.get("/openapi.json").json()
    assert _api_names(schema, *endpoint) == _cli_names(ENDPOINTS[endpoint])


def _all_commands(group: click.Group, prefix: str = "factalign"):
    yield prefix, group
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _all_commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_every_option_has_help_text():
    missing = [(name, param.opts[0]) for name, command in _all_commands(cli) for param in command.params
               if isinstance(param, click.Option) and not param.help]
    assert missing == []


@pytest.mark.parametrize("since, until, rows", [
    ("2016-12-29", "2016-12-29", 1),         # the seeds' scope dispute: both sides of the 29th
    ("2016-12-30", None, 0), (None, "2016-12-28", 0), (None, None, 1),
])
def test_contradictions_since_until_give_the_api_rows(client, api_home, since, until, rows):
    # tier=all: the seeds' one dispute (scope) is a possible conflict, not a confirmed one
    window = {key: value for key, value in (("since", since), ("until", until), ("tier", "all")) if value}
    api = client.get("/v1/contradictions", params=window, headers=AUTH).json()
    options = [arg for key, value in window.items() for arg in (f"--{key}", value)]
    assert json.loads(run(api_home, "contradictions", *options, "--json")) == api
    assert len(api["contradictions"]) == rows


def test_a_bad_date_names_the_option_and_the_format(api_home):
    result = CliRunner().invoke(cli, ["--home", str(api_home), "contradictions", "--since", "29/12/2016"])
    assert result.exit_code == 2 and "--since" in result.output and "YYYY-MM-DD" in result.output


def test_clusters_json_is_the_api_json_with_a_label(client, api_home):
    api = client.get("/v1/clusters", params={"limit": 5, "min_size": 2}, headers=AUTH).json()
    assert json.loads(run(api_home, "clusters", "--limit", "5", "--min-size", "2", "--json")) == api
    assert api["clusters"] and all(c["label"] in {m["sentence"] for m in c["members"]} or c["label"].endswith("…")
                                   for c in api["clusters"])


def test_cluster_filters_give_the_api_rows_and_narrow_as_named(client, api_home):
    everything = client.get("/v1/clusters", headers=AUTH).json()["clusters"]
    first = everything[0]
    assert {"size", "story_id", "outlets", "languages", "first", "last", "representative"} <= set(first)
    assert first["size"] == len(first["members"]) and first["first"] <= first["last"]
    for params in ({"story": first["story_id"]}, {"outlet": first["outlets"][0]},
                   {"since": first["last"], "until": first["first"]}, {"since": "2030-01-01"}):
        params["limit"] = 20                     # the CLI's default page is a screenful
        api = client.get("/v1/clusters", params=params, headers=AUTH).json()
        options = [arg for key, value in params.items() for arg in (f"--{key}", str(value))]
        assert json.loads(run(api_home, "clusters", *options, "--json")) == api
        expected = [] if params.get("since") == "2030-01-01" else [c for c in everything if c["id"] == first["id"]]
        assert [c for c in api["clusters"] if c["id"] == first["id"]] == expected
    story = client.get("/v1/contradictions", params={"tier": "all", "story": 10 ** 8}, headers=AUTH).json()
    assert story["contradictions"] == []


def test_clusters_default_output_is_a_labelled_screenful(api_home):
    output = run(api_home, "clusters")
    assert 0 < output.count("cluster ") <= 20
    first = json.loads(run(api_home, "clusters", "--json"))["clusters"][0]
    assert f"cluster {first['id']}: {first['label']}" in output


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_go_before_or_after_the_command(api_home, where):
    claim = "Russia and Turkey brokered the ceasefire in Syria."
    args = ["check", claim, "--json"]
    args = ["--home", str(api_home), *args] if where == "before" else [*args, "--home", str(api_home)]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["supporting"]


def test_global_options_after_a_subcommand_of_db_and_with_equals(api_home):
    result = CliRunner().invoke(cli, ["db", "current", f"--home={api_home}", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["up_to_date"] is True


def test_every_command_help_says_where_global_options_go():
    result = CliRunner().invoke(cli, ["clusters", "--help"])
    assert "--home DIR" in result.output and "before or after the command" in result.output
