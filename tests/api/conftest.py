"""An API over a private copy of the seeded store, so writes in one test touch no other."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import load_settings

KEY = "test-key-1"
AUTH = {"Authorization": f"Bearer {KEY}"}


@pytest.fixture
def api_home(seeded_home, tmp_path):
    home = tmp_path / "home"
    shutil.copytree(seeded_home, home)
    return home


@pytest.fixture
def make_client(api_home):
    """A started TestClient (lifespan run) over the copied home; settings overridable."""
    clients = []

    def make(**overrides) -> TestClient:
        overrides.setdefault("api_keys", f"{KEY},another-key")
        client = TestClient(create_app(load_settings(home=api_home, **overrides)))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client):
    return make_client()


def count_articles(client) -> int:
    from sqlalchemy import func, select

    from service.store.schema import Article

    with client.app.state.context.db.session() as session:
        return session.scalar(select(func.count()).select_from(Article))
