"""The bundled example project builds strictly in both languages, fully translated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import REPOSITORY

from onboardkit.config import load_project
from onboardkit.site.build import build_site

# What the example's build reads; generated pages, the site and PDFs stay behind.
EXAMPLE_PARTS = (
    "onboardkit.yml",
    "mkdocs.yml",
    "listing.yml",
    "onboarding",
    "docs",
    "addons",
    "screenshots",
    "translations",
)


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example")
    for name in EXAMPLE_PARTS:
        source = REPOSITORY / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "onboarding")
            ignore = ignore if name == "docs" else shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, root / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, root / name)
    return build_site(load_project(root), strict=True, site_dir=root / "site")


def guide_pages(site: Path, language: str) -> list[Path]:
    base = site / "ar" if language == "ar" else site
    return sorted((base / "onboarding").glob("*/index.html"))


def test_example_builds_every_guide(example_site: Path) -> None:
    names = {path.stem for path in (REPOSITORY / "onboarding").glob("*.yml")}
    english = {path.parent.name for path in guide_pages(example_site, "en")}
    arabic = {path.parent.name for path in guide_pages(example_site, "ar")}
    assert names <= english
    assert names <= arabic


def test_example_has_three_workflows(example_site: Path) -> None:
    workflows = [p for p in guide_pages(example_site, "en") if p.parent.name.startswith("workflow")]
    assert len(workflows) >= 3


def test_example_arabic_guides_fully_translated(example_site: Path) -> None:
    for path in guide_pages(example_site, "ar"):
        text = path.read_text(encoding="utf-8")
        assert "الترجمة غير مكتملة" not in text, path
        assert "ok-fallback" not in text, path


def test_example_api_reference_in_both_languages(example_site: Path) -> None:
    for base in (example_site, example_site / "ar"):
        text = (base / "reference/api/index.html").read_text(encoding="utf-8")
        assert 'id="caravan_connector.models.caravan_shipment.CaravanShipment"' in text
