"""check --by-article and the API's by_article: the same articles, the same JSON."""

from __future__ import annotations

import json

from click.testing import CliRunner

from service.cli import cli
from tests.api.conftest import AUTH

CONFLICT = "Groups representing 52,000 fighters signed the ceasefire."


def test_the_cli_and_the_api_give_the_same_articles(client, api_home):
    api = client.post("/v1/claims/check", json={"claim": CONFLICT, "by_article": True}, headers=AUTH).json()
    result = CliRunner().invoke(cli, ["--home", str(api_home), "check", CONFLICT, "--by-article", "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["articles"] == api["articles"] and api["articles"]
    plain = client.post("/v1/claims/check", json={"claim": CONFLICT}, headers=AUTH).json()
    assert "articles" not in plain


def test_the_cli_prints_each_article_with_its_stance(api_home):
    result = CliRunner().invoke(cli, ["--home", str(api_home), "check", CONFLICT, "--by-article"],
                                catch_exceptions=False)
    assert result.exit_code == 0 and "articles (" in result.output and "disagree" in result.output
