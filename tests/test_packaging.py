"""The distribution ships every package and the demo's seeds."""

from __future__ import annotations

import tomllib

from tests.conftest import REPO


def test_every_python_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(REPO).parts)
        for top in ("service", "embeddings") for init in (REPO / top).rglob("__init__.py")
    }
    assert on_disk <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"
    assert "service.seeds" in listed


def test_bundled_seeds_are_found():
    from service.demo import bundled_seeds

    folder = bundled_seeds()
    assert (folder / "manifest.jsonl").exists() and len(list(folder.glob("*.txt"))) == 5
