"""Fixtures of the PDF tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import make_project

from onboardkit.config import Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh copy of the mini project with screenshots."""
    return make_project(tmp_path)
