from __future__ import annotations

from pathlib import Path

import pytest
from helpers import copy_fixture


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the small fixture project."""
    return copy_fixture("mini", tmp_path)
