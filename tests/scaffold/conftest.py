"""Fixtures of the scaffold tests: a copy of the sample addon, and real OCA addons from PyPI."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import REPOSITORY

ADDONS = Path(__file__).resolve().parent / "addons"
WHEEL_CACHE = REPOSITORY / ".cache" / "wheels"
OCA_ADDONS = ("queue_job", "currency_rate_update", "base_user_role")
SERIES_PIN = ">=17.0,<17.1"


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    """A fresh copy of the sample addon, in a folder of its own."""
    target = tmp_path / "addons" / "sample_connector"
    shutil.copytree(ADDONS / "sample_connector", target)
    return target


def _wheel(name: str) -> Path:
    found = sorted(WHEEL_CACHE.glob(f"odoo_addon_{name}-17.0.*.whl"))
    if found:
        return found[-1]
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
        "-d", str(WHEEL_CACHE), f"odoo-addon-{name}{SERIES_PIN}",
    ]  # fmt: skip
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    found = sorted(WHEEL_CACHE.glob(f"odoo_addon_{name}-17.0.*.whl"))
    if completed.returncode != 0 or not found:
        pytest.fail(f"pip download of odoo-addon-{name} failed:\n{completed.stderr}")
    return found[-1]


@pytest.fixture(scope="session")
def oca_addons(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 17.0 OCA addons, downloaded once into .cache/wheels and unpacked; their folder."""
    root = tmp_path_factory.mktemp("oca")
    for name in OCA_ADDONS:
        with zipfile.ZipFile(_wheel(name)) as archive:
            members = [m for m in archive.namelist() if m.startswith(f"odoo/addons/{name}/")]
            archive.extractall(root, members)
    return root / "odoo" / "addons"
