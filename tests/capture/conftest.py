"""Fixtures of the capture tests: a copy of the mini project with a shot list of the test's own."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import copy_fixture
from onboardkit.config import Project, load_project

ProjectFactory = Callable[..., Project]


@pytest.fixture
def make_project(tmp_path: Path) -> ProjectFactory:
    """Return a function that writes ``shots.yml`` (and extra config) into a fresh mini copy."""

    def make(shots: str, config: str = "") -> Project:
        root = tmp_path / "mini"
        if not root.exists():
            copy_fixture("mini", tmp_path)
        (root / "screenshots").mkdir(exist_ok=True)
        (root / "screenshots" / "shots.yml").write_text(textwrap.dedent(shots), encoding="utf-8")
        if config:
            with (root / "onboardkit.yml").open("a", encoding="utf-8") as stream:
                stream.write(textwrap.dedent(config))
        return load_project(root)

    return make
