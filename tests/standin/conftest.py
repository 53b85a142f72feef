"""Fixtures of the stand-in tests: a JSON-RPC client, Chromium and addon copies."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from standin_helpers import Client

from helpers import REPOSITORY

CARAVAN = REPOSITORY / "addons" / "caravan_connector"
WHEELS = REPOSITORY / ".cache" / "wheels"
OCA_REQUIREMENT = "odoo-addon-base_user_role>=17.0,<17.1"


@pytest.fixture
def client(standin) -> Client:  # noqa: ANN001
    return Client(standin.url)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    from onboardkit.browser import launch_chromium

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def caravan_copy(tmp_path: Path) -> Path:
    """A writable copy of the example addon."""
    target = tmp_path / "caravan_connector"
    shutil.copytree(CARAVAN, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


@pytest.fixture(scope="session")
def oca_addon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The OCA addon base_user_role 17.0, from the wheel cached under .cache/wheels.

    The wheel is downloaded from PyPI with pip when it is not cached yet.
    """
    wheels = sorted(WHEELS.glob("odoo_addon_base_user_role-17.0*.whl"))
    if not wheels:
        command = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "-q",
            "-d",
            str(WHEELS),
            OCA_REQUIREMENT,
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        wheels = sorted(WHEELS.glob("odoo_addon_base_user_role-17.0*.whl"))
        if not wheels:
            pytest.skip(f"PyPI not reachable to download {OCA_REQUIREMENT}: {done.stderr[-300:]}")
    target = tmp_path_factory.mktemp("oca")
    with zipfile.ZipFile(wheels[-1]) as archive:
        archive.extractall(target)
    return target / "odoo" / "addons" / "base_user_role"
